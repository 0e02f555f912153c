import * as tf from '@tensorflow/tfjs-core';
import { loadUseLite, type Embedder, type UseLiteFiles } from './embedder';

/** Fetches a file fully (avoids the HTTP/1.1 7-shard hang described in FIELD-NOTES). */
async function fetchBuffer(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

/** Loads USE-Lite in a browser worker from public/models/use-lite-tfjs on the wasm backend. */
export async function loadUseLiteBrowser(modelBaseUrl: string, wasmBaseUrl: string): Promise<Embedder> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  wasm.setWasmPaths(wasmBaseUrl.endsWith('/') ? wasmBaseUrl : `${wasmBaseUrl}/`);
  // The page is cross-origin isolated, so tfjs would pick its threaded build, whose helper workers
  // start from blob: scripts that a worker cannot importScripts here; one thread is as fast on
  // two cores (FIELD-NOTES) and always works.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  if (!(await tf.setBackend('wasm'))) throw new Error('tfjs wasm backend did not start');
  const base = modelBaseUrl.replace(/\/$/, '');
  const modelJson = JSON.parse(new TextDecoder().decode(await fetchBuffer(`${base}/model.json`))) as UseLiteFiles['modelJson'];
  const paths = modelJson.weightsManifest.flatMap((g) => g.paths);
  // Sequential shard reads keep at most one connection busy.
  const shards: ArrayBuffer[] = [];
  for (const p of paths) shards.push(await fetchBuffer(`${base}/${p}`));
  const vocab = JSON.parse(new TextDecoder().decode(await fetchBuffer(`${base}/vocab.json`))) as UseLiteFiles['vocab'];
  return loadUseLite({ modelJson, shards, vocab });
}
