import type { BrainChunk, BrainProvider, BrainRequest, ToolExchange } from '../brain/types';
import { splitJsonToolCalls } from './json-call';
import type { ConfirmationRequest, ToolOutcome, ToolRegistry } from './registry';

export interface ToolRunnerOptions {
  registry: ToolRegistry;
  /** Shows the confirmation card; resolves true when the user confirms. Aborted with the reply. */
  confirm: (request: ConfirmationRequest, signal: AbortSignal) => Promise<boolean>;
  /** Adds the compact "tool" line to the transcript. */
  transcript: (line: string, outcome: ToolOutcome) => void;
  now?: () => Date;
}

/** Most tool rounds in one reply (a model that keeps calling tools is cut off). */
export const MAX_TOOL_ROUNDS = 3;

/**
 * Gives any brain the call's tools: the request carries the tool specs (native for OpenAI-compatible
 * servers, a JSON format for in-browser models), tool calls in the reply are validated, confirmed
 * when they have side effects, run, and shown in the transcript; then the reply goes on — a
 * follow-up completion with the results for native tool callers, otherwise the tool's own sentence.
 * A refusal or a failure is said, never thrown: the conversation goes on.
 */
export class ToolBrain implements BrainProvider {
  readonly id: string;
  readonly kind: BrainProvider['kind'];
  private readonly inner: BrainProvider;
  private readonly options: ToolRunnerOptions;

  constructor(inner: BrainProvider, options: ToolRunnerOptions) {
    this.inner = inner;
    this.options = options;
    this.id = inner.id;
    this.kind = inner.kind;
  }

  get label(): string {
    return this.inner.label;
  }

  async *generate(request: BrainRequest, signal: AbortSignal): AsyncIterable<BrainChunk> {
    const { registry } = this.options;
    const native = this.inner.kind === 'openai-compatible';
    const tools = registry.specs();
    const exchanges: ToolExchange[] = [];
    let usage = { promptTokens: 0, completionTokens: 0 };
    for (let round = 0; round < MAX_TOOL_ROUNDS; round++) {
      const roundRequest: BrainRequest = { ...request, tools, toolFormat: native ? 'native' : 'json', toolResults: exchanges.length ? [...exchanges] : undefined };
      let stream = this.inner.generate(roundRequest, signal);
      if (this.inner.kind === 'local-llm') stream = splitJsonToolCalls(stream, registry.names);
      const calls: { name: string; arguments: string; id?: string }[] = [];
      let spoke = false;
      for await (const chunk of stream) {
        if (signal.aborted) return;
        if (chunk.type === 'tool-call') calls.push(chunk);
        else if (chunk.type === 'done') usage = { promptTokens: usage.promptTokens + chunk.usage.promptTokens, completionTokens: usage.completionTokens + chunk.usage.completionTokens };
        else {
          spoke = true;
          yield chunk;
        }
      }
      if (!calls.length || signal.aborted) break;
      const sayings: string[] = [];
      for (const [index, call] of calls.entries()) {
        const outcome = await registry.call(call.name, call.arguments, { now: this.options.now?.() ?? new Date(), signal, confirm: this.options.confirm });
        if (signal.aborted) return;
        this.options.transcript(outcome.caption, outcome);
        sayings.push(outcome.say);
        exchanges.push({
          id: call.id ?? `call_${round}_${index}`,
          name: call.name,
          arguments: call.arguments || '{}',
          result: JSON.stringify(outcome.status === 'ok' ? outcome.result : { status: outcome.status, reason: 'reason' in outcome ? outcome.reason : 'the user cancelled' }),
        });
      }
      // Native tool callers get the results back and word the answer themselves; others say the
      // tool's sentence (a small model rewording a time or a date is slower and less reliable).
      if (!native || round === MAX_TOOL_ROUNDS - 1) {
        yield { type: 'token', text: `${spoke ? ' ' : ''}${sayings.join(' ')}` };
        break;
      }
    }
    yield { type: 'done', usage };
  }
}
