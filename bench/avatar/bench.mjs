// npm run bench:avatar — a 30 s speaking run of the 3D head in headless Chromium (SwiftShader
// WebGL2, 1280×720 viewport, the face at the call page's maximum 640×640 CSS px, DPR 1).
// Reports JS time per frame (driver + rig + three.js render submission, measured between R3F
// frame subscribers at priority -1000 and +1000), frames per second, the effective internal
// resolution (canvas pixel ratio and drawing-buffer size, adaptive on software GL), and JS heap growth / GC
// events from precise heap readings each frame plus CDP Performance metrics. Ends with one JSON line.
import { chromium } from '@playwright/test';
import { cpus, loadavg } from 'node:os';
import { buildHarness } from './build.mjs';
import { AVATAR_CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { startServer } from './server.mjs';

const RUN_MS = Number(process.env.KIN_AVATAR_BENCH_MS ?? 30_000);
const WARMUP_MS = 4000;
const persona = process.env.KIN_AVATAR_PERSONA ?? 'coach';
const faceCssPx = Number(process.env.KIN_AVATAR_SIZE ?? 640);

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round = (x, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

const buildMs = await buildHarness();
const server = await startServer();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: AVATAR_CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}?persona=${persona}&size=${faceCssPx}${process.env.KIN_AVATAR_QUALITY ? `&quality=${process.env.KIN_AVATAR_QUALITY}` : ''}`);
  await page.waitForFunction(() => window.kinAvatar?.ready === true, null, { timeout: 120_000 });
  const gl = await page.evaluate(() => {
    const context = document.createElement('canvas').getContext('webgl2');
    const info = context?.getExtension('WEBGL_debug_renderer_info');
    return info && context ? String(context.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'unknown';
  });
  const emotions = await page.evaluate(() => [...window.kinAvatar.emotions]);
  const lowPower = await page.evaluate(() => window.kinAvatar.lowPower);

  await page.evaluate((ms) => window.kinAvatar.startSpeaking(ms), RUN_MS + WARMUP_MS + 2000);
  await page.waitForTimeout(WARMUP_MS);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const metricsBefore = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  // Sampled allocation profile (including objects already collected) to attribute allocations.
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  await page.evaluate(() => window.kinAvatar.resetFrames());
  const started = Date.now();
  // Cycle all emotions while speaking, so blending is part of the measured work.
  let shown = 0;
  while (Date.now() - started < RUN_MS) {
    await page.evaluate((e) => window.kinAvatar.setEmotion(e), emotions[shown % emotions.length]);
    shown++;
    await page.waitForTimeout(Math.min(RUN_MS / emotions.length, RUN_MS - (Date.now() - started)));
  }
  const frames = await page.evaluate(() => window.kinAvatar.frames());
  const metricsAfter = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const { profile } = await cdp.send('HeapProfiler.stopSampling');
  const byFunction = new Map();
  let sampledBytes = 0;
  const walk = (node) => {
    const self = node.selfSize ?? 0;
    if (self > 0) {
      const frame = node.callFrame;
      const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() || '(native)'}:${frame.lineNumber}:${frame.columnNumber}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + self);
      sampledBytes += self;
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(profile.head);
  const topAllocators = [...byFunction.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);

  const ms = [...frames.ms].sort((a, b) => a - b);
  // Effective internal resolution: the canvas pixel ratio and drawing-buffer size per frame.
  const dprs = [...frames.dpr].sort((a, b) => a - b);
  const last = frames.at.length - 1;
  const tailFrom = frames.at.findIndex((t) => t >= frames.at[last] - 10_000);
  const fpsLast10s = tailFrom >= 0 && last > tailFrom ? ((last - tailFrom) / (frames.at[last] - frames.at[tailFrom])) * 1000 : 0;
  const spanMs = frames.at[frames.at.length - 1] - frames.at[0];
  const fps = ((frames.at.length - 1) / spanMs) * 1000;
  const intervals = frames.at.slice(1).map((t, i) => t - frames.at[i]).sort((a, b) => a - b);
  // Heap: growth between frames is allocation; a drop of > 64 KB is a garbage collection.
  let allocated = 0;
  let gcEvents = 0;
  for (let i = 1; i < frames.heap.length; i++) {
    const delta = frames.heap[i] - frames.heap[i - 1];
    if (delta > 0) allocated += delta;
    else if (delta < -65536) gcEvents++;
  }
  const result = {
    bench: 'avatar',
    persona,
    renderer: gl,
    low_power_mode: lowPower,
    viewport: '1280x720',
    face_css_px: faceCssPx,
    run_s: round(spanMs / 1000, 1),
    frames: frames.at.length,
    frame_js_ms_p50: round(percentile(ms, 50), 3),
    frame_js_ms_p95: round(percentile(ms, 95), 3),
    frame_js_ms_max: round(ms[ms.length - 1], 2),
    fps: round(fps, 1),
    fps_last_10s: round(fpsLast10s, 1),
    dpr_mean: round(frames.dpr.reduce((a, b) => a + b, 0) / Math.max(1, frames.dpr.length), 3),
    dpr_p50: dprs[Math.floor(dprs.length / 2)],
    dpr_min: dprs[0],
    dpr_max: dprs[dprs.length - 1],
    dpr_end: frames.dpr[last],
    render_px_end: `${frames.bufferWidth[last]}x${frames.bufferHeight[last]}`,
    render_px_p50: `${Math.round(faceCssPx * dprs[Math.floor(dprs.length / 2)])}x${Math.round(faceCssPx * dprs[Math.floor(dprs.length / 2)])}`,
    frame_interval_ms_p50: round(percentile(intervals, 50), 1),
    frame_interval_ms_p95: round(percentile(intervals, 95), 1),
    emotional_states: emotions.length,
    emotions_shown: Math.min(shown, emotions.length),
    sampled_alloc_kb: Math.round(sampledBytes / 1024),
    heap_alloc_kb_per_s: round(allocated / 1024 / (spanMs / 1000), 1),
    heap_alloc_bytes_per_frame: Math.round(allocated / Math.max(1, frames.at.length - 1)),
    gc_events: gcEvents,
    js_heap_used_mb_start: round(metricsBefore.JSHeapUsedSize / 2 ** 20, 1),
    js_heap_used_mb_end: round(metricsAfter.JSHeapUsedSize / 2 ** 20, 1),
    script_s: round(metricsAfter.ScriptDuration - metricsBefore.ScriptDuration, 2),
    task_s: round(metricsAfter.TaskDuration - metricsBefore.TaskDuration, 2),
    page_errors: errors.length,
    build_ms: buildMs,
    host_cpus: cpus().length,
    host_load_1m: round(loadavg()[0], 2),
  };
  console.log(`avatar bench: ${result.frames} frames in ${result.run_s} s on ${gl}`);
  console.log(`  JS per frame p50 ${result.frame_js_ms_p50} ms, p95 ${result.frame_js_ms_p95} ms (goal ≤ 4); ${result.fps} fps (goal ≥ 30), last 10 s ${result.fps_last_10s} fps`);
  console.log(`  internal resolution: dpr p50 ${result.dpr_p50} (min ${result.dpr_min}, max ${result.dpr_max}, end ${result.dpr_end}) → ${result.render_px_p50} px for a ${faceCssPx} px face; end ${result.render_px_end}`);
  console.log(`  heap: ${result.heap_alloc_kb_per_s} KB/s allocated (${result.heap_alloc_bytes_per_frame} B/frame), ${gcEvents} GC drops; host load ${result.host_load_1m} on ${result.host_cpus} CPUs`);
  console.log(`  sampled allocations during the run: ${Math.round(sampledBytes / 1024)} KB; top sites (minified bundle positions):`);
  for (const [site, bytes] of topAllocators) console.log(`    ${Math.round(bytes / 1024)} KB  ${site}`);
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  await server.close();
}
