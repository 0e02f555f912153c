import { KinError } from '../errors';
import { assemblePrompt } from './prompt';
import { SseParser } from './sse';
import type { BrainChunk, BrainProvider, BrainRequest } from './types';
import { quoteUntrusted } from '../guardrails/injection';

export interface EndpointConfig {
  /** e.g. http://localhost:11434/v1 (Ollama), http://localhost:1234/v1 (LM Studio), https://api.openai.com/v1 */
  baseUrl: string;
  model: string;
  apiKey: string;
  /** 'direct': the browser calls the server (local servers, CORS); 'proxy': through this app's /api/chat. */
  transport: 'direct' | 'proxy';
  /** No first byte within this many ms → timeout error. */
  timeoutMs?: number;
}

/** True for model servers on this computer, which the browser may call directly. */
export function isLocalEndpoint(baseUrl: string): boolean {
  try {
    const host = new URL(baseUrl).hostname;
    return host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || host === '::1';
  } catch {
    return false;
  }
}

interface StreamChoice {
  delta?: { content?: string | null; tool_calls?: { index: number; id?: string; function?: { name?: string; arguments?: string } }[] };
  finish_reason?: string | null;
}
interface StreamChunk {
  choices?: StreamChoice[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  error?: { message?: string };
}

/** The assistant's tool calls of this reply and their results, as chat messages (after the user's turn). */
function toolMessages(request: BrainRequest): Record<string, unknown>[] {
  const exchanges = request.toolResults ?? [];
  if (!exchanges.length) return [];
  return [
    { role: 'assistant', content: null, tool_calls: exchanges.map((e) => ({ id: e.id, type: 'function', function: { name: e.name, arguments: e.arguments } })) },
    // Tool results are data, never instructions (lib/guardrails/injection).
    ...exchanges.map((e) => ({ role: 'tool', tool_call_id: e.id, content: quoteUntrusted(e.result, 'tool-result') })),
  ];
}

/** Streams chat completions from any OpenAI-compatible server (Ollama, LM Studio, vLLM, OpenAI…). */
export class OpenAICompatibleBrain implements BrainProvider {
  readonly id = 'openai-compatible';
  readonly kind = 'openai-compatible' as const;
  readonly label: string;
  private readonly config: EndpointConfig;
  private readonly fetchImpl: typeof fetch;

  constructor(config: EndpointConfig, fetchImpl: typeof fetch = (...args) => fetch(...args)) {
    this.config = config;
    this.fetchImpl = fetchImpl;
    const where = isLocalEndpoint(config.baseUrl) ? 'on this computer' : new URL(config.baseUrl).host;
    this.label = `${config.model} (${where})`;
  }

  async *generate(request: BrainRequest, signal: AbortSignal): AsyncIterable<BrainChunk> {
    const { baseUrl, model, apiKey, transport, timeoutMs = 15000 } = this.config;
    const body = { model, stream: true, stream_options: { include_usage: true }, messages: [...assemblePrompt(request), ...toolMessages(request)], temperature: 0.7, max_tokens: 300,
      ...(request.tools?.length ? { tools: request.tools.map((t) => ({ type: 'function', function: t })) } : {}) };
    const url = transport === 'direct' ? `${baseUrl.replace(/\/+$/, '')}/chat/completions` : '/api/chat';
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (transport === 'direct' && apiKey) headers.authorization = `Bearer ${apiKey}`;
    if (transport === 'proxy') {
      headers['x-kin-endpoint'] = baseUrl;
      if (apiKey) headers['x-kin-key'] = apiKey;
    }
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const onAbort = () => timeout.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    let response: Response;
    try {
      response = await this.fetchImpl(url, { method: 'POST', headers, body: JSON.stringify(body), signal: timeout.signal });
    } catch (error) {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      if (signal.aborted) return;
      if (timeout.signal.aborted) throw new KinError('brain:timeout', `No answer from ${baseUrl} within ${timeoutMs / 1000} s.`);
      throw new KinError('brain:unreachable', `Could not reach ${baseUrl}. Is the server running?`, { cause: error });
    }
    clearTimeout(timer);
    try {
      if (!response.ok) {
        const text = await response.text().catch(() => '');
        if (response.status === 401 || response.status === 403) throw new KinError('brain:auth', `The server at ${baseUrl} refused the API key.`);
        if (response.status === 404) throw new KinError('brain:protocol', `The server at ${baseUrl} does not know model “${model}” or the chat API (404).`);
        throw new KinError('brain:protocol', `The model server answered ${response.status}: ${text.slice(0, 200)}`);
      }
      if (!response.body) throw new KinError('brain:protocol', 'The model server sent no stream.');
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      const parser = new SseParser();
      const toolCalls = new Map<number, { name: string; arguments: string; id?: string }>();
      let usage = { promptTokens: 0, completionTokens: 0 };
      let done = false;
      while (!done) {
        const { value, done: ended } = await reader.read();
        const events = ended ? parser.flush() : parser.push(value ?? '');
        for (const data of events) {
          if (data === '[DONE]') {
            done = true;
            break;
          }
          let chunk: StreamChunk;
          try {
            chunk = JSON.parse(data) as StreamChunk;
          } catch {
            throw new KinError('brain:protocol', 'The model server sent a malformed stream chunk.');
          }
          if (chunk.error) throw new KinError('brain:protocol', `The model server reported an error: ${chunk.error.message ?? 'unknown'}`);
          if (chunk.usage) usage = { promptTokens: chunk.usage.prompt_tokens ?? 0, completionTokens: chunk.usage.completion_tokens ?? 0 };
          for (const choice of chunk.choices ?? []) {
            if (choice.delta?.content) yield { type: 'token', text: choice.delta.content };
            for (const call of choice.delta?.tool_calls ?? []) {
              const current = toolCalls.get(call.index) ?? { name: '', arguments: '' };
              current.name += call.function?.name ?? '';
              current.arguments += call.function?.arguments ?? '';
              if (call.id) current.id = call.id;
              toolCalls.set(call.index, current);
            }
          }
        }
        if (ended) done = true;
      }
      await reader.cancel().catch(() => undefined);
      for (const call of toolCalls.values()) yield { type: 'tool-call', name: call.name, arguments: call.arguments, ...(call.id ? { id: call.id } : {}) };
      yield { type: 'done', usage };
    } catch (error) {
      if (signal.aborted) return;
      throw error;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }
}
