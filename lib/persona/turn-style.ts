import { computeAdaptation, type Adaptation, type AdaptationMemory } from './adaptation';
import { styleTargets, type StyleTargets } from './style';
import { StyleGuard } from './style-repair';
import { scoreAgainst, type StyleViolationType } from './style-score';
import type { Persona } from './types';

/** Said when every sentence of a streamed reply had to be dropped (e.g. all on a forbidden topic). */
export const FALLBACK_SENTENCE = 'Let’s talk about something else. What’s on your mind?';

export interface TurnStyleInput {
  affect?: string;
  userText: string;
  memories?: readonly AdaptationMemory[];
  now?: Date;
  /** The user's earlier turns in this call (preferences said there apply at once). */
  dialogue?: readonly string[];
  /** Check and repair the streamed sentences (LLM providers); false: pass them through (the built-in brain is in band by construction). */
  check: boolean;
}

/** What the style check did to one reply, for the HUD. */
export interface StyleReport {
  inBand: boolean;
  /** Violations found in the reply as spoken. */
  violations: StyleViolationType[];
  /** What the streaming repair changed or dropped. */
  repaired: StyleViolationType[];
}

/**
 * One reply's style: the adaptation for this turn (for the prompt, the voice and the HUD) and,
 * for LLM providers, the streaming check that repairs or drops each sentence before it is spoken.
 */
export class TurnStyle {
  readonly adaptation: Adaptation;
  readonly targets: StyleTargets;
  private readonly guard: StyleGuard | null;

  constructor(persona: Persona, input: TurnStyleInput) {
    this.adaptation = computeAdaptation({ affect: input.affect, userText: input.userText, memories: input.memories, now: input.now, dialogue: input.dialogue });
    this.targets = styleTargets(persona, this.adaptation);
    this.guard = input.check ? new StyleGuard(this.targets) : null;
  }

  /** Finished sentences from the stream → the sentences to speak (repaired; dropped ones left out). */
  filter(sentences: readonly string[]): string[] {
    if (!this.guard) return [...sentences];
    const out: string[] = [];
    for (const sentence of sentences) {
      const kept = this.guard.accept(sentence);
      if (kept) out.push(kept);
    }
    return out;
  }

  /** Whether streamed sentences are checked and repaired. */
  get checking(): boolean {
    return this.guard !== null;
  }

  /** The reply has reached its length cap: the rest of the stream can be skipped. */
  get done(): boolean {
    return this.guard?.full ?? false;
  }

  /** At the end of the stream: a fallback sentence when the check dropped everything, else nothing. */
  finish(): string[] {
    return this.guard && this.guard.count === 0 && this.guard.changes.length ? [FALLBACK_SENTENCE] : [];
  }

  /** The reply text to keep in history and captions: what the check let through, or the raw text unchecked. */
  text(raw: string): string {
    if (!this.guard) return raw.trim();
    return this.guard.count ? this.guard.text : this.guard.changes.length ? FALLBACK_SENTENCE : raw.trim();
  }

  /** Scores the final text and lists what was repaired. */
  report(finalText: string): StyleReport {
    const score = scoreAgainst(finalText, this.targets);
    return { inBand: score.inBand, violations: [...new Set(score.violations.map((v) => v.type))], repaired: [...new Set(this.guard?.changes ?? [])] };
  }
}
