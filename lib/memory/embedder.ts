import * as tf from '@tensorflow/tfjs-core';
import * as tfconv from '@tensorflow/tfjs-converter';
import { Tokenizer } from '@tensorflow-models/universal-sentence-encoder';

/** A sentence-embedding model behind one interface, so it can be swapped. */
export interface Embedder {
  readonly id: string;
  /** Vector length. */
  readonly dim: number;
  /** Backend that runs the model (`wasm`, `cpu`, `hash` …). */
  readonly backend: string;
  /** L2-normalised embeddings, one per input text. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  dispose(): void;
}

/** Raw model files for USE-Lite: model.json parsed, the 7 shards in manifest order, vocab.json parsed. */
export interface UseLiteFiles {
  modelJson: { modelTopology: unknown; weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[] };
  shards: ArrayBuffer[];
  vocab: [string, number][];
}

const USE_OUTPUT = 'module_apply_default/Encoder_en/hidden_layers/l2_normalize';

function concatShards(shards: readonly ArrayBuffer[]): ArrayBuffer {
  const total = shards.reduce((sum, s) => sum + s.byteLength, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const s of shards) {
    joined.set(new Uint8Array(s), offset);
    offset += s.byteLength;
  }
  return joined.buffer;
}

/** Loads Universal Sentence Encoder Lite (512-d) from in-memory files on the current tfjs backend. */
export async function loadUseLite(files: UseLiteFiles, options: { batchSize?: number } = {}): Promise<Embedder> {
  await tf.ready();
  const weightSpecs = files.modelJson.weightsManifest.flatMap((group) => group.weights);
  const model = await tfconv.loadGraphModel(
    tf.io.fromMemory({
      modelTopology: files.modelJson.modelTopology as tf.io.ModelArtifacts['modelTopology'],
      weightSpecs,
      weightData: concatShards(files.shards),
    }),
  );
  const tokenizer = new Tokenizer(files.vocab);
  const batchSize = options.batchSize ?? 64;

  const embedBatch = async (texts: readonly string[]): Promise<Float32Array[]> => {
    const encodings = texts.map((t) => {
      const ids = tokenizer.encode(t.slice(0, 2000));
      return ids.length ? ids : tokenizer.encode('.');
    });
    const flatIndices: number[] = [];
    const flatValues: number[] = [];
    encodings.forEach((ids, row) => {
      ids.forEach((id, position) => {
        flatIndices.push(row, position);
        flatValues.push(id);
      });
    });
    const indices = tf.tensor2d(flatIndices, [flatValues.length, 2], 'int32');
    const values = tf.tensor1d(flatValues, 'int32');
    const result = (await model.executeAsync({ indices, values }, USE_OUTPUT)) as tf.Tensor;
    const data = (await result.data()) as Float32Array;
    indices.dispose();
    values.dispose();
    result.dispose();
    const dim = 512;
    return texts.map((_, i) => data.slice(i * dim, (i + 1) * dim));
  };

  return {
    id: 'use-lite-512',
    dim: 512,
    backend: tf.getBackend(),
    async embed(texts) {
      const out: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += batchSize) {
        out.push(...(await embedBatch(texts.slice(i, i + batchSize))));
      }
      return out;
    },
    dispose() {
      model.dispose();
    },
  };
}

/**
 * A deterministic, model-free embedder (hashed character trigrams, 256-d, L2-normalised).
 * The degraded path when the model cannot load, and a fast stand-in for unit tests.
 */
export function createHashEmbedder(dim = 256): Embedder {
  const embedOne = (text: string): Float32Array => {
    const v = new Float32Array(dim);
    const clean = ` ${text.toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ')} `;
    for (let i = 0; i + 3 <= clean.length; i++) {
      let h = 2166136261;
      for (let j = i; j < i + 3; j++) h = Math.imul(h ^ clean.charCodeAt(j), 16777619);
      v[(h >>> 0) % dim] += 1;
    }
    let norm = 0;
    for (let i = 0; i < dim; i++) norm += v[i] * v[i];
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < dim; i++) v[i] /= norm;
    return v;
  };
  return {
    id: `hash-trigram-${dim}`,
    dim,
    backend: 'hash',
    async embed(texts) {
      return texts.map(embedOne);
    },
    dispose() {},
  };
}
