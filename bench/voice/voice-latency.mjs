// npm run eval:voice-latency — voice-to-voice latency of real calls in headless Chromium.
// A fake microphone plays our own recorded user turns (espeak-ng, scripts/espeak-scene.mjs) into
// the app; the real turn-taking model decides in its AudioWorklet, the test-mode recognizer supplies
// the known words (no speech model can be downloaded here), the brain answers, eSpeak speaks.
// Per turn: true speech end (from the recording) → commit (turn detector) → first token → first
// audio sample out (AudioBufferSourceNode.start tapped in the page, plus any silence at the head of
// the buffer and the context's output latency). The call runs twice on one server: the baseline
// (whole sentences, no synthesis ahead) and the app as shipped (clause chunks, first chunk
// synthesized on speculate).
// Env: KIN_BENCH_PORT (3250), CHROMIUM_PATH, KIN_BENCH_NO_BASELINE=1 (skip the baseline call),
// KIN_BENCH_CALL_ONLY=1 (skip the eval:stt and eval:persona runs whose figures the summary repeats),
// KIN_BENCH_NO_LOCAL_LLM=1 (skip the third call, on the in-browser LLM with ../shared's stories260K).
// Progress on stderr; the last stdout line is JSON.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { haveTools, Scene } from '../../scripts/espeak-scene.mjs';

