import type { BrainChunk, BrainProvider, BrainRequest } from '../brain/types';
import type { ObjectiveTracker } from './tracker';

/**
 * Gives any brain the persona's objectives: before each reply the tracker sees the companion's last
 * line and the user's answer (completion), and the request carries the next open objective, which
 * the prompt (LLMs) or the built-in brain's follow-up uses when the moment fits.
 */
export class ObjectiveBrain implements BrainProvider {
  readonly id: string;
  readonly kind: BrainProvider['kind'];

  constructor(private readonly inner: BrainProvider, private readonly tracker: ObjectiveTracker) {
    this.id = inner.id;
    this.kind = inner.kind;
  }

  get label(): string {
    return this.inner.label;
  }

  async *generate(request: BrainRequest, signal: AbortSignal): AsyncIterable<BrainChunk> {
    const lastCompanion = [...request.history].reverse().find((m) => m.role === 'assistant')?.content;
    this.tracker.observe(request.history.length, lastCompanion, request.userText);
    const next = this.tracker.next();
    let reply = '';
    for await (const chunk of this.inner.generate(next ? { ...request, objective: { title: next.title, question: next.question } } : request, signal)) {
      if (chunk.type === 'token') reply += chunk.text;
      yield chunk;
    }
    // A reply that was dropped or cut off is judged at the next turn from what was really said.
    if (!signal.aborted && reply) this.tracker.noteReply(reply);
  }
}
