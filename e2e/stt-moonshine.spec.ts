import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { collectErrors } from './fixtures/console';
import { CHROMIUM_PATH, chromiumArgs, TURN_WAV } from './fixtures/media';
import { CallPage } from './pages/call-page';

// Real speech recognition in a call with no download: Moonshine tiny, which comes with the app (npm
// package, copied by `npm run setup`), hears the fake microphone play our recorded turn ("I went to
// the shop this morning, and I was thinking, — pause — that I should call my sister Anna about the
// weekend."). No test transcript is set, so the words in the user's caption come from the model. The
// recording loops (21.5 s): on a loaded machine the model may still be loading during the first pass.
test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: chromiumArgs({ audio: TURN_WAV, video: null, loopAudio: true }) } });

test('a voice call transcribes the user with Moonshine tiny, served by the app', async ({ page }) => {
  test.skip(!existsSync(TURN_WAV), 'turn fixture missing: make-turn-fixture.mjs needs espeak-ng and ffmpeg');
  test.setTimeout(150_000);
  const errors = collectErrors(page);
  const modelRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/models/moonshine-tiny/')) modelRequests.push(new URL(request.url()).pathname);
  });
  const call = new CallPage(page);
  await call.goto('friend');
  await call.allowMedia();
  await call.waitConnected();
  await call.openHud();
  await expect(page.getByTestId('hud-stt')).toContainText('Moonshine tiny (WASM)', { timeout: 60_000 });

  const user = page.getByTestId('caption-user');
  const expected = ['went', 'shop', 'morning', 'thinking', 'call', 'sister', 'weekend'];
  const heardWords = async () => {
    const heard = (await user.allTextContents()).join(' ').toLowerCase();
    return expected.filter((word) => heard.includes(word)).length;
  };
  await expect.poll(heardWords, { timeout: 75_000, intervals: [1000] }).toBeGreaterThanOrEqual(5);
  console.log('moonshine heard:', (await user.allTextContents()).join(' | '));
  expect(modelRequests.some((path) => path.endsWith('/encoder_model.onnx'))).toBe(true);
  await call.end();
  expect(errors).toEqual([]);
});
