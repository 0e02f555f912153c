import type { BrainChunk, BrainProvider, BrainRequest } from './types';

/**
 * Test-mode provider: replays scripted replies in order. For unit tests only; it is never
 * registered in the app's provider list, so the product can't fall back to it silently.
 */
export class ScriptedBrain implements BrainProvider {
  readonly id = 'scripted';
  readonly kind = 'test' as const;
  readonly label = 'Scripted (test only)';
  private readonly replies: readonly string[];
  private index = 0;
  readonly requests: BrainRequest[] = [];

  constructor(replies: readonly string[], private readonly tokenDelayMs = 0) {
    this.replies = replies;
  }

  async *generate(request: BrainRequest, signal: AbortSignal): AsyncIterable<BrainChunk> {
    this.requests.push(request);
    const reply = this.replies[this.index++ % this.replies.length];
    for (const token of reply.split(/(?<=\s)/)) {
      if (this.tokenDelayMs) await new Promise((r) => setTimeout(r, this.tokenDelayMs));
      if (signal.aborted) return;
      yield { type: 'token', text: token };
    }
    yield { type: 'done', usage: { promptTokens: 0, completionTokens: 0 } };
  }
}
