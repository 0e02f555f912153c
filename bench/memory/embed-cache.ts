// A text-keyed on-disk cache of embedding vectors, for repeated tuning runs only (off by default;
// official runs embed every record through the real write path).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHashEmbedder, type Embedder } from '../../lib/memory/embedder';
import { loadUseLiteNode } from '../../lib/memory/embedder-node';

/** Wraps an embedder with a cache in FILE keyed by the SHA-1 of each text; call save() at the end. */
export function cachedEmbedder(inner: Embedder, file: string): Embedder & { save(): void } {
  const store: Record<string, number[]> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const key = (t: string) => createHash('sha1').update(t).digest('base64');
  return {
    ...inner,
    async embed(texts) {
      const missing = [...new Set(texts.filter((t) => !store[key(t)]))];
      if (missing.length) (await inner.embed(missing)).forEach((v, i) => (store[key(missing[i])] = Array.from(v)));
      return texts.map((t) => Float32Array.from(store[key(t)]));
    },
    save() {
      writeFileSync(file, JSON.stringify(store));
    },
  };
}

/**
 * The evals' embedder: USE-Lite in Node, else the hash embedder (saying so on stderr with
 * `missingNote`), behind the on-disk cache when `cacheFile` is given. `save()` writes the cache
 * (nothing without one).
 */
export async function loadBenchEmbedder(missingNote: string, cacheFile?: string): Promise<{ embedder: Embedder; save(): void }> {
  let embedder = await loadUseLiteNode();
  if (!embedder) {
    console.error(missingNote);
    embedder = createHashEmbedder();
  }
  if (!cacheFile) return { embedder, save: () => undefined };
  const cached = cachedEmbedder(embedder, cacheFile);
  return { embedder: cached, save: () => cached.save() };
}
