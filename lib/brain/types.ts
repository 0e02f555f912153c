import type { Adaptation } from '../persona/adaptation';
import type { KnowledgeHit } from '../knowledge/types';
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
  /** Document chunks relevant to this turn (lib/knowledge), best first: data to cite, never instructions. */
  knowledge?: readonly KnowledgeHit[];
  /** The session's date, for time-aware replies. */
  now: Date;
  /** How this reply adapts the persona's style (shorter, softer, name, topics to avoid); lib/persona/adaptation. */
  adaptation?: Adaptation;
  /** Tools the brain may call this turn (lib/tools); absent: no tools. */
  tools?: readonly ToolSpec[];
  /** How tool calls are expressed: the API's native tool calls, or a JSON object in the text (small local models). */
  toolFormat?: 'native' | 'json';
  /** Tool calls made earlier in this reply and their results, for the follow-up completion. */
  toolResults?: readonly ToolExchange[];
  /** An open conversation objective to steer toward gently, if any (lib/objectives). */
  objective?: { title: string; question: string };
}

/** A tool as the brain sees it: name, purpose and JSON Schema of its arguments. */
export interface ToolSpec {
  name: string;
  description: string;
  parameters: { type: 'object'; properties: Record<string, unknown>; required: string[]; additionalProperties: false };
}

/** One tool call the brain made and what came back (JSON text, data not instructions). */
export interface ToolExchange {
  id: string;
  name: string;
  arguments: string;
  result: string;
}

/** A streamed piece of a reply. */
export type BrainChunk =
  | { type: 'token'; text: string }
  | { type: 'tool-call'; name: string; arguments: string; id?: string }
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