const PORT = Number(process.env.KIN_BENCH_PORT ?? 3250);
const BASE = `http://localhost:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const root = resolve(import.meta.dirname, '../..');
const out = resolve(root, 'bench/out');
const log = (...a) => console.error('[eval:voice-latency]', ...a);
const quantile = (xs, q) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]);
};

/** User turns: statements, questions, a list, a short answer — each followed by time to answer. */
const TURNS = [
  'I had a really long day at work today.',
  'Do you think I should call my sister tonight?',
  'My grandson visited on Sunday and we baked bread together.',
  'What should I cook for dinner?',
  'I finally finished the report I was worried about.',
  'Yes, I think so.',
  'I went for a walk by the river this afternoon.',
  'Can you remind me what we talked about last time?',
];
const ANSWER_SECONDS = 7;

function runJsonScript(script, args = []) {
  const result = spawnSync('npm', ['run', '-s', script, '--', ...args], { cwd: root, encoding: 'utf8', timeout: 600_000 });
  const line = (result.stdout ?? '').trim().split('\n').filter((l) => l.startsWith('{')).pop();
  try {
    return line ? JSON.parse(line) : null;
  } catch {
    return null;
  }
}

mkdirSync(out, { recursive: true });
if (!haveTools('eval:voice-latency')) process.exit(1);
const wavPath = resolve(out, 'voice-latency.wav');
const scene = new Scene(resolve(out, 'voice-latency-tmp'));
scene.silence(1.5);
const ends = [];
const starts = [];
for (const text of TURNS) {
  const { start, end } = scene.say(text);
  starts.push(start);
  ends.push(end);
  scene.silence(ANSWER_SECONDS);
}
const duration = scene.write(wavPath);
writeFileSync(resolve(out, 'voice-latency.words.json'), JSON.stringify({ words: scene.words, starts, ends }));
log(`scene: ${TURNS.length} turns, ${duration.toFixed(1)} s`);

if (!existsSync(resolve(root, '.next/BUILD_ID'))) {
  log('no production build; running npm run build');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
const server = spawn('npx', ['next', 'start', '-p', String(PORT)], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
const stopServer = () => { try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ } };
process.on('exit', stopServer);
for (let i = 0; ; i++) {
  try { if ((await fetch(BASE)).ok) break; } catch { /* not yet */ }
  if (i > 120) throw new Error('server did not start');
  await new Promise((r) => setTimeout(r, 500));
}

/**
 * One call through the fake mic. `speech`: 'clauses' (the app as shipped) or 'sentences' (the
 * baseline: whole sentences, nothing synthesized before the commit). Returns per-turn rows.
 */
async function measureCall(speech, { localModel = null } = {}) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      '--autoplay-policy=no-user-gesture-required', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${wavPath}%noloop`,
    ],
  });
  // page.route never sees requests the app's service worker answers: block it when serving the model.
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: localModel ? 'block' : 'allow' })).newPage();
  await page.addInitScript(({ words, speech }) => {
    window.localStorage.setItem('kin.test.transcript', JSON.stringify({ words }));
    window.localStorage.setItem('kin.bench.speech', speech);
    // Tap the output graph: every scheduled buffer start, in audio-clock seconds, plus the silence at
    // the head of the buffer (the first sound is the first sample above -40 dBFS) and output latency.
    const starts = (window.__kinAudioStarts = []);
    // Main-thread tasks over 50 ms (what delays a reply while the call is still starting up).
    const longTasks = (window.__kinLongTasks = []);
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) longTasks.push({ startMs: Math.round(e.startTime), ms: Math.round(e.duration), name: e.attribution?.[0]?.containerSrc || e.attribution?.[0]?.name || e.name });
      }).observe({ type: 'longtask', buffered: true });
    } catch { /* no long-task timing in this browser */ }
    const original = AudioBufferSourceNode.prototype.start;
    AudioBufferSourceNode.prototype.start = function (when, ...rest) {
      const ctx = this.context;
      const data = this.buffer ? this.buffer.getChannelData(0) : new Float32Array(0);
      let first = 0;
      while (first < data.length && Math.abs(data[first]) < 0.01) first++;
      starts.push({
        at: Math.max(when ?? 0, ctx.currentTime),
        lead: first < data.length ? first / this.buffer.sampleRate : 0,
        duration: this.buffer ? this.buffer.duration : 0,
        latency: ctx.outputLatency || ctx.baseLatency || 0,
      });
      return original.call(this, when, ...rest);
    };
  }, { words: scene.words, speech });
  if (localModel) {
    // The in-browser LLM provider, its model served as if from the configured host.
    const body = readFileSync(localModel);
    await page.route('**/bench-models/model.gguf', (route) =>
      route.fulfill({ status: 200, body, headers: { 'content-type': 'application/octet-stream', 'content-length': String(body.length) } }));
    await page.goto(`${BASE}/settings`);
    await page.getByTestId('brain-local-llm').check();
    await page.getByTestId('local-model-url').fill('/bench-models/model.gguf');
    await page.waitForTimeout(500);
  }
  await page.goto(`${BASE}/call/friend`);
  await page.getByTestId('allow-media').click();
  await page.waitForFunction(() => window.__kinCall?.state().phase === 'listening', null, { timeout: 60_000 });
  const labels = await page.evaluate(() => window.__kinCall.state().labels);
  log(`[${speech}] labels`, JSON.stringify(labels));
  await page.waitForTimeout((duration + 2) * 1000);
  const result = await page.evaluate(() => {
    const { session, state } = window.__kinCall;
    const ctx = session.media.audioContext;
    // performance.now() → audio clock, for the conversation's timestamps (first token).
    const stamp = ctx.getOutputTimestamp?.() ?? {};
    const offset = stamp.performanceTime > 0 ? stamp.contextTime - stamp.performanceTime / 1000 : ctx.currentTime - performance.now() / 1000;
    return {
      zero: session.media.micOpenedAtMs / 1000,
      offset,
      events: session.floorTrace.events.map((e) => ({ type: e.type, time: e.time })),
      audio: window.__kinAudioStarts,
      turns: state().turns,
      labels: state().labels,
      captions: state().captions.map((c) => `${c.speaker}: ${c.text}`),
      longTasks: window.__kinLongTasks,
      notices: (state().notices ?? []).map((n) => `${n.code}: ${n.message}`),
      perfOffset: offset,
    };
  });
  await browser.close();
  writeFileSync(resolve(out, `voice-latency-${speech}.raw.json`), JSON.stringify(result));

  // The fake microphone starts the file when the device opens, before the mic-open time the page
  // records, by a varying amount: align the recording's clock on the first speech start instead (the
  // detector announces speech 50 ms after its onset), as the test-mode recognizer does.
  const firstStart = result.events.find((e) => e.type === 'user-start' && e.time < result.zero + starts[1]);
  if (firstStart) {
    const aligned = firstStart.time - 0.05 - starts[0];
    log(`[${speech}] recording clock: aligned on the first speech start, ${Math.round((result.zero - aligned) * 1000)} ms before the mic-open time`);
    if (Math.abs(aligned - result.zero) < 1) result.zero = aligned;
  } else {
    log(`[${speech}] recording clock: no first speech start in the trace; using the mic-open time`);
  }

  // Match each true turn end to the first commit, reply and audio after it (before the next turn).
  const rows = [];
  for (let i = 0; i < ends.length; i++) {
    const end = result.zero + ends[i];
    const limit = i + 1 < starts.length ? result.zero + starts[i + 1] : Infinity;
    const commit = result.events.find((e) => e.type === 'commit' && e.time >= end - 0.15 && e.time < limit);
    const audio = result.audio.find((a) => commit && a.at >= commit.time && a.at < limit);
    const sound = audio ? audio.at + audio.lead + audio.latency : null;
    const turn = result.turns.find((t) => commit && t.startedAtMs != null && t.startedAtMs / 1000 + result.offset >= commit.time - 0.05 && t.startedAtMs / 1000 + result.offset < limit);
    const firstToken = turn && turn.firstTokenMs != null ? (turn.startedAtMs + turn.firstTokenMs) / 1000 + result.offset : null;
    const ms = (x) => Math.round(x * 1000);
    rows.push({
      turn: i + 1,
      text: TURNS[i],
      end_to_commit_ms: commit ? ms(commit.time - end) : null,
      commit_to_first_token_ms: firstToken !== null && commit ? Math.max(0, ms(firstToken - commit.time)) : null,
      commit_to_first_audio_ms: sound !== null ? ms(sound - commit.time) : null,
      voice_to_voice_ms: sound !== null ? ms(sound - end) : null,
      speculation_kept: turn ? Boolean(turn.speculated) : null,
      // The detector's own view: its speech end → commit (differs from end_to_commit_ms by where it
      // places the end of speech relative to the recording's last word).
      detector_end_to_commit_ms: turn?.commitMs ?? null,
      first_chunk_s: audio ? Number(audio.duration.toFixed(2)) : null,
    });
  }
  // Silence between consecutive chunks of one reply (buffers that start < 1.5 s after the last ended).
  const gaps = [];
  for (let i = 1; i < result.audio.length; i++) {
    const previous = result.audio[i - 1];
    const gap = result.audio[i].at + result.audio[i].lead - (previous.at + previous.duration);
    if (gap < 1.5) gaps.push(Math.max(0, Math.round(gap * 1000)));
  }
  const interruptions = result.events.filter((e) => e.type === 'commit' && starts.some((s, i) => e.time > result.zero + s + 0.05 && e.time < result.zero + ends[i] - 0.15)).length;
  for (const r of rows) log(`[${speech}] turn ${r.turn}: end→commit ${r.end_to_commit_ms} (detector ${r.detector_end_to_commit_ms}), commit→token ${r.commit_to_first_token_ms}, commit→audio ${r.commit_to_first_audio_ms}, voice→voice ${r.voice_to_voice_ms} ms (speculation kept: ${r.speculation_kept}, first chunk ${r.first_chunk_s} s) — ${r.text}`);
  for (const c of result.captions) log(`[${speech}] ${c}`);
  // Long main-thread tasks on the audio clock relative to the first commit (turn 1 is the slow one).
  const firstCommit = result.events.find((e) => e.type === 'commit');
  if (firstCommit) {
    const near = result.longTasks.filter((t) => Math.abs(t.startMs / 1000 + result.perfOffset - firstCommit.time) < 3);
    log(`[${speech}] long tasks within 3 s of the first commit (start ms from commit, duration ms): ${near.map((t) => `${Math.round((t.startMs / 1000 + result.perfOffset - firstCommit.time) * 1000)}:${t.ms}`).join(', ') || 'none'}`);
  }
  for (const n of result.notices) log(`[${speech}] notice ${n}`);
  log(`[${speech}] long tasks: ${result.longTasks.length}, total ${result.longTasks.reduce((a, t) => a + t.ms, 0)} ms`);
  log(`[${speech}] gaps between chunks of a reply (ms): ${gaps.join(', ')}`);
  return { rows, interruptions, gaps, labels: result.labels, notices: result.notices };
}

