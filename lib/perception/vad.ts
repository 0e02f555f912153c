/**
 * Silero VAD (v5/v6 ONNX) framing: 512-sample windows at 16 kHz with 64 samples of context from the
 * previous window, and the recurrent state carried between calls. The ONNX runtime is injected, so
 * the same code runs with onnxruntime-web in the worker and onnxruntime-node in tests.
 */
import { PROSODY_BLOCK } from './prosody';

export const VAD_CONTEXT = 64;
export const VAD_STATE_SIZE = 2 * 1 * 128;

/** What the VAD needs from an ONNX session: one inference on plain arrays. */
export interface VadRunner {
  /** Runs the model: input [1, 576], state [2, 1, 128], sample rate. Returns probability and new state. */
  run(input: Float32Array, state: Float32Array, sampleRate: number): Promise<{ probability: number; state: Float32Array }>;
}

export class SileroVad {
  private readonly input = new Float32Array(VAD_CONTEXT + PROSODY_BLOCK);
  private state: Float32Array = new Float32Array(VAD_STATE_SIZE);

  constructor(private readonly runner: VadRunner) {}

  /** Speech probability 0..1 of one 512-sample block (32 ms at 16 kHz). */
  async probability(block: Float32Array): Promise<number> {
    if (block.length !== PROSODY_BLOCK) throw new Error(`SileroVad: a block is ${PROSODY_BLOCK} samples, got ${block.length}`);
    this.input.set(block, VAD_CONTEXT);
    const { probability, state } = await this.runner.run(this.input, this.state, 16000);
    this.state = state;
    // The last 64 samples of this block are the next call's context.
    this.input.copyWithin(0, PROSODY_BLOCK);
    return probability;
  }

  /** Forgets the recurrent state and context (e.g. after the mic was muted). */
  reset(): void {
    this.state = new Float32Array(VAD_STATE_SIZE);
    this.input.fill(0);
  }
}

/**
 * Collects arbitrary-length sample chunks (e.g. 10 ms mic frames of 160) into 512-sample blocks.
 * `push` calls `onBlock` with a reused buffer: copy it if you keep it.
 */
export class BlockFramer {
  private readonly buffer = new Float32Array(PROSODY_BLOCK);
  private fill = 0;

  constructor(private readonly onBlock: (block: Float32Array) => void) {}

  push(samples: ArrayLike<number>): void {
    let offset = 0;
    while (offset < samples.length) {
      const take = Math.min(PROSODY_BLOCK - this.fill, samples.length - offset);
      for (let i = 0; i < take; i++) this.buffer[this.fill + i] = samples[offset + i];
      this.fill += take;
      offset += take;
      if (this.fill === PROSODY_BLOCK) {
        this.onBlock(this.buffer);
        this.fill = 0;
      }
    }
  }
}
