// Node side of the Chromium part of bench:memory: bundles chromium-page.ts with esbuild, serves it
// (and public/models, public/tfjs) from a tiny static server with COOP/COEP, drives /usr/bin/chromium
// with Playwright and returns the page's result. No `next build` involved.
import { build } from 'esbuild';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright';
import type { ChromiumBenchOptions } from './chromium-page';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm', '.bin': 'application/octet-stream' };

/** Runs the browser bench; resolves with its JSON fields and log lines. */
export async function runChromiumBench(options: ChromiumBenchOptions & { timeoutMs?: number }): Promise<{ result: Record<string, number | string | null>; log: string[] }> {
  const outDir = resolve('bench/out/chromium');
  await build({ entryPoints: ['bench/memory/chromium-page.ts'], outfile: join(outDir, 'bench.js'), bundle: true, format: 'esm', platform: 'browser', target: 'chrome120', alias: { '@': '.' }, logLevel: 'warning' });
  const roots: [string, string][] = [['/models/', resolve('public/models')], ['/tfjs/', resolve('public/tfjs')], ['/', outDir]];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cache-Control': 'no-store' };
    if (path === '/') {
      response.writeHead(200, { ...headers, 'Content-Type': 'text/html' });
      return response.end('<!doctype html><meta charset="utf-8"><title>memory bench</title><script type="module" src="/bench.js"></script>');
    }
    const [prefix, root] = roots.find(([p]) => path.startsWith(p)) as [string, string];
    const file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, headers);
      return response.end('not found');
    }
    response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': statSync(file).size });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => 'kinMemoryBench' in globalThis, undefined, { timeout: 30_000 }).catch(() => {
      throw new Error(`bench page did not load: ${errors.join('; ') || 'no error reported'}`);
    });
    page.setDefaultTimeout(options.timeoutMs ?? 900_000);
    return await page.evaluate(
      (o) => (globalThis as unknown as { kinMemoryBench: (o: ChromiumBenchOptions) => Promise<{ result: Record<string, number | string | null>; log: string[] }> }).kinMemoryBench(o),
      { sizes: options.sizes, queries: options.queries, persistUpTo: options.persistUpTo, embedQueries: options.embedQueries },
    );
  } finally {
    await browser.close();
    server.close();
  }
}
