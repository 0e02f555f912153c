import { expect, test } from '@playwright/test';
import { haveRecordedMedia, NO_MEDIA_REASON } from './fixtures/media';
import { openPerceptionPanel } from './pages/perception-panel';

test.describe('vision worker crash in a call', () => {
  test.skip(!haveRecordedMedia(), NO_MEDIA_REASON);
  test.setTimeout(150_000);

  test('a crashed vision worker restarts with backoff, the panel says restarting, and frames flow again', async ({ page }) => {
    const panel = await openPerceptionPanel(page, 'friend');
    const vision = panel.getByTestId('perception-vision');
    await expect(vision).toContainText(/MediaPipe|brightness/, { timeout: 60_000 });
    const processed = () => page.evaluate(() => (window as unknown as { __kinCall: { session: { metrics: { videoFramesProcessed: number } } } }).__kinCall.session.metrics.videoFramesProcessed);
    await expect.poll(processed, { timeout: 30_000 }).toBeGreaterThan(0);

    // The browser reports a worker crash as an 'error' event on the Worker object: dispatch one on the real worker.
    const crashed = await page.evaluate(() => {
      const media = (window as unknown as { __kinCall: { session: { media: Record<string, unknown> } } }).__kinCall.session.media;
      const managed = media['worker'] as { worker: Worker | null } | null;
      if (!managed?.worker) return false;
      managed.worker.dispatchEvent(new ErrorEvent('error', { message: 'simulated crash (e2e)' }));
      return true;
    });
    expect(crashed).toBe(true);
    await expect(vision).toContainText('restarting');
    await expect(panel.getByTestId('perception-problems')).toContainText('vision worker crashed — restarting in 1 s');

    // After the backoff a fresh worker names its backend again and the frame pump resumes.
    await expect(vision).toContainText(/MediaPipe|brightness/, { timeout: 60_000 });
    await expect(panel.getByText(/vision worker crashed/)).toHaveCount(0);
    const after = await processed();
    await expect.poll(processed, { timeout: 30_000 }).toBeGreaterThan(after);
    await expect(panel).toContainText('Restarts');
  });
});
