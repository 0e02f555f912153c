// Microbenchmark: time of one 10 ms frame through lib/turns (features + model + policy).
// Feeds 60 s of a synthetic voice (harmonic source with a gliding F0, syllable envelope and
// pauses) plus noise; the last line is JSON with frame_us_p50 / frame_us_p99 (one pass, as timed)
// and frame_us_p99_min_of_5 (per-frame minimum over 5 passes: the cost without preemption).
// usage: npm run -s bench:turns [-- --model M.json]
import { readFileSync } from 'node:fs';
import { TurnDetector } from '../lib/turns/detector';
import { lexicalCues } from '../lib/turns/lexical';
import type { TurnModelJson } from '../lib/turns/model';

const i = process.argv.indexOf('--model');
const modelPath = i >= 0 ? process.argv[i + 1] : 'public/models/turns/turn-model.json';
const model = JSON.parse(readFileSync(modelPath, 'utf8')) as TurnModelJson;

const RATE = 16000;
const SECONDS = 60;
const samples = new Float32Array(RATE * SECONDS);
let phase = 0;
let seed = 12345;
const noise = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff - 0.5;
};
for (let n = 0; n < samples.length; n++) {
  const t = n / RATE;
  const inTurn = t % 6 < 4.2 && !(t % 6 > 2 && t % 6 < 2.6);
  const f0 = 120 + 30 * Math.sin(2 * Math.PI * 0.7 * t);
  phase += (2 * Math.PI * f0) / RATE;
  const syllable = 0.5 + 0.5 * Math.sin(2 * Math.PI * 4 * t);
  let voice = 0;
  for (let h = 1; h <= 8; h++) voice += Math.sin(h * phase) / h;
  samples[n] = (inTurn ? 0.1 * syllable * voice : 0) + 0.002 * noise();
}

const detector = new TurnDetector(model);
detector.postTranscript('i went to the shop and', 1.9);
const frames = samples.length / 160;
const times = new Float64Array(frames);
// Warm-up pass so the JIT has compiled the hot paths, as in a long-running worklet.
const warm = new TurnDetector(model);
for (let f = 0; f < frames; f++) warm.processFrame(samples.subarray(f * 160, f * 160 + 160));
for (let f = 0; f < frames; f++) {
  const frame = samples.subarray(f * 160, f * 160 + 160);
  const t0 = process.hrtime.bigint();
  detector.processFrame(frame);
  times[f] = Number(process.hrtime.bigint() - t0) / 1000;
}
// Preemption by other processes lands on random frames: the per-frame minimum over 5 passes
// (fresh detector each pass, same input) is the compute cost without it.
const minTimes = Float64Array.from(times);
for (let pass = 1; pass < 5; pass++) {
  const d = new TurnDetector(model);
  d.postTranscript('i went to the shop and', 1.9);
  for (let f = 0; f < frames; f++) {
    const frame = samples.subarray(f * 160, f * 160 + 160);
    const t0 = process.hrtime.bigint();
    d.processFrame(frame);
    const us = Number(process.hrtime.bigint() - t0) / 1000;
    if (us < minTimes[f]) minTimes[f] = us;
  }
}
// The word model runs once per recognizer fragment (not per frame): time it separately.
const FRAGMENTS = ['i went to the shop and', 'so the thing is um', 'what do you think about my sister moving to leeds next spring',
  'yeah', 'because the doctor told me that i should probably take the tablets every morning before breakfast'];
const lexTimes: number[] = [];
for (let rep = 0; rep < 200; rep++) {
  for (const text of FRAGMENTS) {
    const t0 = process.hrtime.bigint();
    lexicalCues(text, model.lexical);
    if (rep >= 20) lexTimes.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
}
// A recognizer's partials grow a word at a time; the net carries its state over from the last call.
// The same calls in two orders: each turn's partials in a row (the state carries over), and the two
// turns' partials interleaved (every call starts afresh) as the baseline.
const turns = [FRAGMENTS[2], FRAGMENTS[4]].map((t) => t.split(' '));
const partials = turns.map((words) => words.map((_, k) => words.slice(0, k + 1).join(' ')));
const timeCall = (text: string, into: number[], keep: boolean) => {
  const t0 = process.hrtime.bigint();
  lexicalCues(text, model.lexical);
  if (keep) into.push(Number(process.hrtime.bigint() - t0) / 1000);
};
const longest = Math.max(...partials.map((l) => l.length));
const growing: number[] = [];
const interleaved: number[] = [];
for (let rep = 0; rep < 60; rep++) {
  for (const list of partials) for (const text of list) timeCall(text, growing, rep >= 10);
  for (let k = 0; k < longest; k++) for (const list of partials) if (k < list.length) timeCall(list[k], interleaved, rep >= 10);
}
const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))] * 10) / 10;
};
const minSorted = Array.from(minTimes).sort((a, b) => a - b);
const sorted = Array.from(times).sort((a, b) => a - b);
const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const mean = sorted.reduce((s, v) => s + v, 0) / sorted.length;
console.log(`turns bench: ${frames} frames, ${model.trees.length} trees, node ${process.version}`);
console.log(
  JSON.stringify({
    frame_us_p50: Math.round(pct(0.5) * 100) / 100,
    frame_us_p90: Math.round(pct(0.9) * 100) / 100,
    frame_us_p99: Math.round(pct(0.99) * 100) / 100,
    frame_us_max: Math.round(sorted[sorted.length - 1] * 100) / 100,
    frame_us_mean: Math.round(mean * 100) / 100,
    frame_us_p99_min_of_5: Math.round(minSorted[Math.min(frames - 1, Math.floor(0.99 * frames))] * 100) / 100,
    frame_us_max_min_of_5: Math.round(minSorted[frames - 1] * 100) / 100,
    budget_us: 50,
    frames,
    lexical_fragment_us_p50: q(lexTimes, 0.5),
    lexical_fragment_us_p99: q(lexTimes, 0.99),
    lexical_partial_us_p50: q(growing, 0.5),
    lexical_partial_us_p99: q(growing, 0.99),
    lexical_partial_fresh_us_p50: q(interleaved, 0.5),
    lexical_partial_fresh_us_p99: q(interleaved, 0.99),
  }),
);
