// npm run eval:voice-latency — voice-to-voice latency of real calls in headless Chromium.
// A fake microphone plays our own recorded user turns (espeak-ng, scripts/espeak-scene.mjs) into
// the app; the real turn-taking model decides in its AudioWorklet, the test-mode recognizer supplies
// the known words (no speech model can be downloaded here), the brain answers, eSpeak speaks.
// Per turn: true speech end (from the recording) → commit (turn detector) → first token → first
// audio sample scheduled on the output graph (AudioBufferSourceNode.start, tapped in the page,
// plus the context's output latency).
// Env: KIN_BENCH_PORT (3250), CHROMIUM_PATH. Progress on stderr; the last stdout line is JSON.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
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

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
    '--autoplay-policy=no-user-gesture-required', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${wavPath}%noloop`,
  ],
});
const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
await page.addInitScript((words) => {
  window.localStorage.setItem('kin.test.transcript', JSON.stringify({ words }));
  // Tap the output graph: every scheduled buffer start, in audio-clock seconds, with output latency.
  const starts = (window.__kinAudioStarts = []);
  const original = AudioBufferSourceNode.prototype.start;
  AudioBufferSourceNode.prototype.start = function (when, ...rest) {
    const ctx = this.context;
    starts.push({ at: Math.max(when ?? 0, ctx.currentTime), latency: ctx.outputLatency || ctx.baseLatency || 0 });
    return original.call(this, when, ...rest);
  };
}, scene.words);
await page.goto(`${BASE}/call/friend`);
await page.getByTestId('allow-media').click();
await page.waitForFunction(() => window.__kinCall?.state().phase === 'listening', null, { timeout: 60_000 });
const labels = await page.evaluate(() => window.__kinCall.state().labels);
log('labels', JSON.stringify(labels));
await page.waitForTimeout((duration + 2) * 1000);
const result = await page.evaluate(() => {
  const { session, state } = window.__kinCall;
  return {
    zero: session.media.micOpenedAtMs / 1000,
    events: session.floorTrace.events.map((e) => ({ type: e.type, time: e.time })),
    audio: window.__kinAudioStarts,
    turns: state().turns,
    labels: state().labels,
    captions: state().captions.map((c) => `${c.speaker}: ${c.text}`),
  };
});
await browser.close();
stopServer();

// Match each true turn end to the first commit and the first audio after it (before the next turn).
const rows = [];
for (let i = 0; i < ends.length; i++) {
  const end = result.zero + ends[i];
  const limit = i + 1 < starts.length ? result.zero + starts[i + 1] : Infinity;
  const commit = result.events.find((e) => e.type === 'commit' && e.time >= end - 0.15 && e.time < limit);
  const audio = result.audio.find((a) => commit && a.at >= commit.time && a.at < limit);
  rows.push({
    turn: i + 1,
    text: TURNS[i],
    end_to_commit_ms: commit ? Math.round((commit.time - end) * 1000) : null,
    voice_to_voice_ms: audio ? Math.round((audio.at + audio.latency - end) * 1000) : null,
  });
}
const interruptions = result.events.filter((e) => e.type === 'commit' && starts.some((s, i) => e.time > result.zero + s + 0.05 && e.time < result.zero + ends[i] - 0.15)).length;
const v2v = rows.map((r) => r.voice_to_voice_ms).filter((x) => x !== null);
const commits = rows.map((r) => r.end_to_commit_ms).filter((x) => x !== null);
const firstTokens = result.turns.map((t) => t.firstTokenMs).filter((x) => x !== null);
for (const r of rows) log(`turn ${r.turn}: end→commit ${r.end_to_commit_ms} ms, voice→voice ${r.voice_to_voice_ms} ms — ${r.text}`);
for (const c of result.captions) log(c);

log('running eval:stt and eval:persona for the shared figures');
const stt = runJsonScript('eval:stt');
const persona = runJsonScript('eval:persona');

console.log(JSON.stringify({
  machine: '2-core AMD EPYC, no GPU, headless Chromium',
  turns: rows.length,
  answered: v2v.length,
  interruptions,
  builtin_voice_to_voice_ms_p50: quantile(v2v, 0.5),
  builtin_voice_to_voice_ms_p90: quantile(v2v, 0.9),
  builtin_end_to_commit_ms_p50: quantile(commits, 0.5),
  builtin_end_to_commit_ms_p90: quantile(commits, 0.9),
  builtin_first_token_ms_p50: quantile(firstTokens, 0.5),
  local_llm_voice_to_voice_ms_p50: null,
  local_llm_note: 'not measured: no instruct GGUF can be downloaded here (stories260K is a 260K-parameter story model, not a companion brain)',
  endpoint_voice_to_voice_ms_p50: null,
  endpoint_note: 'not measured: no OpenAI-compatible model server is available on this machine',
  stt_wer_jfk: stt?.stt_wer_jfk ?? null,
  stt_note: stt?.reason ?? stt?.note ?? (stt ? undefined : 'eval:stt did not run'),
  stt_backend: `test-mode recognizer (fixture words, 0.3 s lag); on-device model: ${stt?.stt_backend ?? 'none loadable here'}`,
  tts_backend: 'eSpeak NG (WebAssembly, in a worker)',
  tts_voice: result.labels.voice,
  turn_taking: result.labels.turns,
  persona_style_in_band_share: persona?.persona_style_in_band_share ?? null,
  rows,
}));
