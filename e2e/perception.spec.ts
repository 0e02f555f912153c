import { expect, test } from '@playwright/test';
import { haveRecordedMedia, NO_MEDIA_REASON } from './fixtures/media';
import { openPerceptionPanel } from './pages/perception-panel';

test.describe('perception panel in a call with a recorded face and voice', () => {
  test.skip(!haveRecordedMedia(), NO_MEDIA_REASON);
  test.setTimeout(120_000);

  test('the panel updates with the backends named; camera perception off idles the vision worker', async ({ page }) => {
    const panel = await openPerceptionPanel(page, 'friend');
    await expect(panel).toBeVisible();

    // Fusion and VAD run on onnxruntime-web, and the panel says on which backend.
    await expect(panel.getByTestId('perception-fusion')).toContainText(/onnxruntime-web \((WASM|WebGPU)\)/, { timeout: 60_000 });
    await expect(panel.getByTestId('perception-vad')).toContainText(/onnxruntime-web \((WASM|WebGPU)\)|energy gate/, { timeout: 30_000 });
    await expect(panel.getByTestId('perception-vision')).toContainText(/MediaPipe|brightness/, { timeout: 60_000 });

    // A fused reading of the recorded face arrives and keeps being refreshed.
    await expect(panel.getByTestId('perception-state')).not.toHaveText('—', { timeout: 60_000 });
    await expect(panel.getByTestId('perception-staleness')).toContainText('ms at arrival');
    const sentence = await panel.getByTestId('perception-sentence').textContent();
    console.log('perception:', sentence, '|', await panel.getByTestId('perception-fusion').textContent(), '|', await panel.getByTestId('perception-vad').textContent());
    const framesSent = async () => Number((await panel.getByTestId('perception-vision').textContent())?.match(/(\d+) frames sent/)?.[1] ?? NaN);
    const before = await framesSent();
    await expect.poll(framesSent, { timeout: 15_000 }).toBeGreaterThan(before);

    // Camera perception off: the panel says vision is idle and no more frames go to the worker.
    await panel.getByTestId('switch-camera-perception').uncheck();
    await expect(panel.getByTestId('perception-vision')).toContainText('vision idle');
    await page.waitForTimeout(1500);
    const idleStart = await framesSent();
    await page.waitForTimeout(3000);
    expect(await framesSent()).toBe(idleStart);

    // And back on: frames flow again.
    await panel.getByTestId('switch-camera-perception').check();
    await expect.poll(framesSent, { timeout: 15_000 }).toBeGreaterThan(idleStart);
  });
});
