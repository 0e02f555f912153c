// Silero VAD track for the Node turn-taking eval and feature export: the probability of every
// 512-sample block (32 ms), usable by the detector from the block's end + VAD_DELIVERY_S, as the
// perception worker posts it into the turn worklet in the app. Same model file the app ships.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as ort from 'onnxruntime-web';
import { PROSODY_BLOCK } from '../lib/perception/prosody';
import { SileroVad, type VadRunner } from '../lib/perception/vad';
import type { VoiceActivitySample } from '../lib/turns/offline';

/** From a block's end until the detector has its value, s: in the app, inference plus three message hops (main → worker → main → worklet). */
export const VAD_DELIVERY_S = 0.05;
export const VAD_MODEL_PATH = 'public/models/silero_vad.onnx';

let session: Promise<ort.InferenceSession> | null = null;

function openSession(): Promise<ort.InferenceSession> {
  // The bundle lives outside the repo (bench/turns-run.mjs): point ort at its own wasm files.
  ort.env.wasm.wasmPaths = pathToFileURL(resolve('node_modules/onnxruntime-web/dist')).href + '/';
  ort.env.wasm.numThreads = 1;
  return ort.InferenceSession.create(readFileSync(VAD_MODEL_PATH), { executionProviders: ['wasm'] });
}

function runner(): VadRunner {
  session ??= openSession();
  return {
    run: async (input, state, sampleRate) => {
      const out = await (await session!).run({
        input: new ort.Tensor('float32', input, [1, input.length]),
        state: new ort.Tensor('float32', state, [2, 1, 128]),
        sr: new ort.Tensor('int64', BigInt64Array.from([BigInt(sampleRate)]), []),
      });
      return { probability: (out.output.data as Float32Array)[0], state: out.stateN.data as Float32Array };
    },
  };
}

/** Silero's probability of every whole 512-sample block of one 16 kHz stream. */
async function sileroProbabilities(samples: Float32Array): Promise<number[]> {
  const vad = new SileroVad(runner());
  const out: number[] = [];
  for (let offset = 0; offset + PROSODY_BLOCK <= samples.length; offset += PROSODY_BLOCK) {
    out.push(await vad.probability(samples.slice(offset, offset + PROSODY_BLOCK)));
  }
  return out;
}

/**
 * The VAD track of one 16 kHz stream, in delivery order. With `cacheDir`, the probabilities are kept
 * there by a hash of the samples (eval:turns-frontier runs each corpus once per threshold; Silero is
 * most of an eval's time). JSON keeps every value exactly, so a cached track gives the same decisions.
 */
export async function sileroTrack(samples: Float32Array, deliveryS = VAD_DELIVERY_S, cacheDir?: string): Promise<VoiceActivitySample[]> {
  const cacheFile = cacheDir
    ? join(cacheDir, `${createHash('sha1').update(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength)).digest('hex')}.json`)
    : null;
  let probabilities: number[];
  if (cacheFile && existsSync(cacheFile)) {
    probabilities = JSON.parse(readFileSync(cacheFile, 'utf8')) as number[];
  } else {
    probabilities = await sileroProbabilities(samples);
    if (cacheDir && cacheFile) {
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(cacheFile, JSON.stringify(probabilities));
    }
  }
  return probabilities.map((probability, i) => ({ at: ((i + 1) * PROSODY_BLOCK) / 16000 + deliveryS, probability }));
}
