import { expect, test } from '@playwright/test';
import { collectErrors } from './fixtures/console';
import { haveRecordedMedia, NO_MEDIA_REASON } from './fixtures/media';
import { CallPage } from './pages/call-page';
import { LandingPage } from './pages/landing-page';

test.describe('a video call with recorded camera and microphone', () => {
  test.skip(!haveRecordedMedia(), NO_MEDIA_REASON);

  test('landing → persona → permission screen → frames and mic level → typed turn → end call', async ({ page }) => {
    const errors = collectErrors(page);
    const landing = new LandingPage(page);
    await landing.goto();
    await expect(landing.personaList.getByRole('listitem')).toHaveCount(4);
    await landing.startCall('friend');

    const call = new CallPage(page);
    await expect(call.permissionScreen).toBeVisible();
    await expect(call.permissionScreen).toContainText('never uploaded');
    await call.allowMedia();
    await call.waitConnected();
    await expect(call.status).toContainText('Mic on');
    await expect(call.status).toContainText('Camera on');

    // The mic level moves with the recorded speech (checked first: the recording plays once, ~24 s).
    const levels: number[] = [];
    for (let i = 0; i < 20; i++) {
      levels.push(await call.micLevel());
      await page.waitForTimeout(100);
    }
    expect(Math.max(...levels)).toBeGreaterThan(20);
    expect(new Set(levels).size).toBeGreaterThan(3);

    // The self-view shows the camera, mirrored.
    const selfView = page.getByTestId('self-view').locator('video');
    await expect.poll(() => selfView.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
    await expect(selfView).toHaveCSS('transform', /matrix\(-1/);

    // Frames reach the vision worker: the HUD counter rises.
    await page.keyboard.press('Shift+D');
    await call.openHud();
    // (The worker runs face tracking; on a slow machine it takes fewer frames and the pump drops the rest.)
    const first = await call.videoFramesSent();
    await expect.poll(() => call.videoFramesSent(), { timeout: 15_000 }).toBeGreaterThan(first + 3);

    // The face landmarker finds the person in the recorded video and describes them.
    await expect(page.getByTestId('hud-face')).toHaveText(/^1 · /, { timeout: 30_000 });
    await expect(page.getByTestId('hud-perception')).toHaveText(/looks|seems/);
    console.log('vision:', await page.getByTestId('debug-hud').locator('dd').nth(2).textContent(), '|', await page.getByTestId('hud-perception').textContent());

    const audioFrames = Number(await page.getByTestId('hud-audio-frames').textContent());
    expect(audioFrames).toBeGreaterThan(150);

    // A typed message gets a reply in the captions.
    await call.sendText('Hello Walter, my name is Sam');
    await expect(page.getByTestId('caption-user').last()).toHaveText(/Hello Walter, my name is Sam/);
    await expect(call.lastCompanionCaption()).toHaveAttribute('data-final', 'true', { timeout: 20_000 });
    await expect(call.lastCompanionCaption()).toContainText('Sam');
    await expect(page.getByTestId('hud-turns')).toContainText('ms');

    await call.end();
    await expect(page.getByTestId('call-ended')).toContainText('Your camera and microphone are off');
    expect(errors).toEqual([]);
  });

  test('mute, camera off and keyboard-only controls', async ({ page }) => {
    const call = new CallPage(page);
    await call.goto('coach');
    // Keyboard only: the primary action has focus; Enter starts.
    await expect(page.getByTestId('allow-media')).toBeFocused();
    await page.keyboard.press('Enter');
    await call.waitConnected();
    await page.getByTestId('toggle-mic').focus();
    await page.keyboard.press('Enter');
    await expect(call.status).toContainText('Mic muted');
    await expect(page.getByTestId('toggle-mic')).toHaveAttribute('aria-label', 'Unmute microphone');
    await page.waitForTimeout(400);
    expect(await call.micLevel()).toBeLessThan(5);
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('toggle-camera')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(call.status).toContainText('Camera off');
    await expect(page.getByTestId('self-view')).toContainText('Camera off');
    // Every control has an accessible name.
    for (const button of await page.getByRole('toolbar', { name: 'Call controls' }).getByRole('button').all()) {
      expect(await button.getAttribute('aria-label')).toBeTruthy();
    }
  });
});
