import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { formatBytes } from '../lib/speech/piper/request';
import { collectErrors } from './fixtures/console';
import { CallPage } from './pages/call-page';

/**
 * The neural voice end to end, with the TEST FIXTURE model (e2e/fixtures/piper/, not a voice: a
 * sine burst per phoneme id at 16 kHz) served by page.route as the "configured host". No real Piper
 * voice can be downloaded here. Service workers are blocked: page.route never sees requests a
 * service worker answers (see local-llm.spec.ts); the voice cache is the worker's Cache Storage.
 */
test.use({ serviceWorkers: 'block' });

const HOST = 'http://127.0.0.1:3419/piper-test-host/';
const VOICE = 'en_US-kin_test_fixture-x_low';
const FIXTURE = resolve(__dirname, 'fixtures/piper');
const MODEL = readFileSync(resolve(FIXTURE, 'kin-test-voice.onnx'));
const CONFIG = readFileSync(resolve(FIXTURE, 'kin-test-voice.onnx.json'));

interface Served { method: string; url: string }

async function serveVoice(page: Page, model: Buffer = MODEL): Promise<Served[]> {
  const served: Served[] = [];
  await page.route(`${HOST}**`, async (route) => {
    const request = route.request();
    served.push({ method: request.method(), url: request.url() });
    const path = new URL(request.url()).pathname;
    const body = path.endsWith(`/en/en_US/kin_test_fixture/x_low/${VOICE}.onnx.json`) ? CONFIG : path.endsWith(`/en/en_US/kin_test_fixture/x_low/${VOICE}.onnx`) ? model : null;
    const cors = { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' };
    if (!body) return route.fulfill({ status: 404, body: 'Entry not found', headers: cors });
    return route.fulfill({ status: 200, body, headers: { ...cors, 'content-type': 'application/octet-stream', 'content-length': String(body.length) } });
  });
  return served;
}

/** Every reply buffer started: its sample rate and peak (the fixture's bursts peak at 0.5, at 16 kHz; eSpeak plays 22.05 kHz). */
async function tapAudio(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __audio: { sampleRate: number; peak: number; duration: number }[]; __lip: string[] };
    w.__audio = [];
    w.__lip = [];
    const original = AudioBufferSourceNode.prototype.start;
    AudioBufferSourceNode.prototype.start = function start(this: AudioBufferSourceNode, ...args: number[]) {
      const data = this.buffer ? this.buffer.getChannelData(0) : new Float32Array(0);
      let peak = 0;
      for (let i = 0; i < data.length; i++) peak = Math.max(peak, Math.abs(data[i]));
      w.__audio.push({ sampleRate: this.buffer?.sampleRate ?? 0, peak, duration: this.buffer?.duration ?? 0 });
      return original.apply(this, args as [number?, number?, number?]);
    };
    setInterval(() => {
      if (window.__kinCall?.state().phase === 'speaking' && window.__kinFace) w.__lip.push(window.__kinFace.lipSource());
    }, 30);
  });
}

async function chooseNeural(page: Page): Promise<void> {
  await page.goto('/settings');
  await page.getByTestId('voice-neural').check();
  await expect(page.getByTestId('piper-settings')).toBeVisible();
  // The default catalogue: one voice per demo persona, each with its licence.
  await expect(page.getByTestId('piper-voice-en_GB-alan-medium')).toContainText('Licence:');
  await page.getByText('Voice id and download address').click();
  await page.getByTestId('piper-host').fill(HOST);
  await page.getByTestId('piper-voice-id').fill(VOICE);
}

const voiceLabel = (page: Page) => page.evaluate(() => window.__kinCall?.state().labels.voice ?? '');

