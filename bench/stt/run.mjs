// STT eval: word error rate of the on-device speech model on a clip with a known transcript, run in
// headless Chromium through the real worker: workers/stt-moonshine.worker.ts for Moonshine tiny (the
// default; the model ships in the npm package @moonshine-ai/moonshine-js) or workers/stt.worker.ts
// for a transformers.js model (KIN_STT_MODEL=Xenova/whisper-tiny.en), both on self-hosted onnxruntime-web. Returns nulls and the reason when the model cannot be loaded (no network, no
// local copy). Used by `npm run -s eval:stt` and importable by other evals:
//   import { runSttEval } from '../stt/run.mjs'; const r = await runSttEval();
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { copyFileSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWav16 } from '../../scripts/wav.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
export const JFK_CLIP = resolve(root, '../shared/data/speech/jfk.flac');
export const JFK_REFERENCE = 'And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country.';
/** Synthesized speech with known words (espeak-ng turn corpus, see its FORMAT.md). */
export const SYNTH_CORPUS = resolve(root, '../shared/data/turns/dev');
/** The model id that selects Moonshine tiny, served from the npm package (lib/speech/stt/moonshine.ts). */
export const MOONSHINE_MODEL = 'moonshine-tiny';
const MOONSHINE_DIR = join(root, 'node_modules/@moonshine-ai/moonshine-js/dist/model/tiny/quantized/');

/** 16-bit PCM mono WAV → { sampleRate, samples: Int16Array }. */
function readWav16(path) {
  const bytes = readFileSync(path);
  let offset = 12;
  let sampleRate = 0;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      const format = bytes.readUInt16LE(offset + 8);
      const channels = bytes.readUInt16LE(offset + 10);
      sampleRate = bytes.readUInt32LE(offset + 12);
      const bits = bytes.readUInt16LE(offset + 22);
      if (format !== 1 || channels !== 1 || bits !== 16) throw new Error(`${path}: need 16-bit PCM mono`);
    } else if (id === 'data') {
      const data = bytes.subarray(offset + 8, offset + 8 + size);
      return { sampleRate, samples: new Int16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.length)) };
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error(`${path}: no data chunk`);
}

/**
 * Cuts every user turn of the synthesized corpus into its own clip (0.2 s before its start to
 * 0.3 s after its end, as a turn reaches the recognizer) with the words spoken inside it.
 */
function synthClips(corpusDir, outDir, maxFiles) {
  if (!existsSync(corpusDir)) return [];
  mkdirSync(join(outDir, 'synth'), { recursive: true });
  const clips = [];
  const names = readdirSync(corpusDir).filter((f) => f.endsWith('.json')).sort().slice(0, maxFiles);
  for (const name of names) {
    const labels = JSON.parse(readFileSync(join(corpusDir, name), 'utf-8'));
    const { sampleRate, samples } = readWav16(join(corpusDir, name.replace(/\.json$/, '.wav')));
    labels.turns.forEach((turn, index) => {
      const from = Math.max(0, Math.floor((turn.start - 0.2) * sampleRate));
      const to = Math.min(samples.length, Math.ceil((turn.end + 0.3) * sampleRate));
      const words = labels.transcript.filter((f) => f.start >= turn.start - 0.05 && f.end <= turn.end + 0.05).map((f) => f.text);
      if (!words.length) return;
      const file = `synth/${name.replace(/\.json$/, '')}-t${index}.wav`;
      writeWav16(join(outDir, file), sampleRate, samples.subarray(from, to));
      clips.push({ group: 'synth', url: `./${file}`, reference: words.join(' ') });
    });
  }
  return clips;
}

