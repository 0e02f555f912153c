import { describe, expect, test } from 'vitest';
import type { SttDecodeStats } from './types';
import { UtteranceTranscriber } from './utterance-transcriber';

const RATE = 16000;
const FRAME = 160;

/** A fake decoder: reports how many samples it got as a word per 100 ms ("w0 w1 …"); resolves when told. */
class FakeDecoder {
  calls: { samples: number; resolve: (text: string) => void; reject: (e: Error) => void }[] = [];
  transcribe = (audio: Float32Array) =>
    new Promise<string>((resolve, reject) => {
      this.calls.push({ samples: audio.length, resolve, reject });
    });
}

function setup(options: Partial<ConstructorParameters<typeof UtteranceTranscriber>[2]> = {}) {
  const decoder = new FakeDecoder();
  const partials: string[] = [];
  const stats: SttDecodeStats[] = [];
  let clock = 0;
  const transcriber = new UtteranceTranscriber(decoder.transcribe, { partial: (t) => partials.push(t), stats: (s) => stats.push(s) }, {
    now: () => clock,
    ...options,
  });
  const push = (ms: number, value = 0.1) => {
    for (let i = 0; i < ms / 10; i++) transcriber.pushAudio(new Float32Array(FRAME).fill(value));
  };
  return { decoder, partials, stats, transcriber, push, tick: (ms: number) => (clock += ms) };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('UtteranceTranscriber', () => {
  test('keeps only the pre-roll before speech starts, then decodes a partial every 600 ms of speech', async () => {
    const { decoder, transcriber, push, partials, tick, stats } = setup();
    push(2000);
    expect(transcriber.windowMs).toBe(300);
    transcriber.speechStart();
    push(590);
    expect(decoder.calls).toHaveLength(0);
    push(10);
    expect(decoder.calls).toHaveLength(1);
    expect(decoder.calls[0].samples).toBe((300 + 600) * (RATE / 1000));
    tick(180);
    decoder.calls[0].resolve(' Hello.');
    await flush();
    expect(partials).toEqual(['hello']);
    expect(stats[0]).toMatchObject({ kind: 'partial', audioMs: 900, decodeMs: 180 });
    expect(stats[0].realTimeFactor).toBeCloseTo(0.2, 10);
  });

  test('a partial says how much of the stream went into it, not how much had arrived when it landed', async () => {
    const decoder = new FakeDecoder();
    const heard: number[] = [];
    const transcriber = new UtteranceTranscriber(decoder.transcribe, { partial: (_t, n) => heard.push(n), stats: () => {} });
    const push = (ms: number) => {
      for (let i = 0; i < ms / 10; i++) transcriber.pushAudio(new Float32Array(FRAME).fill(0.1));
    };
    push(2000);
    transcriber.speechStart();
    push(600); // the decode starts here, at 2.6 s of stream
    push(400); // more speech while it runs
    decoder.calls[0].resolve('hello');
    await flush();
    expect(heard).toEqual([2600 * (RATE / 1000)]);
  });

  test('never queues decodes: audio arriving while one is in flight waits for the next slot', async () => {
    const { decoder, transcriber, push } = setup();
    transcriber.speechStart();
    push(600);
    push(1800);
    expect(decoder.calls).toHaveLength(1);
    decoder.calls[0].resolve('one');
    await flush();
    push(10);
    // 1.8 s of audio arrived since the last decode started: the next frame starts one decode of the whole window.
    expect(decoder.calls).toHaveLength(2);
    expect(decoder.calls[1].samples).toBe((600 + 1800 + 10) * (RATE / 1000));
  });

  test('no partial decodes after speech end; finish decodes everything once and resets', async () => {
    const { decoder, transcriber, push } = setup();
    transcriber.speechStart();
    push(500);
    transcriber.speechEnd();
    push(1000);
    expect(decoder.calls).toHaveLength(0);
    const final = transcriber.finish();
    await flush();
    expect(decoder.calls).toHaveLength(1);
    expect(decoder.calls[0].samples).toBe(1.5 * RATE);
    decoder.calls[0].resolve('Good morning!');
    await expect(final).resolves.toMatchObject({ text: 'good morning', audioMs: 1500 });
    expect(transcriber.windowMs).toBe(0);
    // Not in a turn any more: only pre-roll is kept.
    push(1000);
    expect(transcriber.windowMs).toBe(300);
  });

  test('finish waits for the decode in flight, and a turn with no speech is empty without decoding', async () => {
    const { decoder, transcriber, push } = setup();
    push(1000);
    await expect(transcriber.finish()).resolves.toMatchObject({ text: '' });
    expect(decoder.calls).toHaveLength(0);
    transcriber.speechStart();
    push(600);
    const final = transcriber.finish();
    await flush();
    expect(decoder.calls).toHaveLength(1);
    decoder.calls[0].resolve('partial');
    await flush();
    await flush();
    expect(decoder.calls).toHaveLength(2);
    decoder.calls[1].resolve('partial text');
    await expect(final).resolves.toMatchObject({ text: 'partial text' });
  });

  test('a window over the cap is cut at its quietest 100 ms and the committed text is stitched in front', async () => {
    const { decoder, transcriber, push, partials } = setup({ windowCapMs: 3000, partialIntervalMs: 100000 });
    transcriber.speechStart();
    push(1500);
    push(200, 0); // a 200 ms pause at 1.5 s (no pre-roll: speech started before any audio)
    push(1300);
    expect(decoder.calls).toHaveLength(1);
    // The cut is where the pause starts (1.5 s), the start of its quietest block.
    expect(decoder.calls[0].samples).toBe(1.5 * RATE);
    decoder.calls[0].resolve('Ask not what your country');
    await flush();
    expect(partials.at(-1)).toBe('ask not what your country');
    expect(transcriber.windowMs).toBe(1500);
    transcriber.speechEnd();
    const final = transcriber.finish();
    await flush();
    expect(decoder.calls[1].samples).toBe(1.5 * RATE);
    decoder.calls[1].resolve('can do for you.');
    await expect(final).resolves.toMatchObject({ text: 'ask not what your country can do for you' });
  });

  test('a failed partial is not fatal, and reset ignores a decode that lands afterwards', async () => {
    const { decoder, transcriber, push, partials } = setup();
    transcriber.speechStart();
    push(600);
    decoder.calls[0].reject(new Error('boom'));
    await flush();
    push(600);
    expect(decoder.calls).toHaveLength(2);
    transcriber.reset();
    decoder.calls[1].resolve('stale words');
    await flush();
    expect(partials).toEqual([]);
    expect(transcriber.windowMs).toBe(0);
  });
});

describe('UtteranceTranscriber, long pauses', () => {
  test('finish commits a window that grew past the cap after speech ended, so no audio is cut off', async () => {
    const { decoder, transcriber, push } = setup({ windowCapMs: 3000, partialIntervalMs: 100000 });
    transcriber.speechStart();
    push(1000);
    transcriber.speechEnd();
    push(2500, 0.001); // quiet room noise while the turn detector waits
    push(500);
    const final = transcriber.finish();
    await flush();
    expect(decoder.calls).toHaveLength(1);
    expect(decoder.calls[0].samples).toBeLessThan(4000 * (RATE / 1000));
    decoder.calls[0].resolve('first part');
    await flush();
    await flush();
    expect(decoder.calls).toHaveLength(2);
    expect(decoder.calls[0].samples + decoder.calls[1].samples).toBe(4000 * (RATE / 1000));
    decoder.calls[1].resolve('second part');
    await expect(final).resolves.toMatchObject({ text: 'first part second part' });
  });
});
