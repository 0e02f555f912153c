// STT eval: word error rate of the on-device speech model on a clip with a known transcript, run in
// headless Chromium through the real worker (workers/stt.worker.ts, transformers.js + self-hosted
// onnxruntime-web). Returns nulls and the reason when the model cannot be loaded (no network, no
// local copy). Used by `npm run -s eval:stt` and importable by other evals:
//   import { runSttEval } from '../stt/run.mjs'; const r = await runSttEval();
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { createReadStream, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
export const JFK_CLIP = resolve(root, '../shared/data/speech/jfk.flac');
export const JFK_REFERENCE = 'And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country.';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.flac': 'audio/flac', '.wav': 'audio/wav', '.json': 'application/json', '.onnx': 'application/octet-stream' };

/** Bundles the page and the worker into `outDir`. */
async function buildPage(outDir) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const common = { bundle: true, format: 'esm', target: 'es2022', logLevel: 'error', minify: true, tsconfig: join(root, 'tsconfig.json'), define: { 'process.env.NODE_ENV': '"production"' } };
  await build({ ...common, entryPoints: [join(here, 'page.ts')], outfile: join(outDir, 'page.js') });
  await build({ ...common, entryPoints: [join(root, 'workers/stt.worker.ts')], outfile: join(outDir, 'stt.worker.js') });
  writeFileSync(join(outDir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>Kin STT eval</title><script type="module" src="./page.js"></script>');
}

/** Serves the bundle, the vendor wasm, the clip and (optionally) a local model folder, cross-origin isolated. */
function serve(outDir, clip, modelDir) {
  const routes = [
    ['/vendor/ort-transformers/', join(root, 'node_modules/@huggingface/transformers/dist/')],
    ['/models/', modelDir],
    ['/', outDir + '/'],
  ];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (process.env.KIN_STT_DEBUG) console.error(`eval:stt served ${path}`);
    let file = null;
    if (path === '/clip') file = clip;
    else {
      for (const [prefix, dir] of routes) {
        if (dir && path.startsWith(prefix)) {
          const candidate = normalize(join(dir, path.slice(prefix.length) || 'index.html'));
          if (candidate.startsWith(normalize(dir))) file = candidate;
          break;
        }
      }
    }
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': statSync(file).size,
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolveServer) => server.listen(0, '127.0.0.1', () => resolveServer(server)));
}

/** Says why the model host cannot serve the model's config from this machine, or null when it can. */
async function probeHost(host, model) {
  const url = `${host.replace(/\/$/, '')}/${model}/resolve/main/config.json`;
  try {
    const response = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(8000) });
    return response.ok ? null : `${url} answered HTTP ${response.status}`;
  } catch (error) {
    const cause = error?.cause?.code ?? error?.cause?.message ?? error?.message ?? String(error);
    return `model host not reachable from this machine (${url}: ${cause}); set KIN_STT_MODEL_DIR to a local copy`;
  }
}

/**
 * Runs the eval. Options: clip (path), reference (text), model (repo id), host (model host URL),
 * modelDir (a local folder laid out as <modelDir>/<repo id>/…, served instead of a remote host),
 * backends ('webgpu,wasm'), timeoutMs. Resolves to
 * { stt_wer_jfk, stt_backend, stt_model, stt_rtf, stt_load_ms, stt_transcript, stt_reason, … }.
 */
export async function runSttEval(options = {}) {
  const clip = options.clip ?? JFK_CLIP;
  const reference = options.reference ?? JFK_REFERENCE;
  const model = options.model ?? process.env.KIN_STT_MODEL ?? 'Xenova/whisper-tiny.en';
  const modelDir = options.modelDir ?? process.env.KIN_STT_MODEL_DIR ?? null;
  const timeoutMs = options.timeoutMs ?? 300000;
  const base = { stt_wer_jfk: null, stt_backend: null, stt_model: model, stt_rtf: null, stt_load_ms: null, stt_transcript: null, stt_reason: null };
  if (!existsSync(clip)) return { ...base, stt_reason: `clip not found: ${clip}` };
  const hostProblem = modelDir ? null : await probeHost(options.host ?? process.env.KIN_STT_HOST ?? 'https://huggingface.co/', model);
  const outDir = options.outDir ?? '/tmp/kin-stt-eval';
  await buildPage(outDir);
  const server = await serve(outDir, clip, modelDir);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const host = modelDir ? `${origin}/models/` : (options.host ?? process.env.KIN_STT_HOST ?? 'https://huggingface.co/');
  const query = new URLSearchParams({
    host,
    model,
    reference,
    clip: '/clip',
    backends: options.backends ?? process.env.KIN_STT_BACKENDS ?? 'webgpu,wasm',
    loadTimeoutMs: String(timeoutMs - 10000),
    ...(modelDir ? { template: '{model}/' } : {}),
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--no-first-run', '--disable-component-update', '--enable-unsafe-webgpu', '--autoplay-policy=no-user-gesture-required'],
  });
  try {
    const page = await browser.newPage();
    const logs = [];
    page.on('console', (message) => logs.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => logs.push(`pageerror: ${error.message}`));
    await page.goto(`${origin}/index.html?${query}`);
    const handle = await page.waitForFunction(() => window.kinSttEval, null, { timeout: timeoutMs, polling: 250 });
    const result = await handle.jsonValue();
    return {
      ...base,
      stt_wer_jfk: result.wer === null ? null : Math.round(result.wer * 10000) / 10000,
      stt_backend: result.backend,
      stt_webgpu_skipped: result.webgpuSkipped,
      stt_rtf: result.realTimeFactor === null ? null : Math.round(result.realTimeFactor * 1000) / 1000,
      stt_load_ms: result.loadMs,
      stt_downloaded_bytes: result.downloadedBytes,
      stt_audio_ms: result.audioMs,
      stt_transcript: result.transcript,
      stt_host: host,
      stt_reason: result.ok ? null : [result.reason, hostProblem].filter(Boolean).join('; '),
      ...(result.ok ? {} : { stt_console_tail: logs.slice(-5) }),
    };
  } catch (error) {
    return { ...base, stt_reason: `eval page failed: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    await browser.close();
    server.close();
  }
}
