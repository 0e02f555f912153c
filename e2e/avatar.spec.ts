import { expect, test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';

/**
 * The face's emotional states, rendered by the standalone avatar harness (bench/avatar), not the
 * Next.js app. Run with: npx playwright test -c bench/avatar/playwright.avatar.config.ts
 */

const ROOT = resolve(__dirname, '..');
const SHOTS = join(ROOT, 'bench/avatar/results/states');
const SHEET = join(ROOT, 'docs/avatar-states.png');
const TILE = 360;

// A pixel "changed" when any channel moved by more than 24/255 (~10 %): above antialiasing and
// SwiftShader dithering, below the contrast of a lid, brow or lip edge moving over skin.
const CHANNEL_DELTA = 24;
// A pair of states must differ in at least 0.5 % of the tile (≈650 px at 360², about the area a
// brow raise or a mouth-corner lift sweeps at this size) AND by 3× the noise floor measured
// below (the same still state shot twice: rendering and spring-settling jitter).
const MIN_CHANGED_FRACTION = 0.005;
const NOISE_FACTOR = 3;

const PORT = 3400;
const server = { url: `http://127.0.0.1:${PORT}/` };
let serverProcess: ChildProcess | null = null;

test.beforeAll(async () => {
  // Build the harness bundle and serve it from a child process we own (killed in afterAll).
  const child = spawn(process.execPath, [join(ROOT, 'bench/avatar/server.mjs'), '--build'], { cwd: ROOT, env: { ...process.env, KIN_AVATAR_PORT: String(PORT) } });
  serverProcess = child;
  await new Promise<void>((ready, fail) => {
    let log = '';
    const timer = setTimeout(() => fail(new Error(`avatar harness did not start: ${log}`)), 120_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('avatar harness at')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`avatar harness exited with ${code}: ${log}`));
    });
  });
});

test.afterAll(async () => {
  const child = serverProcess;
  if (child && child.exitCode === null) {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }
});

