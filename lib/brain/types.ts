import type { Persona } from '../persona/types';

/** One message of the conversation so far. */
export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface BrainRequest {
  persona: Persona;
  history: readonly ChatMessage[];
  userText: string;
  /** How the user seems right now, from perception (one sentence), if known. */
  affect?: string;
  /** Memories relevant to this turn, if any. */
  memories?: readonly string[];
  /** The session's date, for time-aware replies. */
  now: Date;
}

/** A streamed piece of a reply. */
export type BrainChunk =
  | { type: 'token'; text: string }
  | { type: 'tool-call'; name: string; arguments: string }
  | { type: 'done'; usage: { promptTokens: number; completionTokens: number } };

export type BrainKind = 'builtin' | 'local-llm' | 'openai-compatible' | 'test';

/** A source of replies. Every provider streams and stops promptly on abort. */
export interface BrainProvider {
  readonly id: string;
  readonly kind: BrainKind;
  /** Shown in the HUD and settings. */
  readonly label: string;
  generate(request: BrainRequest, signal: AbortSignal): AsyncIterable<BrainChunk>;
}
