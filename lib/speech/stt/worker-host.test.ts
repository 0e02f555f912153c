import { describe, expect, test } from 'vitest';
import type { SttOutMessage } from './protocol';
import { SttWorkerHost } from './worker-host';

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const out: SttOutMessage[] = [];
  const decoded: number[] = [];
  const host = new SttWorkerHost((m) => out.push(m));
  const transcribe = async (audio: Float32Array) => {
    decoded.push(audio.length);
    return 'hello there';
  };
  return { out, decoded, host, transcribe };
}

describe('SttWorkerHost', () => {
  test('before the model is ready a finish or a clip decode is answered with an error, not silence', async () => {
    const { out, host } = setup();
    host.handle({ type: 'finish', id: 1 });
    host.handle({ type: 'transcribe', id: 2, samples: new Float32Array(1600) });
    host.handle({ type: 'audio', samples: new Float32Array(160), timeMs: 0 });
    await flush();
    expect(out).toEqual([
      { type: 'error', id: 1, stage: 'decode', message: 'speech model not loaded' },
      { type: 'error', id: 2, stage: 'decode', message: 'speech model not loaded' },
    ]);
  });

  test('a turn: audio between the speech hints is decoded once at finish and answered with the same id', async () => {
    const { out, decoded, host, transcribe } = setup();
    host.ready(transcribe);
    host.handle({ type: 'speech-start', timeMs: 0 });
    for (let i = 0; i < 40; i++) host.handle({ type: 'audio', samples: new Float32Array(160).fill(0.1), timeMs: i * 10 });
    host.handle({ type: 'speech-end', timeMs: 400 });
    host.handle({ type: 'finish', id: 7 });
    await flush();
    await flush();
    expect(decoded).toEqual([6400]);
    expect(out.at(-1)).toMatchObject({ type: 'final', id: 7, text: 'hello there', audioMs: 400 });
  });

  test('a whole clip (the eval) gets stats and a final with its length', async () => {
    const { out, host, transcribe } = setup();
    host.ready(transcribe);
    host.handle({ type: 'transcribe', id: 3, samples: new Float32Array(32000) });
    await flush();
    expect(out.map((m) => m.type)).toEqual(['stats', 'final']);
    expect(out[1]).toMatchObject({ id: 3, text: 'hello there', audioMs: 2000 });
  });
});
