// npm run eval:perception — perception in headless Chromium through the real workers.
// 1. 7 expression photos (shown as a still fake camera) → fused top state vs the label's family.
// 2. LivePortrait clips: d18 jawOpen peak (yawn), d14 blink count, d0 happy/amused share; per-clip timelines.
// 3. EmoDB: fused arousal (audio path only) ranks high-arousal clips above low-arousal ones, same speaker.
// 4. Latency: frame capture → fused description (p50/p95), vision fps, prosody RTF, long tasks.
// Bundles the workers and a harness page with esbuild (no Next build needed); the last line is one JSON object.
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from '@playwright/test';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const shared = resolve(process.env.KIN_SHARED_DATA ?? join(root, '../shared/data'));
const out = join(root, 'bench/out/perception');
const log = (...a) => console.error('[eval:perception]', ...a);
if (!existsSync(shared)) {
  console.log(JSON.stringify({ skipped: `shared data not found at ${shared}` }));
  process.exit(0);
}
if (!existsSync(join(root, 'public/vendor/ort/ort-wasm-simd-threaded.jsep.wasm'))) execFileSync('node', ['scripts/copy-vendor.mjs'], { cwd: root, stdio: 'inherit' });
mkdirSync(join(out, 'media'), { recursive: true });

// --- bundles -----------------------------------------------------------------
const common = { bundle: true, minify: false, sourcemap: false, logLevel: 'error', target: 'es2022', define: { 'process.env.NODE_ENV': '"production"' } };
await esbuild.build({ ...common, entryPoints: { 'vision.worker': join(root, 'workers/vision.worker.ts') }, outdir: out, format: 'iife' });
await esbuild.build({ ...common, entryPoints: { 'prosody.worker': join(root, 'workers/prosody.worker.ts'), 'fusion.worker': join(root, 'workers/fusion.worker.ts'), harness: join(root, 'bench/perception/harness.ts') }, outdir: out, format: 'esm' });

// --- media -------------------------------------------------------------------
function y4m(name, args) {
  const file = join(out, 'media', `${name}.y4m`);
  if (!existsSync(file) || statSync(file).size === 0) execFileSync('ffmpeg', ['-loglevel', 'error', '-y', ...args, file]);
  return file;
}
const photoLabels = ['happy', 'sad', 'surprised', 'angry', 'fearful', 'neutral', 'disgusted'];
const family = {
  happy: ['happy', 'amused'], sad: ['sad'], surprised: ['surprised'], angry: ['frustrated'], fearful: ['anxious'], neutral: ['calm'],
  disgusted: ['sad', 'frustrated', 'anxious', 'confused', 'tired', 'hesitant'],
};
const pad = 'scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2,format=yuv420p';
const photos = Object.fromEntries(photoLabels.map((label) => [label, y4m(`photo-${label}`, ['-loop', '1', '-i', join(shared, `face/photos_faceapi/${label}.jpg`), '-t', '3', '-r', '25', '-vf', pad])]));
const clips = {
  d0: { file: y4m('d0', ['-i', join(shared, 'face/liveportrait_driving/d0.mp4'), '-an', '-vf', 'format=yuv420p']), seconds: 3.1 },
  d14: { file: y4m('d14', ['-i', join(shared, 'face/liveportrait_driving/d14.mp4'), '-an', '-vf', 'format=yuv420p']), seconds: 17.8 },
  d18: { file: y4m('d18', ['-i', join(shared, 'face/liveportrait_driving/d18.mp4'), '-an', '-vf', 'format=yuv420p']), seconds: 7.1 },
};

// --- server ------------------------------------------------------------------
const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html', '.json': 'application/json', '.wav': 'audio/wav' };
const mounts = [['/bundle/', out], ['/models/', join(root, 'public/models')], ['/vendor/', join(root, 'public/vendor')], ['/data/', shared]];
const server = createServer((req, res) => {
  const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (url === '/') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><meta charset="utf-8"><title>kin-eval</title><body><script type="module" src="/bundle/harness.js"></script></body>');
    return;
  }
  for (const [prefix, dir] of mounts) {
    if (!url.startsWith(prefix)) continue;
    const file = resolve(dir, url.slice(prefix.length));
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) break;
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
    return;
  }
  if (url !== '/favicon.ico') log('404', url);
  res.writeHead(404);
  res.end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;

