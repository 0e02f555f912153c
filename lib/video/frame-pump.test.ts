import { describe, expect, test } from 'vitest';
import { FramePump, type FramePumpPorts } from './frame-pump';

/** A fake camera presenting frames every `periodMs`, and a worker that takes `workMs` per frame. */
function harness(periodMs: number, workMs: number, maxFps: number, seconds: number) {
  let now = 0;
  let pending: ((now: number) => void) | null = null;
  const sent: number[] = [];
  let released = 0;
  const workerDoneAt: number[] = [];
  const ports: FramePumpPorts<{ id: number }> = {
    onNextFrame(cb) {
      pending = cb;
      return () => { pending = null; };
    },
    capture: async () => ({ id: now }),
    send(_frame, seq) {
      sent.push(seq);
      workerDoneAt.push(now + workMs);
    },
    release() { released++; },
  };
  const pump = new FramePump(ports, maxFps);
  return {
    pump,
    sent,
    get released() { return released; },
    async run() {
      pump.start();
      for (now = 0; now <= seconds * 1000; now += periodMs) {
        while (workerDoneAt.length && workerDoneAt[0] <= now) {
          workerDoneAt.shift();
          pump.frameDone();
        }
        const cb = pending;
        pending = null;
        cb?.(now);
        await Promise.resolve();
        await Promise.resolve();
      }
    },
  };
}

describe('FramePump', () => {
  test('caps a 30 fps camera to 15 fps when the worker is fast', async () => {
    const h = harness(1000 / 30, 5, 15, 10);
    await h.run();
    expect(h.pump.stats.sent).toBeGreaterThanOrEqual(148);
    expect(h.pump.stats.sent).toBeLessThanOrEqual(151);
    expect(h.pump.stats.droppedBusy).toBe(0);
  });

  test('drops frames instead of queueing when the worker is slow', async () => {
    const h = harness(1000 / 30, 150, 30, 10);
    await h.run();
    // At most one frame in flight: ~1 frame per 150 ms of work.
    expect(h.pump.stats.sent).toBeLessThanOrEqual(70);
    expect(h.pump.stats.sent).toBeGreaterThanOrEqual(55);
    expect(h.pump.stats.droppedBusy).toBeGreaterThan(200);
    expect(h.pump.stats.sent - h.pump.stats.processed).toBeLessThanOrEqual(1);
  });

  test('stop() cancels the scheduled frame callback and sends nothing more', async () => {
    let pending: ((now: number) => void) | null = null;
    let sends = 0;
    const pump = new FramePump<object>({
      onNextFrame(cb) { pending = cb; return () => { pending = null; }; },
      capture: async () => ({}),
      send() { sends++; },
      release() {},
    }, 15);
    pump.start();
    (pending as ((now: number) => void) | null)?.(0);
    await Promise.resolve();
    expect(sends).toBe(1);
    pump.frameDone();
    pump.stop();
    expect(pending).toBeNull();
  });
});
