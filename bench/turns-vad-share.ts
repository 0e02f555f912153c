// How much of a corpus each voice detector calls speech: inside the labelled turns, and in the
// 1.5 s after each turn end (where, on a headset channel, only other people talk). Silero VAD
// (bench/turns-vad.ts, per 32 ms block, p >= 0.5) against lib/turns' energy rule (per 10 ms frame).
// Diagnostic for the voice gate (docs/turn-taking.md, session 13); reads the corpus's turn labels.
// usage: node bench/turns-run.mjs bench/turns-vad-share.ts --corpus DIR   -> one JSON line
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TurnFeatures } from '../lib/turns/features';
import { decodeWav16 } from '../lib/turns/wav';
import { sileroTrack } from './turns-vad';

const i = process.argv.indexOf('--corpus');
if (i < 0) throw new Error('usage: --corpus DIR');
const dir = process.argv[i + 1];
const share = { turn: { silero: 0, energy: 0, blocks: 0 }, after: { silero: 0, energy: 0, blocks: 0 } };
for (const file of readdirSync(dir).filter((f) => f.endsWith('.wav')).sort()) {
  const label = JSON.parse(readFileSync(join(dir, file.replace(/\.wav$/, '.json')), 'utf8')) as { turns: { start: number; end: number }[] };
  const samples = decodeWav16(readFileSync(join(dir, file))).samples;
  const features = new TurnFeatures();
  const energy: boolean[] = [];
  for (let o = 0; o + 160 <= samples.length; o += 160) {
    features.push(samples.subarray(o, o + 160));
    energy.push(features.speech);
  }
  const track = await sileroTrack(samples, 0);
  track.forEach(({ at, probability }) => {
    const mid = at - 0.016;
    const inTurn = label.turns.some((t) => mid >= t.start && mid < t.end);
    const after = label.turns.some((t, k) => mid >= t.end + 0.1 && mid < Math.min(t.end + 1.5, label.turns[k + 1]?.start ?? Infinity));
    const where = inTurn ? share.turn : after ? share.after : null;
    if (!where) return;
    where.blocks++;
    where.silero += probability >= 0.5 ? 1 : 0;
    where.energy += energy[Math.floor(mid * 100)] ? 1 : 0;
  });
}
const round = (x: number) => Math.round(x * 1000) / 1000;
console.log(JSON.stringify({
  corpus: dir,
  in_turns: { blocks: share.turn.blocks, silero_speech: round(share.turn.silero / share.turn.blocks), energy_speech: round(share.turn.energy / share.turn.blocks) },
  after_turn_ends: { blocks: share.after.blocks, silero_speech: round(share.after.silero / share.after.blocks), energy_speech: round(share.after.energy / share.after.blocks) },
}));
