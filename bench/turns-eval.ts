// Causal turn-taking eval: runs lib/turns over every DIR/*.wav (reading only the wav and the
// transcript / sample_rate / duration fields of DIR/NAME.json; a fragment's words are usable
// from end + 0.3 s) and writes the commit times {"NAME": [t, ...]} for shared/tools/score-turns.
// usage: npm run eval:turns -- --corpus DIR --out decisions.json [--model M.json] [--no-transcript]
//        [--commit-threshold T]   (another operating point of the same model: speculate at 0.6 T,
//        and the no-words threshold capped at T, as train.py sets them)
//        [--no-vad] [--vad-delay S]   (the voice gate's Silero VAD, as the app's perception worker
//        posts it: each 32 ms block's probability from the block's end + S s, default 0.05;
//        --no-vad: the energy rule alone, as before session 13)
//        [--vad-cache DIR]   (keep each file's Silero track in DIR and reuse it: eval:turns-frontier)
//        [--patience balanced|patient]   (the user's "When I pause" setting, lib/turns/patience.ts)
//        [--max-pause-ms MS]   (another silence fallback: the floor is taken after MS of silence)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TurnDetector } from '../lib/turns/detector';
import { speculateThresholdFor, type TurnModelJson } from '../lib/turns/model';
import { runDetector, type TranscriptFragment } from '../lib/turns/offline';
import { policyForPatience, TURN_PATIENCE, type TurnPatience } from '../lib/turns/patience';
import { decodeWav16 } from '../lib/turns/wav';
import { sileroTrack, VAD_DELIVERY_S } from './turns-vad';

function option(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : fallback;
  if (value === undefined) throw new Error(`missing --${name}`);
  return value;
}

const corpus = option('corpus');
const out = option('out');
const modelPath = option('model', 'public/models/turns/turn-model.json');
const useTranscript = !process.argv.includes('--no-transcript');
const useVad = !process.argv.includes('--no-vad');
const vadDelay = process.argv.includes('--vad-delay') ? Number(option('vad-delay')) : VAD_DELIVERY_S;
const vadCache = process.argv.includes('--vad-cache') ? option('vad-cache') : undefined;
const model = JSON.parse(readFileSync(modelPath, 'utf8')) as TurnModelJson;
if (process.argv.includes('--commit-threshold')) {
  const threshold = Number(option('commit-threshold'));
  if (!(threshold > 0 && threshold < 1)) throw new Error('--commit-threshold must lie between 0 and 1');
  const policy = model.policy;
  model.policy = {
    ...policy,
    commitThreshold: threshold,
    speculateThreshold: speculateThresholdFor(threshold),
    noWordsCommitThreshold: Math.min(policy.noWordsCommitThreshold ?? threshold, threshold),
  };
}
if (process.argv.includes('--patience')) {
  const patience = option('patience') as TurnPatience;
  if (!TURN_PATIENCE.includes(patience)) throw new Error(`--patience must be one of ${TURN_PATIENCE.join(', ')}`);
  model.policy = policyForPatience(model.policy, patience);
}
if (process.argv.includes('--max-pause-ms')) {
  const maxPauseMs = Number(option('max-pause-ms'));
  if (!(maxPauseMs > 0)) throw new Error('--max-pause-ms must be a positive number of ms');
  model.policy = { ...model.policy, maxPauseMs };
}
const decisions: Record<string, number[]> = {};
const counts: Record<string, number> = {};
let frames = 0;
const started = performance.now();
for (const file of readdirSync(corpus).filter((f) => f.endsWith('.wav')).sort()) {
  const name = file.slice(0, -4);
  const label = JSON.parse(readFileSync(join(corpus, `${name}.json`), 'utf8')) as {
    transcript?: TranscriptFragment[];
    sample_rate?: number;
    duration?: number;
  };
  const audio = decodeWav16(readFileSync(join(corpus, file)));
  if (audio.sampleRate !== 16000 || (label.sample_rate !== undefined && label.sample_rate !== 16000)) {
    throw new Error(`${file}: lib/turns needs 16 kHz audio, got ${audio.sampleRate}`);
  }
  const transcript = useTranscript
    ? (label.transcript ?? []).map((f) => ({ text: f.text, start: f.start, end: f.end }))
    : [];
  const detector = new TurnDetector(model);
  const events = runDetector(detector, audio.samples, transcript, undefined, useVad ? await sileroTrack(audio.samples, vadDelay, vadCache) : []);
  frames += Math.floor(audio.samples.length / 160);
  decisions[name] = events.filter((e) => e.type === 'commit').map((e) => Math.round(e.time * 1000) / 1000);
  for (const e of events) counts[e.type] = (counts[e.type] ?? 0) + 1;
}
writeFileSync(out, JSON.stringify(decisions));
const seconds = (performance.now() - started) / 1000;
console.log(
  JSON.stringify({ corpus, files: Object.keys(decisions).length, transcript: useTranscript, vad: useVad ? { model: 'silero', delivery_s: vadDelay } : 'none', policy: model.policy, events: counts, frames, realtime_factor: Math.round((frames / 100 / seconds) * 10) / 10, out }),
);
