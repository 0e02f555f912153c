import { describe, expect, test, vi } from 'vitest';
import { KinError } from '../../errors';
import { sttModelSpec } from './models';
import type { SttInMessage, SttOutMessage } from './protocol';
import type { SttLoadProgress } from './types';
import { WhisperRecognizer, type SttWorkerPort } from './whisper-recognizer';

class FakeWorker implements SttWorkerPort {
  sent: { message: SttInMessage; transfer: Transferable[] }[] = [];
  onmessage: ((event: MessageEvent<unknown>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  postMessage(message: SttInMessage, transfer: Transferable[] = []) {
    this.sent.push({ message, transfer });
  }
  reply(message: SttOutMessage | Record<string, unknown>) {
    this.onmessage?.({ data: message } as MessageEvent<unknown>);
  }
  terminate() {
    this.terminated = true;
  }
  of<T extends SttInMessage['type']>(type: T) {
    return this.sent.filter((s) => s.message.type === type).map((s) => s as { message: Extract<SttInMessage, { type: T }>; transfer: Transferable[] });
  }
}

function make(options: { onProgress?: (p: SttLoadProgress) => void; loadTimeoutMs?: number } = {}) {
  const worker = new FakeWorker();
  const recognizer = new WhisperRecognizer({
    createWorker: () => worker,
    model: sttModelSpec('Xenova/whisper-tiny.en'),
    request: { remoteHost: 'https://huggingface.co/', remotePathTemplate: '{model}/resolve/{revision}/', wasmPaths: '/vendor/ort-transformers/', backends: ['webgpu', 'wasm'] },
    ...options,
  });
  return { worker, recognizer };
}

describe('WhisperRecognizer (main-thread side of the worker protocol)', () => {
  test('load request carries the model, host and backends; ready sets the backend and label', async () => {
    const { worker, recognizer } = make();
    const started = recognizer.start();
    expect(recognizer.start()).toBe(started);
    const [load] = worker.of('load');
    expect(load.message.request).toEqual({
      modelId: 'Xenova/whisper-tiny.en',
      language: null,
      remoteHost: 'https://huggingface.co/',
      remotePathTemplate: '{model}/resolve/{revision}/',
      wasmPaths: '/vendor/ort-transformers/',
      backends: ['webgpu', 'wasm'],
    });
    worker.reply({ type: 'ready', backend: 'wasm', loadMs: 1234, webgpuSkipped: 'no WebGPU adapter' });
    await started;
    expect(recognizer.label).toBe('Whisper tiny.en (WASM)');
    expect(recognizer.backend).toBe('wasm');
    expect(recognizer.webgpuSkipped).toBe('no WebGPU adapter');
  });

  test('download progress is summed over files', async () => {
    const progress: SttLoadProgress[] = [];
    const { worker, recognizer } = make({ onProgress: (p) => progress.push(p) });
    void recognizer.start();
    worker.reply({ type: 'progress', file: 'onnx/encoder_model_quantized.onnx', loadedBytes: 5e6, totalBytes: 10e6 });
    worker.reply({ type: 'progress', file: 'onnx/decoder_model_merged_quantized.onnx', loadedBytes: 0, totalBytes: 30e6 });
    worker.reply({ type: 'progress', file: 'onnx/encoder_model_quantized.onnx', loadedBytes: 10e6, totalBytes: 10e6 });
    expect(progress.map((p) => p.fraction)).toEqual([0.5, 5 / 40, 10 / 40]);
    expect(progress.at(-1)).toMatchObject({ loadedBytes: 10e6, totalBytes: 40e6 });
  });

  test('a load error or a worker crash rejects with a model:load KinError naming the model', async () => {
    const first = make();
    const a = first.recognizer.start();
    first.worker.reply({ type: 'error', id: null, stage: 'load', message: 'HTTP 404 for config.json' });
    await expect(a).rejects.toThrow(KinError);
    await expect(a).rejects.toMatchObject({ code: 'model:load', message: expect.stringContaining('Xenova/whisper-tiny.en could not load: HTTP 404') });
    await expect(first.recognizer.takeTurn()).rejects.toThrow(/could not load/);

    const second = make();
    const b = second.recognizer.start();
    second.worker.onerror?.({ message: 'out of memory' } as ErrorEvent);
    await expect(b).rejects.toThrow(/speech worker stopped: out of memory/);
  });

  test('times out a load that never finishes', async () => {
    vi.useFakeTimers();
    try {
      const { recognizer } = make({ loadTimeoutMs: 1000 });
      const started = recognizer.start();
      const assertion = expect(started).rejects.toThrow(/did not load within 1 s/);
      await vi.advanceTimersByTimeAsync(1001);
      await assertion;
    } finally {
      vi.useRealTimers();
    }
  });

  test('frames go out in transferred 100 ms chunks; hints flush first; takeTurn matches its final by id', async () => {
    const { worker, recognizer } = make();
    const started = recognizer.start();
    recognizer.pushFrame(new Float32Array(160), 0); // before ready: dropped
    worker.reply({ type: 'ready', backend: 'webgpu', loadMs: 1, webgpuSkipped: null });
    await started;
    for (let i = 0; i < 25; i++) recognizer.pushFrame(new Float32Array(160).fill(i), 1000 + i * 10);
    let audio = worker.of('audio');
    expect(audio).toHaveLength(2);
    expect(audio[0].message.samples.length).toBe(1600);
    expect(audio[0].message.timeMs).toBe(1000);
    expect(audio[1].message.timeMs).toBe(1100);
    expect(audio[1].message.samples[0]).toBe(10);
    expect(audio[0].transfer).toEqual([audio[0].message.samples.buffer]);
    recognizer.speechEnd(1250);
    audio = worker.of('audio');
    expect(audio).toHaveLength(3);
    expect(audio[2].message.samples.length).toBe(800);
    expect(worker.sent.at(-1)?.message).toEqual({ type: 'speech-end', timeMs: 1250 });

    const partials: string[] = [];
    recognizer.onPartial((t) => partials.push(t));
    worker.reply({ type: 'partial', text: 'ask not' });
    const turn = recognizer.takeTurn();
    const [finish] = worker.of('finish');
    worker.reply({ type: 'final', id: finish.message.id + 100, text: 'wrong turn', audioMs: 0, decodeMs: 0 });
    worker.reply({ type: 'final', id: finish.message.id, text: 'ask not what', audioMs: 2500, decodeMs: 500 });
    await expect(turn).resolves.toBe('ask not what');
    expect(partials).toEqual(['ask not']);
    worker.reply({ type: 'stats', stats: { kind: 'final', audioMs: 2500, decodeMs: 500, realTimeFactor: 0.2 } });
    expect(recognizer.lastStats?.realTimeFactor).toBe(0.2);
    worker.reply({ type: 'bogus' });
    recognizer.dispose();
    expect(worker.terminated).toBe(true);
  });
});
