import { describe, expect, test } from 'vitest';
import { ManagedWorker, type WorkerLike } from './managed-worker';

function harness(maxRestarts = 8) {
  let clock = 0;
  const timers: { at: number; fn: () => void }[] = [];
  const workers: (WorkerLike & { inits: number; terminated: boolean })[] = [];
  const crashes: (number | null)[] = [];
  const managed = new ManagedWorker<string, string>({
    create: () => {
      const w = { onmessage: null, onerror: null, inits: 0, terminated: false, postMessage() {}, terminate() {} } as unknown as WorkerLike & { inits: number; terminated: boolean };
      w.terminate = () => {
        w.terminated = true;
      };
      workers.push(w);
      return w;
    },
    onStart: (w) => (w as unknown as { inits: number }).inits++,
    onMessage: () => {},
    onCrash: (_reason, restartIn) => crashes.push(restartIn),
    maxRestarts,
    now: () => clock,
    setTimer: (fn, ms) => timers.push({ at: clock + ms, fn }),
    clearTimer: () => {},
  });
  const crash = () => workers[workers.length - 1].onerror!({ message: 'boom', preventDefault() {} } as unknown as ErrorEvent);
  const advance = (ms: number) => {
    clock += ms;
    for (const t of timers.splice(0)) {
      if (t.at <= clock) t.fn();
      else timers.push(t);
    }
  };
  return { managed, workers, crashes, crash, advance };
}

describe('ManagedWorker', () => {
  test('restarts a crashed worker with a doubling backoff and re-initialises it', () => {
    const h = harness();
    h.managed.start();
    h.crash();
    expect(h.workers[0].terminated).toBe(true);
    expect(h.managed.alive).toBe(false);
    h.advance(999);
    expect(h.workers).toHaveLength(1);
    h.advance(1);
    expect(h.workers).toHaveLength(2);
    expect(h.workers[1].inits).toBe(1);
    h.crash();
    h.advance(2000);
    h.crash();
    h.advance(4000);
    expect(h.crashes).toEqual([1000, 2000, 4000]);
    expect(h.managed.restarts).toBe(3);
  });

  test('the backoff resets after a quiet minute, and gives up after maxRestarts', () => {
    const h = harness(2);
    h.managed.start();
    h.crash();
    h.advance(1000);
    h.advance(70000);
    h.crash();
    expect(h.crashes).toEqual([1000, 1000]);
    h.advance(1000);
    h.crash();
    expect(h.crashes[2]).toBeNull();
  });

  test('stop() ends the worker and start() brings a fresh one; dispose() is final', () => {
    const h = harness();
    h.managed.start();
    h.managed.stop();
    expect(h.workers[0].terminated).toBe(true);
    h.managed.start();
    expect(h.workers).toHaveLength(2);
    h.managed.dispose();
    h.managed.start();
    expect(h.workers).toHaveLength(2);
  });
});
