// Runs lib/turns features causally over every DIR/*.wav (transcript fragments delivered at
// end + 0.3 s, punctuation ignored) and writes the pause frames for training:
//   OUT.f32  rows of [fileIndex, timeSeconds, lexFragment, ...FEATURE_NAMES] as little-endian
//            float32; lexFragment = index in the file's transcript of the latest delivered fragment
//   OUT.json { files: [...], columns: [...] }
// usage: node bench/turns-run.mjs training/turns/export-features.ts --corpus DIR --out OUT [--lexical LEX.json] [--drop-transcript-every N]
//        [--drop-transcript-engines espeak-ng,…]   (only those engines' files are dropped: session 15)
//        [--vad]   (the voice gate fed by Silero VAD, as eval:turns runs it: bench/turns-vad.ts)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURE_COUNT, FEATURE_NAMES } from '../../lib/turns/features';
import type { LexicalModelJson } from '../../lib/turns/lexical';
import { RECOGNIZER_DELAY_S, runFeatures, type TranscriptFragment } from '../../lib/turns/offline';
import { decodeWav16 } from '../../lib/turns/wav';
import { sileroTrack } from '../../bench/turns-vad';

function arg(name: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0 || !process.argv[i + 1]) throw new Error(`missing --${name}`);
  return process.argv[i + 1];
}

const corpus = arg('corpus');
const lexicalPath = process.argv.includes('--lexical') ? arg('lexical') : undefined;
const lexicalModel = lexicalPath ? (JSON.parse(readFileSync(lexicalPath, 'utf8')) as LexicalModelJson) : undefined;
const out = arg('out');
const maxPauseFrames = 250;
// Every Nth file (by a hash of its name) is exported without its transcript, so the model also
// learns the regime where no recognizer runs (real-speech eval, a browser without ASR).
const dropEvery = process.argv.includes('--drop-transcript-every') ? Number(arg('drop-transcript-every')) : 0;
// Only files of these engines (label.engine, comma-separated) are candidates for the drop: the
// no-recognizer regime can be learned from voices that mark a hold in their intonation, as people
// do, and not from those that say a hold and an end alike (flite, festival's HTS voice: session 9).
const dropEngines = process.argv.includes('--drop-transcript-engines') ? new Set(arg('drop-transcript-engines').split(',')) : null;
const useVad = process.argv.includes('--vad');
function nameHash(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619) >>> 0;
  return h;
}
const files = readdirSync(corpus).filter((f) => f.endsWith('.wav')).sort();
const rows: number[] = [];
const width = 3 + FEATURE_COUNT;
for (const [fileIndex, file] of files.entries()) {
  const stem = file.slice(0, -4);
  const label = JSON.parse(readFileSync(join(corpus, `${stem}.json`), 'utf8')) as { transcript?: TranscriptFragment[]; engine?: string };
  const audio = decodeWav16(readFileSync(join(corpus, file)));
  if (audio.sampleRate !== 16000) throw new Error(`${file}: expected 16 kHz`);
  const drop = dropEvery > 0 && nameHash(stem) % dropEvery === 0 && (!dropEngines || dropEngines.has(label.engine ?? ''));
  const transcript = drop ? [] : (label.transcript ?? []);
  runFeatures(audio.samples, transcript, (features, time) => {
    if (features.lastSpeechFrame < 0 || features.framesSinceSpeech < 1 || features.framesSinceSpeech > maxPauseFrames) return;
    let delivered = -1;
    let latestEnd = -1;
    transcript.forEach((f, k) => {
      if (f.end + RECOGNIZER_DELAY_S <= time + 1e-9 && f.end >= latestEnd) {
        latestEnd = f.end;
        delivered = k;
      }
    });
    rows.push(fileIndex, time, delivered);
    for (let k = 0; k < FEATURE_COUNT; k++) rows.push(features.values[k]);
  }, lexicalModel, useVad ? await sileroTrack(audio.samples) : []);
}
writeFileSync(`${out}.f32`, Buffer.from(new Float32Array(rows).buffer));
writeFileSync(`${out}.json`, JSON.stringify({ corpus, files: files.map((f) => f.slice(0, -4)), columns: ['file', 'time', 'lexFragment', ...FEATURE_NAMES] }));
console.log(`export: ${files.length} files, ${rows.length / width} pause frames -> ${out}.f32`);
