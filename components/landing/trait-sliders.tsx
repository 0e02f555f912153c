'use client';
import { useId } from 'react';
import { targetsFromTraits } from '@/lib/persona/style';
import { TRAIT_NAMES, TRAIT_POLES } from '@/lib/persona/traits';
import type { TraitVector } from '@/lib/persona/types';

/** Seven sliders for a custom persona's trait vector, with what they mean for its replies. */
export function TraitSliders({ value, onChange }: { value: TraitVector; onChange: (next: TraitVector) => void }) {
  const id = useId();
  const targets = targetsFromTraits(value);
  return (
    <fieldset className="trait-sliders" data-testid="trait-sliders">
      <legend>How they talk</legend>
      {TRAIT_NAMES.map((name) => {
        const [low, high] = TRAIT_POLES[name];
        return (
          <div key={name} className="trait-slider">
            <label htmlFor={`${id}-${name}`}>
              {name[0].toUpperCase() + name.slice(1)} <span className="muted">({low} ↔ {high})</span>
            </label>
            <input
              id={`${id}-${name}`}
              type="range"
              min={0}
              max={100}
              step={5}
              value={Math.round(value[name] * 100)}
              aria-valuetext={`${Math.round(value[name] * 100)} of 100, ${value[name] < 0.5 ? low : high}`}
              onChange={(e) => onChange({ ...value, [name]: Number(e.target.value) / 100 })}
              data-testid={`trait-${name}`}
            />
          </div>
        );
      })}
      <p className="muted" data-testid="trait-preview">
        Replies of up to {targets.words.max} words in {targets.sentences.max} sentences
        {targets.maxExclamationRate === 0 ? ', no exclamation marks' : ''}
        {targets.formality.maxInformal === 0 ? ', no slang' : targets.formality.maxFormal === 0 ? ', casual words' : ''}.
      </p>
    </fieldset>
  );
}
