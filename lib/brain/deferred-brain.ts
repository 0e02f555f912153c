import type { BrainChunk, BrainKind, BrainProvider, BrainRequest } from './types';

/** A brain that is still loading (e.g. a model downloading): the first turn waits for it. */
export class DeferredBrain implements BrainProvider {
  readonly id: string;
  readonly kind: BrainKind;
  private inner: BrainProvider | null = null;
  private readonly ready: Promise<BrainProvider>;
  private readonly pendingLabel: string;

  constructor(loading: Promise<BrainProvider>, pending: { id: string; kind: BrainKind; label: string }) {
    this.id = pending.id;
    this.kind = pending.kind;
    this.pendingLabel = pending.label;
    this.ready = loading.then((brain) => (this.inner = brain));
    // A failed load is reported by generate(); avoid an unhandled rejection meanwhile.
    this.ready.catch(() => undefined);
  }

  get label(): string {
    return this.inner?.label ?? this.pendingLabel;
  }

  async *generate(request: BrainRequest, signal: AbortSignal): AsyncIterable<BrainChunk> {
    const brain = this.inner ?? (await this.ready);
    if (signal.aborted) return;
    yield* brain.generate(request, signal);
  }
}