async function openHarness(page: Page, query: string): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}?${query}`);
  await page.waitForFunction(() => window.kinAvatar?.ready === true, null, { timeout: 90_000 });
  return errors;
}

async function raw(png: Buffer): Promise<{ data: Buffer; pixels: number }> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, pixels: info.width * info.height };
}

function changedFraction(a: { data: Buffer; pixels: number }, b: { data: Buffer; pixels: number }): number {
  let changed = 0;
  for (let p = 0; p < a.pixels; p++) {
    const i = p * 3;
    const d = Math.max(Math.abs(a.data[i] - b.data[i]), Math.abs(a.data[i + 1] - b.data[i + 1]), Math.abs(a.data[i + 2] - b.data[i + 2]));
    if (d > CHANNEL_DELTA) changed++;
  }
  return changed / a.pixels;
}

async function showEmotion(page: Page, emotion: string): Promise<void> {
  await page.evaluate((e) => {
    window.kinAvatar.setEmotion(e as never);
    const caption = document.getElementById('caption');
    if (caption) caption.textContent = e;
  }, emotion);
  await settle(page);
}

/**
 * Waits until the springs have settled: ≥ 1.5 s of wall time (omega 6–7 springs settle within
 * 1 % in ~1 s) and ≥ 30 drawn frames (on a starved software rasteriser frames are slow and the
 * driver clamps dt to 100 ms, so simulated time, not wall time, is what settles the face).
 */
async function settle(page: Page, minMs = 1500, minFrames = 30): Promise<void> {
  await page.evaluate(([ms, frames]) => window.kinAvatar.settle(ms, frames), [minMs, minFrames] as const);
}

test('every emotional state renders and differs visibly from every other; contact sheet saved', async ({ page }) => {
  // 12 software-rendered (SwiftShader) screenshots plus the contact sheet: slow on a 2-core machine.
  test.setTimeout(240_000);
  // quality=high: full resolution with MSAA, as on a GPU; the software-GL low-power mode is a
  // frame-rate fallback, not the look we sign off on.
  const errors = await openHarness(page, `persona=coach&size=${TILE}&quality=high`);
  expect(await page.evaluate(() => window.kinAvatar.renderer)).toBe('webgl2');
  await page.evaluate(() => window.kinAvatar.setStill(true));
  const emotions = await page.evaluate(() => [...window.kinAvatar.emotions]);
  expect(emotions.length).toBeGreaterThanOrEqual(12);
  mkdirSync(SHOTS, { recursive: true });

  await showEmotion(page, 'neutral');
  const noiseA = await raw(await page.locator('#face').screenshot());
  await settle(page, 900, 10);
  const noiseB = await raw(await page.locator('#face').screenshot());
  const noise = changedFraction(noiseA, noiseB);
  const threshold = Math.max(MIN_CHANGED_FRACTION, NOISE_FACTOR * noise);

  const faces: Array<{ data: Buffer; pixels: number }> = [];
  const cards: Buffer[] = [];
  for (const emotion of emotions) {
    await showEmotion(page, emotion);
    const face = await page.locator('#face').screenshot({ path: join(SHOTS, `${emotion}.png`) });
    faces.push(await raw(face));
    cards.push(await page.locator('#card').screenshot());
  }

  const rows: string[] = [];
  let weakest = { pair: '', fraction: Infinity };
  const failures: string[] = [];
  for (let a = 0; a < emotions.length; a++) {
    for (let b = a + 1; b < emotions.length; b++) {
      const fraction = changedFraction(faces[a], faces[b]);
      rows.push(`${emotions[a]} vs ${emotions[b]}: ${(fraction * 100).toFixed(2)} %`);
      if (fraction < weakest.fraction) weakest = { pair: `${emotions[a]} vs ${emotions[b]}`, fraction };
      if (fraction < threshold) failures.push(`${emotions[a]} vs ${emotions[b]} (${(fraction * 100).toFixed(2)} %)`);
    }
  }
  const summary = `noise floor ${(noise * 100).toFixed(3)} %, threshold ${(threshold * 100).toFixed(2)} %, weakest pair ${weakest.pair} ${(weakest.fraction * 100).toFixed(2)} %`;
  writeFileSync(join(SHOTS, 'pixel-differences.txt'), `${summary}\n${rows.join('\n')}\n`);
  console.log(`avatar states: ${summary}`);

  // Contact sheet: 4 columns of captioned tiles, composed with sharp.
  const meta = await sharp(cards[0]).metadata();
  const width = meta.width ?? TILE;
  const height = meta.height ?? TILE;
  const columns = 4;
  const sheetRows = Math.ceil(cards.length / columns);
  await sharp({ create: { width: columns * width, height: sheetRows * height, channels: 3, background: '#ffffff' } })
    .composite(cards.map((input, i) => ({ input, left: (i % columns) * width, top: Math.floor(i / columns) * height })))
    .png({ compressionLevel: 9 })
    .toFile(SHEET);

  expect(errors).toEqual([]);
  expect(failures, summary).toEqual([]);
});

test('the face lives: blinks, nods at the user pause, and moves its mouth only while speaking', async ({ page }) => {
  const errors = await openHarness(page, 'persona=study&size=320');
  await settle(page, 500, 10);
  await page.evaluate(() => window.kinAvatar.setPhase('user-speaking'));
  await settle(page, 1500, 5);
  const before = await page.evaluate(() => window.kinAvatar.debug());
  await page.evaluate(() => window.kinAvatar.setPhase('listening'));
  await settle(page, 1200, 5);
  const afterPause = await page.evaluate(() => window.kinAvatar.debug());
  expect(afterPause?.nods).toBe((before?.nods ?? 0) + 1);

  const jawWhile = async (ms: number) => {
    let max = 0;
    for (let t = 0; t < ms; t += 100) {
      max = Math.max(max, (await page.evaluate(() => window.kinAvatar.debug()?.jawOpen)) ?? 0);
      await page.waitForTimeout(100);
    }
    return max;
  };
  await page.evaluate(() => window.kinAvatar.setEmotion('neutral'));
  const silentJaw = await jawWhile(1500);
  await page.evaluate(() => window.kinAvatar.startSpeaking(3000));
  const speakingJaw = await jawWhile(2500);
  await page.waitForTimeout(1200);
  const afterJaw = await jawWhile(800);
  expect(silentJaw).toBeLessThan(0.02);
  expect(speakingJaw).toBeGreaterThan(0.3);
  expect(afterJaw).toBeLessThan(0.02);

  // Blinks run on their own schedule (2–6 s gaps); over ~9 s of this test at least one happened.
  expect((await page.evaluate(() => window.kinAvatar.debug()))?.blinks).toBeGreaterThanOrEqual(1);
  expect(errors).toEqual([]);
});

test('without WebGL2 the 2D fallback face shows the same states', async ({ page }) => {
  const errors = await openHarness(page, 'persona=friend&size=320&renderer=2d');
  await expect(page.locator('[data-renderer="canvas2d"]')).toBeVisible();
  const shots: Array<{ data: Buffer; pixels: number }> = [];
  for (const emotion of ['neutral', 'happy', 'sad', 'surprised']) {
    await page.evaluate((e) => window.kinAvatar.setEmotion(e as never), emotion);
    await page.waitForTimeout(1500);
    shots.push(await raw(await page.locator('#face').screenshot()));
  }
  const pairs: string[] = [];
  for (let a = 0; a < shots.length; a++) for (let b = a + 1; b < shots.length; b++) pairs.push(`${a}-${b}: ${(changedFraction(shots[a], shots[b]) * 100).toFixed(2)} %`);
  console.log(`2D fallback pairs (neutral, happy, sad, surprised): ${pairs.join(', ')}`);
  for (let a = 0; a < shots.length; a++) for (let b = a + 1; b < shots.length; b++) expect(changedFraction(shots[a], shots[b])).toBeGreaterThan(MIN_CHANGED_FRACTION);
  expect(errors).toEqual([]);
});
