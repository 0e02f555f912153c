// npm run eval:persona [-- --write-docs] [--verbose]
// Prints per-persona results, then one JSON line with persona_style_in_band_share and per-persona shares.
import { readFileSync, writeFileSync } from 'node:fs';
import { DEMO_PERSONAS } from '../../lib/persona/personas';
import { splitSentences } from '../../lib/persona/style-score';
import { TurnStyle } from '../../lib/persona/turn-style';
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
// Cost of the streaming check per sentence (it runs before each sentence is spoken): every sentence
// of every persona's replies through a checking TurnStyle, timed one by one.
// Wall-clock percentiles suffer from preemption on a busy machine; CPU time over the loop is the robust mean.
const timings: number[] = [];
let cpuUs = 0;
for (const persona of DEMO_PERSONAS) {
  const run = await evalPersona(persona);
  for (let repeat = 0; repeat < 20; repeat++) {
    for (const r of run.replies) {
      const style = new TurnStyle(persona, { userText: r.user, check: true });
      for (const sentence of splitSentences(r.reply)) {
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        style.filter([sentence]);
        timings.push((performance.now() - t0) * 1000);
        const cpu = process.cpuUsage(cpu0);
        cpuUs += cpu.user + cpu.system;
      }
    }
  }
}
timings.sort((a, b) => a - b);
const pct = (q: number) => Math.round(timings[Math.min(timings.length - 1, Math.floor(q * timings.length))] * 10) / 10;
const cpuMean = Math.round((cpuUs / timings.length) * 10) / 10;
console.log(`style check: ${timings.length} sentences, wall p50 ${pct(0.5)} µs, p99 ${pct(0.99)} µs; CPU mean ${cpuMean} µs per sentence`);
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
    style_check_us_per_sentence_p50: pct(0.5),
    style_check_us_per_sentence_p99: pct(0.99),
    style_check_cpu_us_per_sentence_mean: cpuMean,
    per_persona: Object.fromEntries(result.per_persona.map((r) => [r.persona, r.inBandShare])),
  }),
);