test('neural voice: consent with size, progress, a call spoken by Piper, then cached across a reload', async ({ page }) => {
  test.setTimeout(150_000);
  const errors = collectErrors(page);
  const served = await serveVoice(page);
  await tapAudio(page);
  await chooseNeural(page);

  // Consent first: the size comes from the host (Content-Length), the licence from the catalogue; nothing downloaded yet.
  const row = page.getByTestId(`piper-voice-${VOICE}`);
  await expect(row.getByTestId('piper-state')).toHaveText(`Not downloaded (${formatBytes(MODEL.length)}).`);
  await expect(row).toContainText('Licence: see the model card');
  expect(served.filter((s) => s.method === 'GET')).toEqual([]);
  const consent = row.getByTestId('piper-download');
  await expect(consent).toContainText(`I agree: download kin_test_fixture (${formatBytes(MODEL.length)}) from 127.0.0.1:3419`);
  await consent.click();
  await expect(row.getByTestId('piper-progress')).toBeVisible();
  await expect(row.getByTestId('piper-result')).toHaveText(`Ready: downloaded ${formatBytes(MODEL.length + CONFIG.length)}, runs on wasm. Kept on this device; works offline.`, { timeout: 60_000 });
  await expect(row.getByTestId('piper-state')).toHaveText('Downloaded: on this device, works offline.');
  const downloads = () => served.filter((s) => s.method === 'GET').map((s) => s.url.split('/').pop()).sort();
  expect(downloads()).toEqual([`${VOICE}.onnx`, `${VOICE}.onnx.json`]);

  // A call: the reply is synthesized by the Piper worker (the fixture's 16 kHz bursts) and the HUD names voice and backend.
  const call = new CallPage(page);
  await call.goto('friend');
  await call.typeInstead();
  await call.waitConnected();
  await expect.poll(() => voiceLabel(page), { timeout: 60_000 }).toContain('Piper neural voice');
  expect(await voiceLabel(page)).toBe(`Piper neural voice on this device: kin_test_fixture, ${VOICE} (onnxruntime-web wasm; phonemes by eSpeak NG)`);
  await call.sendText('Hello Walter, my name is Sam');
  await expect(call.status).toHaveAttribute('data-phase', 'speaking', { timeout: 60_000 });
  await expect(call.lastCompanionCaption()).toHaveAttribute('data-final', 'true', { timeout: 60_000 });
  await expect(call.lastCompanionCaption()).toContainText('Sam');
  const played = await page.evaluate(() => (window as unknown as { __audio: { sampleRate: number; peak: number; duration: number }[] }).__audio);
  console.log('piper buffers:', JSON.stringify(played.slice(0, 6)));
  const piper = played.filter((a) => a.sampleRate === 16000 && a.peak > 0.3);
  expect(piper.length, 'reply clips from the Piper worker').toBeGreaterThan(0);
  expect(played.filter((a) => a.sampleRate === 22050), 'no eSpeak clips').toEqual([]);
  const lip = await page.evaluate(() => (window as unknown as { __lip: string[] }).__lip);
  expect(lip.filter((l) => l === 'phonemes').length, 'the mouth follows the derived phoneme track').toBeGreaterThan(0);
  await call.openHud();
  await expect(page.getByTestId('debug-hud').locator('dt:text-is("Voice") + dd')).toContainText('Piper neural voice');

  // Reload: the voice comes from Cache Storage, nothing is downloaded again.
  const before = served.length;
  await page.reload();
  await call.typeInstead();
  await call.waitConnected();
  await expect.poll(() => voiceLabel(page), { timeout: 60_000 }).toContain('Piper neural voice');
  await page.goto('/settings');
  await expect(page.getByTestId(`piper-voice-${VOICE}`).getByTestId('piper-state')).toHaveText('Downloaded: on this device, works offline.');
  expect(served.slice(before)).toEqual([]);
  // Expected here: the size probes (HEAD) for the catalogue voices fail (no internet; the test host
  // answers 404 for them), and Serwist's registration throws when service workers are blocked.
  expect(errors.filter((e) => !/Failed to load resource|reading 'waiting'/.test(e))).toEqual([]);
});

test('neural voice: a broken model or a missing voice gives a clear message, and calls speak with eSpeak', async ({ page }) => {
  test.setTimeout(120_000);
  const served = await serveVoice(page, Buffer.from('<!doctype html><title>Not a model</title>'));
  await tapAudio(page);
  await chooseNeural(page);
  const row = page.getByTestId(`piper-voice-${VOICE}`);
  await row.getByTestId('piper-download').click();
  const result = row.getByTestId('piper-result');
  await expect(result).toContainText('The voice model could not be opened', { timeout: 60_000 });
  await expect(result).toContainText('the file may be broken or incomplete');
  await expect(result).toContainText('Calls use eSpeak NG instead.');
  await expect(result).toHaveClass(/field-error/);
  // Not kept: still offered for download.
  await expect(row.getByTestId('piper-state')).toHaveText(/^Not downloaded/);

  // A voice the host does not have: HTTP 404 in words.
  await page.getByTestId('piper-voice-id').fill('en_US-nobody-low');
  const missing = page.getByTestId('piper-voice-en_US-nobody-low');
  await expect(missing.getByTestId('piper-state')).toHaveText('Not downloaded (size shown once the download starts).');
  await missing.getByTestId('piper-download').click();
  await expect(missing.getByTestId('piper-result')).toContainText('HTTP 404 (no such voice at this address)', { timeout: 60_000 });

  // The call falls back to the persona's eSpeak voice and says why; nothing is downloaded without consent.
  const gets = served.filter((s) => s.method === 'GET').length;
  await page.getByTestId('piper-voice-id').fill(VOICE);
  const call = new CallPage(page);
  await call.goto('friend');
  await call.typeInstead();
  await call.waitConnected();
  await expect.poll(() => voiceLabel(page), { timeout: 60_000 }).toContain('eSpeak NG on this device (en-gb');
  await expect(page.getByTestId('notice-speech:failed')).toContainText(`The neural voice (${VOICE}) could not start: The neural voice is not downloaded yet. Download it in Settings → Voice. eSpeak NG speaks instead.`);
  await call.sendText('Hello Walter, my name is Sam');
  await expect(call.lastCompanionCaption()).toHaveAttribute('data-final', 'true', { timeout: 60_000 });
  const played = await page.evaluate(() => (window as unknown as { __audio: { sampleRate: number }[] }).__audio);
  expect(played.some((a) => a.sampleRate === 22050), 'eSpeak spoke the reply').toBe(true);
  expect(served.filter((s) => s.method === 'GET').length).toBe(gets);
});
