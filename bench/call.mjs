// npm run bench:call — a 60 s call with fake camera and microphone in headless Chromium.
// Prints progress to stderr and ends stdout with one JSON line.
// Env: BENCH_SECONDS (default 60), WARMUP_SECONDS (10), KIN_BENCH_PORT (3200), CHROMIUM_PATH.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const WARMUP = Number(process.env.WARMUP_SECONDS ?? 10);
const PORT = Number(process.env.KIN_BENCH_PORT ?? 3200);
const BASE = `http://localhost:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const root = resolve(import.meta.dirname, '..');
const log = (...a) => console.error('[bench:call]', ...a);

if (!existsSync(resolve(root, '.next/BUILD_ID'))) {
  log('no production build; running npm run build');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
execFileSync('bash', [resolve(root, 'e2e/fixtures/make-media.sh')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const face = resolve(root, 'e2e/fixtures/media/face.y4m');
const speech = resolve(root, 'e2e/fixtures/media/speech.wav');
const recorded = existsSync(face) && existsSync(speech);
if (!recorded) log('recorded media missing (../shared absent): using Chromium’s synthetic camera and beep');

const server = spawn('npx', ['next', 'start', '-p', String(PORT)], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
const stopServer = () => { try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ } };
process.on('exit', stopServer);

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try { if ((await fetch(BASE)).ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not start');
}

/** gzip size of every module script the landing page loads on first visit. */
async function landingFirstLoadGzipKb() {
  const html = await (await fetch(`${BASE}/`)).text();
  const srcs = [...html.matchAll(/<script\b([^>]*)>/g)]
    .filter((m) => !/\bnomodule\b/.test(m[1]))
    .map((m) => /\bsrc="([^"]+)"/.exec(m[1])?.[1])
    .filter(Boolean);
  let total = 0;
  for (const src of new Set(srcs)) {
    const file = resolve(root, '.next', src.replace(/^\/_next\//, ''));
    const bytes = existsSync(file) ? readFileSync(file) : Buffer.from(await (await fetch(BASE + src)).arrayBuffer());
    total += gzipSync(bytes, { level: 9 }).length;
  }
  // Inline bootstrap scripts in the HTML count too.
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('');
  total += gzipSync(Buffer.from(inline), { level: 9 }).length;
  return { kb: Math.round((total / 1024) * 10) / 10, files: srcs.length };
}

const round1 = (x) => (x === null ? null : Math.round(x * 10) / 10);
const quantile = (xs, q) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

await waitForServer();
const landing = await landingFirstLoadGzipKb();
log(`landing first-load JS: ${landing.kb} KB gzip in ${landing.files} files`);

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
    '--autoplay-policy=no-user-gesture-required', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
    ...(recorded ? [`--use-file-for-fake-video-capture=${face}`, `--use-file-for-fake-audio-capture=${speech}`] : []),
    '--enable-precise-memory-info',
  ],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
const page = await context.newPage();
await page.addInitScript(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
});
const cdp = await context.newCDPSession(page);
const heapMb = async () => {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1048576;
};

await page.goto(`${BASE}/call/friend`);
await page.getByTestId('allow-media').click();
// Start-up: seconds from allowing the camera and mic until each on-device model runs (polled every
// 100 ms). The turn detector's voice gate needs Silero, so it comes on with the VAD.
const allowedAt = Date.now();
const startup = { listening_s: null, turns_ready_s: null, vision_ready_s: null, vad_ready_s: null, fusion_ready_s: null, voice_gate_on_s: null, vad_backend: null, fusion_backend: null };
const startupPoll = setInterval(() => {
  void page.evaluate(() => {
    const call = window.__kinCall;
    if (!call) return null;
    const p = call.session.perception.store.getState();
    // A model runs once its backend is named; 'energy' (Silero failed) and 'failed' do not count.
    const runs = (b) => b === 'webgpu' || b === 'wasm';
    return { listening: !['idle', 'starting'].includes(call.state().phase), turns: call.session.floorTrace.backend.startsWith('turn model'), vision: p.visionBackend !== 'off', vad: runs(p.vadBackend), fusion: runs(p.fusionBackend), gate: call.session.floorTrace.voiceGate, backends: [p.vadBackend, p.fusionBackend] };
  }).then((s) => {
    if (!s) return;
    const t = Math.round((Date.now() - allowedAt) / 100) / 10;
    for (const [key, on] of [['listening_s', s.listening], ['turns_ready_s', s.turns], ['vision_ready_s', s.vision], ['vad_ready_s', s.vad], ['fusion_ready_s', s.fusion], ['voice_gate_on_s', s.gate]]) if (on && startup[key] === null) startup[key] = t;
    [startup.vad_backend, startup.fusion_backend] = s.backends;
    // Stop polling once everything runs, so the poll does not load the page in the measured window.
    if (Object.values(startup).every((v) => v !== null)) clearInterval(startupPoll);
  }).catch(() => undefined);
}, 100);
await page.waitForFunction(() => ['listening', 'user-speaking', 'thinking', 'speaking'].includes(window.__kinCall?.state().phase ?? ''), null, { timeout: 30_000 });
const callStart = Date.now();
const lines = ['Hi Walter, how are you today?', 'I went to the market this morning.', 'My sister Anna is visiting next week.', 'I feel a bit tired, to be honest.', 'What do you like to do in the afternoon?', 'Thanks, that was nice.'];
let said = 0;
const TURNS = process.env.BENCH_TURNS !== '0';
const sayTimer = setInterval(() => {
  if (!TURNS) return;
  const text = lines[said++ % lines.length];
  void page.evaluate((t) => window.__kinCall?.session.sendText(t), text).catch(() => undefined);
}, 9000);

const sample = () => page.evaluate(() => {
  const m = window.__kinCall.session.metrics;
  return { t: performance.now(), video: m.videoFramesSent, audio: m.audioFrames, dropped: m.audioFramesDropped };
});
await page.waitForTimeout(WARMUP * 1000);
const heapAtWarmup = await heapMb();
const atWarmup = await sample();
const dropsAtWarmup = await page.evaluate(() => window.__kinCall.session.media.audioDropStats());
await page.waitForTimeout(Math.max(1, SECONDS - WARMUP) * 1000 - (Date.now() - callStart - WARMUP * 1000));
clearInterval(sayTimer);
clearInterval(startupPoll);
log('start-up (s after allowing camera and mic):', JSON.stringify(startup));
const atEnd = await sample();
const heapAtEnd = await heapMb();
const audioDropped = await page.evaluate(() => window.__kinCall.session.media.audioDropStats());
const longTasks = await page.evaluate((since) => window.__longTasks.filter((t) => t.start >= since), atWarmup.t);
log('warm-up mark at', Math.round(atWarmup.t), 'ms; long tasks after it (start ms, duration ms):', JSON.stringify(longTasks.map((t) => [Math.round(t.start), Math.round(t.duration)])));
const turns = await page.evaluate(() => window.__kinCall.state().turns);
log('audio render gaps (audio-clock s, input samples):', JSON.stringify(audioDropped.gaps));
const phase = await page.evaluate(() => window.__kinCall.state().phase);
await browser.close();
stopServer();

const measuredSeconds = (atEnd.t - atWarmup.t) / 1000;
const videoFps = (atEnd.video - atWarmup.video) / measuredSeconds;
const audioFps = (atEnd.audio - atWarmup.audio) / measuredSeconds;
const over50 = longTasks.filter((t) => t.duration > 50);
const result = {
  bench: 'call',
  date: new Date().toISOString(),
  chromium: CHROMIUM,
  recorded_media: recorded,
  call_seconds: Math.round((Date.now() - callStart) / 100) / 10,
  measured_seconds: Math.round(measuredSeconds * 10) / 10,
  long_tasks_over_50ms: over50.length,
  long_task_max_ms: longTasks.length ? Math.round(Math.max(...longTasks.map((t) => t.duration))) : 0,
  video_fps_to_worker: Math.round(videoFps * 10) / 10,
  video_delivery_ratio: Math.round((videoFps / 15) * 100) / 100,
  audio_frames_per_second: Math.round(audioFps * 10) / 10,
  audio_delivery_ratio: Math.round((audioFps / 100) * 1000) / 1000,
  // Counted over the measured window (after warm-up), like the other rates.
  audio_frames_dropped: audioDropped.total - dropsAtWarmup.total,
  audio_frames_dropped_sequence: audioDropped.sequenceGaps - dropsAtWarmup.sequenceGaps,
  audio_frames_dropped_render: audioDropped.renderGaps - dropsAtWarmup.renderGaps,
  // Whole call, including the mic graph connecting at start-up.
  audio_frames_dropped_incl_startup: audioDropped.total,
  heap_after_warmup_mb: Math.round(heapAtWarmup * 100) / 100,
  heap_at_end_mb: Math.round(heapAtEnd * 100) / 100,
  heap_growth_mb: Math.round((heapAtEnd - heapAtWarmup) * 100) / 100,
  turns: turns.length,
  turn_first_token_ms_p50: round1(quantile(turns.map((t) => t.firstTokenMs).filter((x) => x !== null), 0.5)),
  turn_voice_start_ms_p50: round1(quantile(turns.map((t) => t.speechStartMs).filter((x) => x !== null), 0.5)),
  final_phase: phase,
  ...startup,
  landing_first_load_js_gzip_kb: landing.kb,
};
console.log(JSON.stringify(result));
process.exit(0);
