// Browser side of bench:memory: runs in real Chromium with real IndexedDB and WebCrypto.
// Per size: the write path into a MemorySpace; for sizes up to persistUpTo, encrypted writes into
// IndexedDB (throughput, bytes per record), then a cold start exactly as the app does it
// (MemoryService.open: read + decrypt + rebuild indexes) and the first search; then warm searches.
import { MemoryDb } from '../../lib/memory/db';
import { loadUseLiteBrowser } from '../../lib/memory/embedder-browser';
import { MemoryService } from '../../lib/memory/service';
import { MemorySpace } from '../../lib/memory/space';
import { BENCH_NOW, BENCH_START, createWorkload, percentile } from './synthetic';

export interface ChromiumBenchOptions {
  sizes: number[];
  queries: number;
  persistUpTo: number;
  embedQueries: number;
}

type Result = Record<string, number | string | null>;

async function runSize(size: number, options: ChromiumBenchOptions, result: Result, log: string[]): Promise<void> {
  const label = `${size / 1000}k`;
  const workload = createWorkload(42);
  let space = new MemorySpace(`bench-${size}`, workload.embedder, () => BENCH_NOW);
  const writeStarted = performance.now();
  for (let i = 0; i < size; i++) {
    space.ingestTurn({ spaceId: space.id, sessionId: `s${Math.floor(i / 50)}`, turnId: `t${i}`, speaker: 'user', text: workload.sentence(), at: new Date(BENCH_START + i * 60_000) });
  }
  result[`chromium_write_path_turns_per_s_${label}`] = Math.round(size / ((performance.now() - writeStarted) / 1000));
  await space.flushEmbeddings();
  result[`chromium_records_${label}`] = space.records.size;
  let coldMs: number;
  if (size <= options.persistUpTo) {
    const profile = `bench-${size}-${Date.now()}`;
    const db = await MemoryDb.open(profile);
    const records = [...space.records.values()];
    const putStarted = performance.now();
    for (let i = 0; i < records.length; i += 1000) await db.putMany(records.slice(i, i + 1000));
    result[`chromium_idb_put_records_per_s_${label}`] = Math.round(records.length / ((performance.now() - putStarted) / 1000));
    const raw = await db.rawAll();
    result[`chromium_stored_bytes_per_record_${label}`] = Math.round(raw.reduce((sum, r) => sum + r.data.byteLength + r.iv.byteLength + r.id.length + r.sessionId.length + r.spaceId.length, 0) / raw.length);
    const estimate = await navigator.storage?.estimate?.();
    if (estimate?.usage) result[`chromium_storage_usage_bytes_per_record_${label}`] = Math.round(estimate.usage / raw.length);
    db.close();
    space = new MemorySpace('gc', null);
    // Cold: what a page load does (open DB, read, decrypt, rebuild BM25 + vector index), then the first search.
    const openStarted = performance.now();
    const service = await MemoryService.open(profile, workload.embedder, () => BENCH_NOW);
    result[`chromium_cold_open_ms_${label}`] = Math.round(performance.now() - openStarted);
    space = service.space;
    const t0 = performance.now();
    space.search(workload.query(0), workload.unitVector(), { k: 10 });
    coldMs = performance.now() - t0;
    service.dispose();
    indexedDB.deleteDatabase(`kin-memory-${profile}`);
  } else {
    const t0 = performance.now();
    space.search(workload.query(0), workload.unitVector(), { k: 10 });
    coldMs = performance.now() - t0;
  }
  result[`chromium_cold_first_search_ms_${label}`] = +coldMs.toFixed(3);
  const warm: number[] = [];
  const filtered: number[] = [];
  for (let q = 1; q <= options.queries; q++) {
    const query = workload.query(q);
    const vector = workload.unitVector();
    let t0 = performance.now();
    space.search(query, vector, { k: 10 });
    warm.push(performance.now() - t0);
    t0 = performance.now();
    space.search(query, vector, { k: 10, dateRange: { start: '2023-01-01', end: '2023-01-31' } });
    filtered.push(performance.now() - t0);
  }
  result[`chromium_p50_ms_${label}`] = percentile(warm, 50);
  result[`chromium_p95_ms_${label}`] = percentile(warm, 95);
  result[`chromium_filtered_p95_ms_${label}`] = percentile(filtered, 95);
  log.push(`chromium ${label}: write ${result[`chromium_write_path_turns_per_s_${label}`]} turns/s; ${size <= options.persistUpTo ? `IndexedDB ${result[`chromium_idb_put_records_per_s_${label}`]} records/s, ${result[`chromium_stored_bytes_per_record_${label}`]} B/record, cold open ${result[`chromium_cold_open_ms_${label}`]} ms; ` : 'in memory only; '}first search ${coldMs.toFixed(1)} ms; warm p50 ${percentile(warm, 50)} ms p95 ${percentile(warm, 95)} ms (date-filtered p95 ${percentile(filtered, 95)} ms)`);
}

async function run(options: ChromiumBenchOptions): Promise<{ result: Result; log: string[] }> {
  const result: Result = { chromium_user_agent: navigator.userAgent, chromium_cross_origin_isolated: String(self.crossOriginIsolated) };
  const log: string[] = [];
  for (const size of options.sizes) await runSize(size, options, result, log);
  if (options.embedQueries > 0) {
    try {
      const loadStarted = performance.now();
      const embedder = await loadUseLiteBrowser('/models/use-lite-tfjs', '/tfjs/');
      result.chromium_model_load_ms = Math.round(performance.now() - loadStarted);
      await embedder.embed(['warm up']);
      const samples: number[] = [];
      for (let i = 0; i < options.embedQueries; i++) {
        const t0 = performance.now();
        await embedder.embed([`what did I do with my sister last weekend? (${i})`]);
        samples.push(performance.now() - t0);
      }
      result.chromium_query_embed_backend = embedder.backend;
      result.chromium_query_embed_p50_ms = percentile(samples, 50);
      result.chromium_query_embed_p95_ms = percentile(samples, 95);
      log.push(`chromium query embedding (USE-Lite, ${embedder.backend}): load ${result.chromium_model_load_ms} ms, p50 ${result.chromium_query_embed_p50_ms} ms p95 ${result.chromium_query_embed_p95_ms} ms`);
      embedder.dispose();
    } catch (error) {
      result.chromium_query_embed_error = String(error);
      log.push(`chromium query embedding failed: ${String(error)}`);
    }
  }
  return { result, log };
}

(globalThis as unknown as { kinMemoryBench: typeof run }).kinMemoryBench = run;