async function withCamera(y4mFile, fn) {
  const browser = await chromium.launch({
    executablePath: process.env.KIN_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4mFile}`, '--enable-unsafe-webgpu'],
  });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => log('page error', e.message));
    page.on('console', (m) => { if (m.type() === 'error' || process.env.KIN_EVAL_DEBUG) log('console', m.type(), m.text().slice(0, 300)); });
    await page.goto(base);
    await page.waitForFunction(() => document.title === 'kin-eval-ready', null, { timeout: 30000 });
    return await fn(page);
  } finally {
    await browser.close();
  }
}
const pct = (xs, p) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const round = (x, d = 1) => (x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d);

const staleness = [];
let visionFpsRuns = [];
let longTasks = 0, longTaskMs = 0;
let visionBackend = null, onnxBackend = null, onnxDetail = null;
const collect = (r) => {
  staleness.push(...r.staleness);
  visionFpsRuns.push(r.visionFps);
  longTasks += r.longTasks;
  longTaskMs += r.longTaskMs;
  visionBackend = r.visionDetail ? `${r.visionBackend} (${r.visionDetail})` : r.visionBackend;
  onnxBackend = r.onnxBackend;
  onnxDetail = r.onnxDetail;
};

// 1. photos
const photoResults = {};
const parts = new Set((process.env.KIN_EVAL_PARTS ?? 'photos,clips,emodb').split(','));
for (const label of parts.has('photos') ? photoLabels : []) {
  const r = await withCamera(photos[label], (page) => page.evaluate(() => window.kinEval.runVideo(4)));
  collect(r);
  const last = r.fused.at(-1);
  photoResults[label] = { state: last?.state ?? null, sentence: last?.sentence ?? null, correct: Boolean(last && family[label].includes(last.state)), faces: r.timeline.at(-1)?.faces ?? 0 };
  if (process.env.KIN_EVAL_DEBUG) log(JSON.stringify({ ...r, timeline: r.timeline.slice(0, 5), staleness: r.staleness.length }).slice(0, 1500));
  log('photo', label, '→', photoResults[label].state, '|', photoResults[label].sentence);
}
const photosCorrect = Object.values(photoResults).filter((p) => p.correct).length;

// 2. clips
const clipResults = {};
for (const [name, clip] of Object.entries(parts.has('clips') ? clips : {})) {
  const r = await withCamera(clip.file, (page) => page.evaluate((s) => window.kinEval.runVideo(s), clip.seconds));
  collect(r);
  clipResults[name] = r;
  log('clip', name, `${r.timeline.length} frames, ${r.visionFps.toFixed(1)} fps`);
}
const timeline = (r, step = 0.5) => {
  const rows = [];
  for (let t = 0; t <= (r.timeline.at(-1)?.t ?? 0); t += step) {
    const frames = r.timeline.filter((f) => f.t >= t && f.t < t + step);
    const fused = r.fused.filter((f) => f.t <= t + step).at(-1);
    rows.push({ t: round(t, 1), jawOpen: round(Math.max(0, ...frames.map((f) => f.jawOpen)), 2), blinks: frames.at(-1)?.blinks ?? null, state: fused?.state ?? null });
  }
  return rows;
};
const d18 = clipResults.d18?.timeline ?? [];
const jawPeak = d18.reduce((best, f) => (f.jawOpen > best.jawOpen ? f : best), { t: null, jawOpen: -1 });
// Peaks: local maxima of jawOpen above 0.5, at least 1 s apart.
const jawPeaks = [];
for (const f of d18) if (f.jawOpen > 0.5 && (!jawPeaks.length || f.t - jawPeaks.at(-1).t > 1)) jawPeaks.push({ ...f });
else if (jawPeaks.length && f.t - jawPeaks.at(-1).t <= 1 && f.jawOpen > jawPeaks.at(-1).jawOpen) jawPeaks[jawPeaks.length - 1] = { ...f };
const d14Blinks = clipResults.d14?.timeline.at(-1)?.blinks ?? null;
const d0Fused = (clipResults.d0?.fused ?? []).filter((f) => f.t >= 0);
const d0HappyShare = d0Fused.length ? d0Fused.filter((f) => f.state === 'happy' || f.state === 'amused').length / d0Fused.length : null;

// 3. EmoDB
const labels = readFileSync(join(shared, 'emotion_speech/emodb/labels.csv'), 'utf8').trim().split('\n').slice(1).map((line) => {
  const [file, speaker] = line.split(',');
  return { file, speaker, code: file[5] };
});
const emo = !parts.has('emodb') ? {} : await withCamera(photos.neutral, async (page) => {
  const bySpeaker = {};
  for (const l of labels) (bySpeaker[l.speaker] ??= []).push(l.file);
  const results = {};
  for (const [speaker, files] of Object.entries(bySpeaker)) results[speaker] = await page.evaluate((f) => window.kinEval.runEmoDb(f), files);
  return results;
});
const HIGH = new Set(['W', 'F', 'A']);
const LOW = new Set(['T', 'L']);
let pairs = 0, correctPairs = 0;
const emodbArousal = {};
let vadBackend = null, vadDetail = null, prosodyRtf = [];
for (const [speaker, r] of Object.entries(emo)) {
  vadBackend = r.vadBackend;
  vadDetail = r.vadDetail;
  if (r.prosodyRtf !== null) prosodyRtf.push(r.prosodyRtf);
  const mine = labels.filter((l) => l.speaker === speaker);
  for (const h of mine.filter((l) => HIGH.has(l.code))) for (const lo of mine.filter((l) => LOW.has(l.code))) {
    pairs++;
    if (r.arousal[h.file] > r.arousal[lo.file]) correctPairs++;
  }
  for (const [file, a] of Object.entries(r.arousal)) emodbArousal[file] = round(a, 2);
}
server.close();

const result = {
  photos_correct: parts.has('photos') ? photosCorrect : null,
  photos: Object.fromEntries(Object.entries(photoResults).map(([k, v]) => [k, `${v.state}${v.correct ? '' : ' ✗'}`])),
  d18_jaw_open_peak_s: round(jawPeak.t, 2),
  d18_jaw_open_peak: round(jawPeak.jawOpen, 2),
  d18_jaw_peaks_s: jawPeaks.map((p) => round(p.t, 2)),
  d14_blinks: d14Blinks,
  d0_happy_share: round(d0HappyShare, 2),
  emodb_arousal_pair_accuracy: pairs ? round(correctPairs / pairs, 3) : null,
  emodb_pairs: pairs,
  emodb_arousal: emodbArousal,
  staleness_p50_ms: round(pct(staleness, 50)),
  staleness_p95_ms: round(pct(staleness, 95)),
  staleness_samples: staleness.length,
  vision_fps: visionFpsRuns.length ? round(visionFpsRuns.reduce((a, b) => a + b, 0) / visionFpsRuns.length) : null,
  vision_backend: visionBackend,
  onnx_backend: onnxBackend,
  onnx_detail: onnxDetail,
  vad_backend: vadBackend,
  vad_detail: vadDetail,
  prosody_rtf: round(prosodyRtf.reduce((a, b) => a + b, 0) / Math.max(1, prosodyRtf.length), 4),
  long_tasks_over_50ms: longTasks,
  long_task_ms: round(longTaskMs),
  timelines: Object.fromEntries(Object.entries(clipResults).map(([name, r]) => [name, timeline(r, name === 'd14' ? 1 : 0.5)])),
};
for (const [name, rows] of Object.entries(result.timelines)) log(`timeline ${name}:`, rows.map((r) => `${r.t}s jaw=${r.jawOpen} blinks=${r.blinks} ${r.state}`).join(' | '));
console.log(JSON.stringify(result));
