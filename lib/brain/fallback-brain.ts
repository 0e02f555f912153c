import { KinError, type KinErrorCode } from '../errors';
import type { BrainChunk, BrainProvider, BrainRequest } from './types';

/**
 * Runs a primary provider; when it fails before saying anything, reports why and answers with the
 * fallback (the built-in brain) so the call goes on. A failure mid-reply keeps what was said.
 */
export class FallbackBrain implements BrainProvider {
  readonly id: string;
  readonly kind;
  private readonly primary: BrainProvider;
  private readonly fallback: BrainProvider;
  private readonly onFallback: (code: KinErrorCode, detail: string) => void;

  constructor(primary: BrainProvider, fallback: BrainProvider, onFallback: (code: KinErrorCode, detail: string) => void) {
    this.primary = primary;
    this.fallback = fallback;
    this.onFallback = onFallback;
    this.id = primary.id;
    this.kind = primary.kind;
  }

  get label(): string {
    return `${this.primary.label}; if it fails: ${this.fallback.label}`;
  }

  async *generate(request: BrainRequest, signal: AbortSignal): AsyncIterable<BrainChunk> {
    let produced = false;
    try {
      for await (const chunk of this.primary.generate(request, signal)) {
        if (chunk.type === 'token') produced = true;
        yield chunk;
      }
      return;
    } catch (error) {
      if (signal.aborted) return;
      const code: KinErrorCode = error instanceof KinError ? error.code : 'brain:failed';
      this.onFallback(code, error instanceof Error ? error.message : String(error));
      if (produced) return;
    }
    yield* this.fallback.generate(request, signal);
  }
}
