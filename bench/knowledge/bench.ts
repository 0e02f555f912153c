// Knowledge benchmark. Prints progress lines, then one JSON line with:
//  - retrieval quality on a labelled set from a real public-domain text (bench/knowledge/SOURCES.md):
//    recall@1/@5 and MRR for hybrid, vector-only and keyword-only search, real USE-Lite embeddings;
//  - query-embedding time (USE-Lite, tfjs wasm in Node), reported apart from search;
//  - search latency p50/p95 at 1k/10k/50k synthetic chunks in Node and in Chromium (same code,
//    bundled with esbuild, served by a tiny static server). Latency runs use random-but-fixed unit
//    vectors instead of model embeddings: search cost does not depend on the vectors' values.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { loadUseLiteNode } from '../../lib/memory/embedder-node';
import { buildChunks, searchableText } from '../../lib/knowledge/ingest';
import { parseMarkdown } from '../../lib/knowledge/parse';
import { KnowledgeIndex, type HybridWeights } from '../../lib/knowledge/search-index';
import { buildSyntheticIndex, measureSearch } from './synthetic';

const SIZES = (process.env.KNOWLEDGE_BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
const QUERIES = Number(process.env.KNOWLEDGE_BENCH_QUERIES ?? 200);
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const dir = 'bench/knowledge';
const label = (size: number) => (size >= 1000 ? `${size / 1000}k` : String(size));
const round = (x: number) => Math.round(x * 1000) / 1000;
const result: Record<string, number | string | null> = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, load_avg_1m_start: round(loadavg()[0]) };

// --- Retrieval quality -----------------------------------------------------------------------
const labelled = JSON.parse(readFileSync(join(dir, 'questions.json'), 'utf8')) as { document: string; questions: { q: string; answer: string }[] };
const parsed = parseMarkdown(readFileSync(join(dir, labelled.document), 'utf8'), labelled.document);
const chunks = buildChunks(parsed, 'devil', 'bench');
const embedder = await loadUseLiteNode();
if (!embedder) {
  console.error('USE-Lite model files not found (run npm run setup); quality needs the real model.');
  process.exit(1);
}
// Chunk embeddings are cached in bench/out/ (git-ignored) by model and text hash: embedding 1k
// chunks takes minutes on two busy cores, and they do not change between runs.
const texts = chunks.map((c) => searchableText(parsed.title, c));
const cacheFile = join('bench/out', `knowledge-${embedder.id}-${createHash('sha256').update(texts.join('\u0000')).digest('hex').slice(0, 16)}.f32`);
let vectors: Float32Array[];
if (existsSync(cacheFile)) {
  const flat = new Float32Array(new Uint8Array(readFileSync(cacheFile)).buffer);
  vectors = texts.map((_, i) => flat.subarray(i * embedder.dim, (i + 1) * embedder.dim));
  console.log(`quality: ${chunks.length} chunk embeddings read from ${cacheFile}`);
} else {
  const embedStarted = performance.now();
  vectors = await embedder.embed(texts);
  console.log(`quality: ${chunks.length} chunks from ${parsed.title} embedded in ${((performance.now() - embedStarted) / 1000).toFixed(1)} s`);
  const flat = new Float32Array(texts.length * embedder.dim);
  vectors.forEach((v, i) => flat.set(v, i * embedder.dim));
  mkdirSync('bench/out', { recursive: true });
  writeFileSync(cacheFile, new Uint8Array(flat.buffer));
}
const index = new KnowledgeIndex(embedder.dim, chunks.length);
// The same chunks through the sign-bit shortlist that indexes above 4096 chunks use.
const shortlistIndex = new KnowledgeIndex(embedder.dim, chunks.length, { exactBelow: 0 });
chunks.forEach((c, i) => {
  index.add(c.id, searchableText(parsed.title, c), vectors[i]);
  shortlistIndex.add(c.id, searchableText(parsed.title, c), vectors[i]);
});
const sectionOf = new Map(chunks.map((c) => [c.id, c.section.at(-1) ?? '']));
const embedTimes: number[] = [];
const queryVectors: Float32Array[] = [];
for (const { q } of labelled.questions) {
  const t0 = performance.now();
  const [v] = await embedder.embed([q]);
  embedTimes.push(performance.now() - t0);
  queryVectors.push(v);
}
const evaluate = (weights: HybridWeights, useText: boolean, useVector: boolean, searched = index) => {
  let at1 = 0;
  let at5 = 0;
  let reciprocal = 0;
  const misses: string[] = [];
  labelled.questions.forEach(({ q, answer }, i) => {
    const hits = searched.search(useText ? q : '', useVector ? queryVectors[i] : null, 5, weights);
    const rank = hits.findIndex((h) => sectionOf.get(searched.idAt(h.row)) === answer);
    if (rank === 0) at1++;
    if (rank >= 0) {
      at5++;
      reciprocal += 1 / (rank + 1);
    } else misses.push(answer);
  });
  const n = labelled.questions.length;
  return { at1: round(at1 / n), at5: round(at5 / n), mrr: round(reciprocal / n), misses };
};
const hybrid = evaluate({ vector: 0.6, keyword: 0.4 }, true, true);
const vectorOnly = evaluate({ vector: 1, keyword: 0 }, false, true);
const keywordOnly = evaluate({ vector: 0, keyword: 1 }, true, false);
const shortlisted = evaluate({ vector: 0.6, keyword: 0.4 }, true, true, shortlistIndex);
embedTimes.sort((a, b) => a - b);
Object.assign(result, {
  quality_questions: labelled.questions.length,
  quality_chunks: chunks.length,
  recall_at_5: hybrid.at5,
  recall_at_1: hybrid.at1,
  mrr_at_5: hybrid.mrr,
  recall_at_5_vector_only: vectorOnly.at5,
  recall_at_5_keyword_only: keywordOnly.at5,
  recall_at_5_shortlist: shortlisted.at5,
  query_embed_p50_ms: round(embedTimes[Math.floor(embedTimes.length / 2)]),
  query_embed_p95_ms: round(embedTimes[Math.min(embedTimes.length - 1, Math.floor(embedTimes.length * 0.95))]),
  query_embed_backend: embedder.backend,
});
console.log(`quality: hybrid recall@5 ${hybrid.at5} (misses: ${hybrid.misses.join(', ') || 'none'}), vector-only ${vectorOnly.at5}, keyword-only ${keywordOnly.at5}, hybrid through the sign-bit shortlist ${shortlisted.at5}`);
embedder.dispose();