const summary = (rows, key) => {
  const xs = rows.map((r) => r[key]).filter((x) => x !== null);
  return { p50: quantile(xs, 0.5), p90: quantile(xs, 0.9) };
};
const loadBefore = (await import('node:os')).loadavg().map((x) => Number(x.toFixed(2)));
// Baseline first (whole sentences, no synthesis ahead), then the app as shipped, same server.
const baseline = process.env.KIN_BENCH_NO_BASELINE ? null : await measureCall('sentences');
const shipped = await measureCall('clauses');
// The in-browser LLM (wllama, WASM) on the one real GGUF available here: stories260K, a 260K-parameter
// TinyStories base model from ../shared (not a companion: its replies are stories). Only the
// engine's streaming path is measured; a 1–4 B instruct model in a user's browser is far slower.
const GGUF = resolve(root, '../shared/data/models/stories260K/stories260K.gguf');
const localCall = process.env.KIN_BENCH_NO_LOCAL_LLM ? null : existsSync(GGUF) ? await measureCall('clauses', { localModel: GGUF }) : null;
// A turn the in-browser model could not answer is answered by the built-in brain (with a notice):
// such a call does not measure the in-browser model, so its figures are left out.
const localFailure = localCall?.notices.find((n) => n.startsWith('brain:') || n.startsWith('model:'));
const localLlm = localFailure ? null : localCall;
const loadAfter = (await import('node:os')).loadavg().map((x) => Number(x.toFixed(2)));
stopServer();
const rows = shipped.rows;
const v2v = summary(rows, 'voice_to_voice_ms');
const commitToAudio = summary(rows, 'commit_to_first_audio_ms');
const baseV2v = baseline ? summary(baseline.rows, 'voice_to_voice_ms') : null;
const baseCommitToAudio = baseline ? summary(baseline.rows, 'commit_to_first_audio_ms') : null;
const ratio = (a, b) => (a !== null && b ? Number((a / b).toFixed(2)) : null);

