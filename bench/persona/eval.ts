// npm run eval:persona [-- --write-docs] [--verbose]
// Prints per-persona results, then one JSON line with persona_style_in_band_share and per-persona shares.
import { readFileSync, writeFileSync } from 'node:fs';
import { DEMO_PERSONAS } from '../../lib/persona/personas';
import { evalPersona, personaStyleInBandShare, sideBySide } from './persona-eval';

const args = new Set(process.argv.slice(2));
const START = '<!-- persona-table:start -->';
const END = '<!-- persona-table:end -->';

const result = await personaStyleInBandShare();
for (const row of result.per_persona) {
  console.log(`${row.name.padEnd(7)} in band ${(row.inBandShare * 100).toFixed(1)}% (before repair ${(row.rawInBandShare * 100).toFixed(1)}%), questions ${(row.questionRate * 100).toFixed(0)}% of replies (target ${row.questionRateBand.min}–${row.questionRateBand.max}), ${row.meanWords} words/reply, violations ${JSON.stringify(row.violations)}, before repair ${JSON.stringify(row.rawViolations)}`);
}
if (args.has('--verbose')) {
  for (const persona of DEMO_PERSONAS) {
    const run = await evalPersona(persona);
    for (const r of run.replies) console.log(`[${persona.id}] ${r.inBand ? 'ok ' : 'OUT'} ${r.user} → ${r.reply}${r.violations.length ? `  (${r.violations.join(', ')})` : ''}`);
  }
}
const table = await sideBySide(DEMO_PERSONAS[0], DEMO_PERSONAS[2]);
console.log(table);
if (args.has('--write-docs')) {
  const path = `${process.env.KIN_REPO ?? process.cwd()}/docs/personas.md`;
  const doc = readFileSync(path, 'utf8');
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/personas.md has no ${START} … ${END} block to fill`);
  writeFileSync(path, `${doc.slice(0, start + START.length)}\n${table}\n${doc.slice(end)}`);
  console.log('wrote the table into docs/personas.md');
}
console.log(
  JSON.stringify({
    persona_style_in_band_share: result.persona_style_in_band_share,
    persona_style_raw_in_band_share: result.persona_style_raw_in_band_share,
    goal: 0.95,
    turns_per_persona: result.turns_per_persona,
    brain: 'builtin',
    per_persona: Object.fromEntries(result.per_persona.map((r) => [r.persona, r.inBandShare])),
  }),
);
