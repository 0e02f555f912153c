import { describe, expect, test } from 'vitest';
import { PacedCaptions } from './paced-captions';

describe('PacedCaptions', () => {
  test('reveals the whole text at roughly the configured pace', async () => {
    const speech = new PacedCaptions(200);
    let last = 0;
    let started = false;
    const t0 = Date.now();
    await speech.speak('x'.repeat(40), new AbortController().signal, {
      onStart: () => { started = true; },
      onProgress: (n) => { last = n; },
    });
    const elapsed = Date.now() - t0;
    expect(started).toBe(true);
    expect(last).toBe(40);
    expect(elapsed).toBeGreaterThanOrEqual(180);
    expect(elapsed).toBeLessThan(600);
  });

  test('stops when aborted', async () => {
    const speech = new PacedCaptions(10);
    const controller = new AbortController();
    let last = 0;
    setTimeout(() => controller.abort(), 120);
    await speech.speak('a long sentence that would take seconds', controller.signal, { onProgress: (n) => { last = n; } });
    expect(last).toBeLessThan(5);
  });
});