// --- Node latency ----------------------------------------------------------------------------
for (const size of SIZES) {
  const t0 = performance.now();
  const synthetic = buildSyntheticIndex(size);
  const buildMs = performance.now() - t0;
  const { p50, p95, p95_best, mean } = measureSearch(synthetic, QUERIES, () => performance.now());
  result[`node_p50_ms_${label(size)}`] = p50;
  result[`node_p95_ms_${label(size)}`] = p95;
  result[`node_p95_best_round_ms_${label(size)}`] = p95_best;
  result[`node_mean_ms_${label(size)}`] = mean;
  // The same queries timed in process CPU time: what the search costs without the scheduler's
  // preemption on a shared, overloaded machine (wall-clock figures above include it).
  const cpuClock = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  const cpu = measureSearch(synthetic, QUERIES, cpuClock);
  result[`node_cpu_p50_ms_${label(size)}`] = cpu.p50;
  result[`node_cpu_p95_ms_${label(size)}`] = cpu.p95;
  console.log(`node ${label(size)}: build ${Math.round(buildMs)} ms, search p50 ${p50} ms, p95 ${p95} ms (wall); CPU time p50 ${cpu.p50} ms, p95 ${cpu.p95} ms`);
}

// --- Chromium latency ------------------------------------------------------------------------
const bundle = await build({ entryPoints: [join(dir, 'browser-entry.ts')], bundle: true, write: false, format: 'iife', target: 'es2022', logLevel: 'warning' });
const script = bundle.outputFiles[0].text;
const server = createServer((request, response) => {
  // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
  if (request.url?.startsWith('/bench.js')) {
    response.writeHead(200, { 'content-type': 'text/javascript' });
    return response.end(script);
  }
  response.writeHead(200, { 'content-type': 'text/html' });
  response.end('<!doctype html><title>knowledge bench</title><script src="/bench.js"></script>');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as { port: number }).port;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/?sizes=${SIZES.join(',')}&queries=${QUERIES}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  await page.waitForFunction(() => window.__knowledgeBench || window.__knowledgeBenchError, undefined, { timeout: 300_000, polling: 500 });
  const error = await page.evaluate(() => window.__knowledgeBenchError ?? null);
  if (error) throw new Error(`Chromium run failed: ${error}`);
  const chromiumResult = (await page.evaluate(() => window.__knowledgeBench)) as Record<string, number>;
  Object.assign(result, chromiumResult, { chromium_version: browser.version() });
  console.log(`chromium ${browser.version()}: ${SIZES.map((s) => `${label(s)} p95 ${chromiumResult[`chromium_p95_ms_${label(s)}`]} ms`).join(', ')}`);
} finally {
  await browser.close();
  server.close();
}
result.load_avg_1m_end = round(loadavg()[0]);
result.latency_vectors = 'random fixed unit vectors (512-d); quality uses real USE-Lite';
console.log(JSON.stringify(result));