/** Corpus-level WER of one group: all edits / all reference words (null when nothing was decoded). */
function groupWer(clips, group) {
  const mine = clips.filter((c) => c.group === group);
  const words = mine.reduce((sum, c) => sum + c.referenceWords, 0);
  return mine.length && words ? Math.round((mine.reduce((sum, c) => sum + c.edits, 0) / words) * 10000) / 10000 : null;
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.flac': 'audio/flac', '.wav': 'audio/wav', '.json': 'application/json', '.onnx': 'application/octet-stream' };

/** Bundles the page and the worker into `outDir`. */
async function buildPage(outDir) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const common = { bundle: true, format: 'esm', target: 'es2022', logLevel: 'error', minify: true, tsconfig: join(root, 'tsconfig.json'), define: { 'process.env.NODE_ENV': '"production"' } };
  await build({ ...common, entryPoints: [join(here, 'page.ts')], outfile: join(outDir, 'page.js') });
  await build({ ...common, entryPoints: [join(root, 'workers/stt.worker.ts')], outfile: join(outDir, 'stt.worker.js') });
  await build({ ...common, entryPoints: [join(root, 'workers/stt-moonshine.worker.ts')], outfile: join(outDir, 'stt-moonshine.worker.js') });
  writeFileSync(join(outDir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>Kin STT eval</title><script type="module" src="./page.js"></script>');
}

/** Serves the bundle, the vendor wasm, the clips and (optionally) a local model folder, cross-origin isolated. */
function serve(outDir, modelDir) {
  const routes = [
    ['/vendor/ort-transformers/', join(root, 'node_modules/@huggingface/transformers/dist/')],
    ['/vendor/ort/', join(root, 'node_modules/onnxruntime-web/dist/')],
    [`/models/${MOONSHINE_MODEL}/`, MOONSHINE_DIR],
    ['/models/', modelDir],
    ['/', outDir + '/'],
  ];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (process.env.KIN_STT_DEBUG) console.error(`eval:stt served ${path}`);
    let file = null;
    {
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
  const model = options.model ?? process.env.KIN_STT_MODEL ?? MOONSHINE_MODEL;
  const moonshine = model === MOONSHINE_MODEL;
  const modelDir = options.modelDir ?? process.env.KIN_STT_MODEL_DIR ?? null;
  const timeoutMs = options.timeoutMs ?? 300000;
  const base = { stt_wer_jfk: null, stt_wer_synth: null, stt_backend: null, stt_model: model, stt_rtf: null, stt_load_ms: null, stt_transcript: null, stt_reason: null };
  if (!existsSync(clip)) return { ...base, stt_reason: `clip not found: ${clip}` };
  if (moonshine && !existsSync(join(MOONSHINE_DIR, 'encoder_model.onnx'))) return { ...base, stt_reason: `${MOONSHINE_DIR} missing (npm ci installs @moonshine-ai/moonshine-js)` };
  const hostProblem = modelDir || moonshine ? null : await probeHost(options.host ?? process.env.KIN_STT_HOST ?? 'https://huggingface.co/', model);
  const outDir = options.outDir ?? '/tmp/kin-stt-eval';
  await buildPage(outDir);
  copyFileSync(clip, join(outDir, 'jfk' + extname(clip)));
  const clips = [{ group: 'jfk', url: `./jfk${extname(clip)}`, reference }, ...synthClips(options.synthCorpus ?? SYNTH_CORPUS, outDir, options.synthFiles ?? 12)];
  writeFileSync(join(outDir, 'clips.json'), JSON.stringify(clips));
  const server = await serve(outDir, modelDir);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const host = modelDir || moonshine ? `${origin}/models/` : (options.host ?? process.env.KIN_STT_HOST ?? 'https://huggingface.co/');
  const query = new URLSearchParams({
    host,
    model,
    backends: moonshine ? 'wasm' : (options.backends ?? process.env.KIN_STT_BACKENDS ?? 'webgpu,wasm'),
    loadTimeoutMs: String(timeoutMs - 10000),
    ...(modelDir || moonshine ? { template: '{model}/' } : {}),
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
    const decodeMs = result.clips.reduce((sum, c) => sum + c.decodeMs, 0);
    const decodedAudioMs = result.clips.reduce((sum, c) => sum + c.audioMs, 0);
    return {
      ...base,
      stt_wer_jfk: groupWer(result.clips, 'jfk'),
      stt_wer_synth: groupWer(result.clips, 'synth'),
      stt_synth_clips: clips.length - 1,
      stt_backend: result.backend,
      stt_webgpu_skipped: result.webgpuSkipped,
      stt_rtf: decodedAudioMs ? Math.round((decodeMs / decodedAudioMs) * 1000) / 1000 : null,
      stt_load_ms: result.loadMs,
      stt_downloaded_bytes: result.downloadedBytes,
      stt_clips_decoded_by_browser: result.decodedClips,
      stt_audio_ms: result.audioMs,
      stt_transcript: result.clips.find((c) => c.group === 'jfk')?.transcript ?? null,
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
