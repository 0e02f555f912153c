import { expect, test } from '@playwright/test';
import { collectErrors } from './fixtures/console';
import { haveRecordedMedia, NO_MEDIA_REASON } from './fixtures/media';
import { CallPage } from './pages/call-page';

test.describe('the call goes on when things go wrong', () => {
  test.skip(!haveRecordedMedia(), NO_MEDIA_REASON);

  test('camera unplugged mid-call → message, and the call continues with voice and text', async ({ page }) => {
    const errors = collectErrors(page);
    const call = new CallPage(page);
    await call.goto('friend');
    await call.allowMedia();
    await call.waitConnected();
    await expect(call.status).toContainText('Camera on');
    // What the browser does when a USB camera is pulled: the track ends.
    await page.evaluate(() => {
      const video = document.querySelector<HTMLVideoElement>('[data-testid="self-view"] video');
      const track = (video?.srcObject as MediaStream).getVideoTracks()[0];
      track.stop();
      track.dispatchEvent(new Event('ended'));
    });
    await expect(page.getByTestId('notice-media:device-lost')).toContainText('disconnected');
    await expect(call.status).toContainText('Camera disconnected');
    await expect(call.status).toContainText('Mic on');
    await call.sendText('Are you still there?');
    await expect(call.lastCompanionCaption()).toHaveAttribute('data-final', 'true', { timeout: 20_000 });
    expect(errors).toEqual([]);
  });

  test('sound suspended by the browser → "Resume sound" brings it back', async ({ page }) => {
    const call = new CallPage(page);
    await call.goto('coach');
    await call.allowMedia();
    await call.waitConnected();
    await page.evaluate(() => window.__kinCall?.session.media.audioContext?.suspend());
    await expect(page.getByTestId('notice-audio:suspended')).toBeVisible();
    await page.getByTestId('resume-audio').click();
    await expect(page.getByTestId('notice-audio:suspended')).toHaveCount(0);
  });

  test('tab in the background → frames pause, then resume with a note', async ({ page }) => {
    const call = new CallPage(page);
    await call.goto('study');
    await call.allowMedia();
    await call.waitConnected();
    await call.openHud();
    const setHidden = (hidden: boolean) => page.evaluate((h) => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
    await setHidden(true);
    await page.waitForTimeout(300);
    const pausedAt = await page.evaluate(() => window.__kinCall!.session.metrics.videoFramesSent);
    await page.waitForTimeout(1200);
    expect(await page.evaluate(() => window.__kinCall!.session.metrics.videoFramesSent)).toBeLessThanOrEqual(pausedAt + 1);
    await setHidden(false);
    await expect(page.getByTestId('notice-call:background')).toBeVisible();
    await expect.poll(() => page.evaluate(() => window.__kinCall!.session.metrics.videoFramesSent)).toBeGreaterThan(pausedAt + 5);
  });

  test('a second tab in a call is told the camera may be busy', async ({ page, context }) => {
    const first = new CallPage(page);
    await first.goto('friend');
    await first.typeInstead();
    await first.waitConnected();
    const other = await context.newPage();
    const second = new CallPage(other);
    await second.goto('listener');
    await second.typeInstead();
    await second.waitConnected();
    await expect(other.getByTestId('notice-call:other-tab')).toBeVisible();
    await expect(page.getByTestId('notice-call:other-tab')).toBeVisible();
    await second.end();
    await expect(page.getByTestId('notice-call:other-tab')).toHaveCount(0);
  });
});
