// Runs the same synthetic latency measurement as the Node bench inside a Chromium page; the result
// is left on window.__knowledgeBench for bench/knowledge/bench.ts to read.
import { buildSyntheticIndex, measureSearch } from './synthetic';

declare global {
  interface Window {
    __knowledgeBench?: Record<string, number>;
    __knowledgeBenchError?: string;
  }
}

async function run(): Promise<void> {
  const sizes = (new URLSearchParams(location.search).get('sizes') ?? '1000,10000,50000').split(',').map(Number);
  const queries = Number(new URLSearchParams(location.search).get('queries') ?? 200);
  const result: Record<string, number> = {};
  for (const size of sizes) {
    const index = buildSyntheticIndex(size);
    // Yield so the page stays responsive between sizes.
    await new Promise((r) => setTimeout(r, 0));
    const { p50, p95, p95_best, mean } = measureSearch(index, queries, () => performance.now());
    const label = size >= 1000 ? `${size / 1000}k` : String(size);
    result[`chromium_p50_ms_${label}`] = p50;
    result[`chromium_p95_ms_${label}`] = p95;
    result[`chromium_p95_best_round_ms_${label}`] = p95_best;
    result[`chromium_mean_ms_${label}`] = mean;
  }
  window.__knowledgeBench = result;
}

// Start after the page has loaded, so navigation is not held up by the first build.
window.addEventListener('load', () => setTimeout(() => run().catch((error) => (window.__knowledgeBenchError = String(error))), 0));