log('running eval:stt and eval:persona for the shared figures');
const callOnly = Boolean(process.env.KIN_BENCH_CALL_ONLY);
const stt = callOnly ? null : runJsonScript('eval:stt');
const persona = callOnly ? null : runJsonScript('eval:persona');

console.log(JSON.stringify({
  machine: '2-core AMD EPYC, no GPU, headless Chromium',
  load_average_before: loadBefore,
  load_average_after: loadAfter,
  turns: rows.length,
  answered: rows.filter((r) => r.voice_to_voice_ms !== null).length,
  interruptions: shipped.interruptions,
  speculations_kept: rows.filter((r) => r.speculation_kept).length,
  builtin_voice_to_voice_ms_p50: v2v.p50,
  builtin_voice_to_voice_ms_p90: v2v.p90,
  builtin_end_to_commit_ms_p50: summary(rows, 'end_to_commit_ms').p50,
  builtin_end_to_commit_ms_p90: summary(rows, 'end_to_commit_ms').p90,
  builtin_commit_to_first_token_ms_p50: summary(rows, 'commit_to_first_token_ms').p50,
  builtin_commit_to_first_token_ms_p90: summary(rows, 'commit_to_first_token_ms').p90,
  builtin_commit_to_first_audio_ms_p50: commitToAudio.p50,
  builtin_commit_to_first_audio_ms_p90: commitToAudio.p90,
  chunk_gap_ms_p50: quantile(shipped.gaps, 0.5),
  chunk_gap_ms_max: shipped.gaps.length ? Math.max(...shipped.gaps) : null,
  chunk_gaps: shipped.gaps.length,
  baseline: baseline && {
    what: 'same build and server, whole sentences to the voice and nothing synthesized before the commit (localStorage kin.bench.speech=sentences)',
    answered: baseline.rows.filter((r) => r.voice_to_voice_ms !== null).length,
    voice_to_voice_ms_p50: baseV2v.p50,
    voice_to_voice_ms_p90: baseV2v.p90,
    end_to_commit_ms_p50: summary(baseline.rows, 'end_to_commit_ms').p50,
    commit_to_first_audio_ms_p50: baseCommitToAudio.p50,
    commit_to_first_audio_ms_p90: baseCommitToAudio.p90,
    sentence_gap_ms_p50: quantile(baseline.gaps, 0.5),
    rows: baseline.rows,
  },
  commit_to_first_audio_p50_ratio_vs_baseline: ratio(commitToAudio.p50, baseCommitToAudio?.p50),
  voice_to_voice_p50_ratio_vs_baseline: ratio(v2v.p50, baseV2v?.p50),
  local_llm_voice_to_voice_ms_p50: localLlm ? summary(localLlm.rows, 'voice_to_voice_ms').p50 : null,
  local_llm_voice_to_voice_ms_p90: localLlm ? summary(localLlm.rows, 'voice_to_voice_ms').p90 : null,
  local_llm_commit_to_first_token_ms_p50: localLlm ? summary(localLlm.rows, 'commit_to_first_token_ms').p50 : null,
  local_llm_answered: localLlm ? localLlm.rows.filter((r) => r.voice_to_voice_ms !== null).length : null,
  local_llm_model: localLlm ? `stories260K.gguf via wllama (${localLlm.labels.brain})` : null,
  local_llm_note: localLlm
    ? 'stories260K is a 260K-parameter TinyStories base model (the only GGUF here), not an instruct model: these figures measure the in-browser engine path (load, stream, chunk, speak), not a 1-4 B companion model, which will be much slower per token'
    : `not measured: ${localFailure ? `the in-browser model failed and the built-in brain answered (${localFailure})` : existsSync(GGUF) ? 'KIN_BENCH_NO_LOCAL_LLM set' : `no GGUF at ${GGUF}`}`,
  endpoint_voice_to_voice_ms_p50: null,
  endpoint_note: 'not measured: no OpenAI-compatible model server is available on this machine',
  stt_wer_jfk: stt?.stt_wer_jfk ?? null,
  stt_note: stt?.reason ?? stt?.note ?? (stt ? undefined : 'eval:stt did not run'),
  stt_backend: `test-mode recognizer (fixture words, 0.3 s lag); on-device model: ${stt?.stt_backend ?? 'none loadable here'}`,
  tts_backend: 'eSpeak NG (WebAssembly, in a worker), clause-wise with synthesis ahead and on speculate',
  tts_voice: shipped.labels.voice,
  turn_taking: shipped.labels.turns,
  persona_style_in_band_share: persona?.persona_style_in_band_share ?? null,
  rows,
}));
