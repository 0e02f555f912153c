import { KinError } from '../errors';
import { assemblePrompt, estimateTokens } from './prompt';
import type { BrainChunk, BrainProvider, BrainRequest } from './types';

/** A GGUF model the browser can download once and run with llama.cpp (wllama, WebAssembly). */
export interface LocalModelSpec {
  id: string;
  label: string;
  url: string;
  /** Download size, MB (for the progress text and the memory check). */
  sizeMb: number;
  /** Device memory needed, GB (navigator.deviceMemory is capped at 8). */
  minMemoryGb: number;
  promptFormat: 'chatml' | 'plain';
  contextTokens: number;
}

const HF = 'https://huggingface.co';

/** Instruct models by device capability, best first. Hosts are configurable through `url`. */
export const LOCAL_MODELS: readonly LocalModelSpec[] = [
  { id: 'qwen2.5-1.5b-instruct-q4_k_m', label: 'Qwen2.5 1.5B Instruct (Q4_K_M)', url: `${HF}/Qwen/Qwen2.5-1.5B-Instruct-GGUF/resolve/main/qwen2.5-1.5b-instruct-q4_k_m.gguf`, sizeMb: 1117, minMemoryGb: 8, promptFormat: 'chatml', contextTokens: 4096 },
  { id: 'qwen2.5-0.5b-instruct-q4_k_m', label: 'Qwen2.5 0.5B Instruct (Q4_K_M)', url: `${HF}/Qwen/Qwen2.5-0.5B-Instruct-GGUF/resolve/main/qwen2.5-0.5b-instruct-q4_k_m.gguf`, sizeMb: 491, minMemoryGb: 4, promptFormat: 'chatml', contextTokens: 4096 },
];

/**
 * Picks the model for this device: an explicit URL wins (plain prompt format unless it looks like
 * an instruct model); otherwise the largest catalog model that fits the device memory. Null: none fits.
 */
export function chooseLocalModel(device: { deviceMemoryGb: number | null }, overrideUrl = ''): LocalModelSpec | null {
  if (overrideUrl.trim()) {
    const name = overrideUrl.split('/').pop()?.replace(/\?.*$/, '') ?? 'model.gguf';
    return { id: name, label: name, url: overrideUrl.trim(), sizeMb: 0, minMemoryGb: 0, promptFormat: /instruct|chat/i.test(name) ? 'chatml' : 'plain', contextTokens: 2048 };
  }
  // Browsers that hide deviceMemory (Firefox, Safari) get the small model.
  const memory = device.deviceMemoryGb ?? 4;
  return LOCAL_MODELS.find((m) => memory >= m.minMemoryGb) ?? null;
}

/** Formats chat messages as one prompt string for a completion model. */
export function formatPrompt(messages: { role: string; content: string }[], format: LocalModelSpec['promptFormat']): { prompt: string; stop: string[] } {
  if (format === 'chatml') {
    return {
      prompt: messages.map((m) => `<|im_start|>${m.role}\n${m.content}<|im_end|>\n`).join('') + '<|im_start|>assistant\n',
      stop: ['<|im_end|>', '<|im_start|>'],
    };
  }
  const lines = messages.map((m) => (m.role === 'system' ? m.content : `${m.role === 'user' ? 'User' : 'Assistant'}: ${m.content}`));
  return { prompt: `${lines.join('\n')}\nAssistant:`, stop: ['\nUser:', '\n\n\n'] };
}

export interface DownloadProgress {
  loaded: number;
  total: number;
}

/** The slice of wllama this provider uses (exported so tests can stand in for the engine). */
export interface WllamaLike {
  loadModelFromUrl(url: string, options: { n_ctx: number; progressCallback: (p: DownloadProgress) => void; useCache?: boolean }): Promise<void>;
  createCompletion(options: { prompt: string; stream: true; max_tokens: number; temperature: number; stop: string[]; abortSignal: AbortSignal }): Promise<AsyncIterable<{ choices: { text: string }[] }>>;
  exit(): Promise<void>;
}

export const WLLAMA_WASM_URL = '/vendor/wllama/wllama.wasm';

/** In-browser LLM on llama.cpp (wllama). The model is downloaded once and cached in the browser (OPFS). */
export class LocalLlmBrain implements BrainProvider {
  readonly id = 'local-llm';
  readonly kind = 'local-llm' as const;
  readonly label: string;
  private readonly engine: WllamaLike;
  private readonly spec: LocalModelSpec;
  /** Milliseconds the model took to load (download included on the first visit). */
  loadMs = 0;
  /**
   * Estimated tokens taken off the prompt budget. The budget counts ~4 characters per token; a model
   * whose tokenizer cuts finer (a small vocabulary) overflows its context, and the engine's own count
   * says by how much.
   */
  private budgetCut = 0;

  private constructor(engine: WllamaLike, spec: LocalModelSpec) {
    this.engine = engine;
    this.spec = spec;
    this.label = `${spec.label} in this browser (llama.cpp, WebAssembly)`;
  }

  /** A provider over an engine that has its model loaded already (tests; other loaders). */
  static fromEngine(engine: WllamaLike, spec: LocalModelSpec): LocalLlmBrain {
    return new LocalLlmBrain(engine, spec);
  }

  /** Loads wllama and the model; reports download progress. Throws KinError('model:load'). */
  static async load(spec: LocalModelSpec, onProgress: (p: DownloadProgress) => void = () => undefined): Promise<LocalLlmBrain> {
    const started = performance.now();
    try {
      const { Wllama } = await import('@wllama/wllama');
      const engine = new Wllama({ default: WLLAMA_WASM_URL }, { suppressNativeLog: true, allowOffline: true }) as unknown as WllamaLike;
      await engine.loadModelFromUrl(spec.url, { n_ctx: spec.contextTokens, progressCallback: onProgress, useCache: true });
      const brain = new LocalLlmBrain(engine, spec);
      brain.loadMs = performance.now() - started;
      return brain;
    } catch (error) {
      throw new KinError('model:load', `Could not load ${spec.label}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }

  async *generate(request: BrainRequest, signal: AbortSignal): AsyncIterable<BrainChunk> {
    const maxTokens = this.spec.promptFormat === 'plain' ? 48 : 160;
    let completionTokens = 0;
    let prompt = '';
    for (let attempt = 0; ; attempt++) {
      const total = Math.max(64, Math.floor(this.spec.contextTokens * 0.6) - this.budgetCut);
      const formatted = formatPrompt(assemblePrompt(request, { total, memories: Math.min(300, Math.floor(total / 4)), knowledge: Math.min(600, Math.floor(total / 3)) }), this.spec.promptFormat);
      prompt = formatted.prompt;
      try {
        const stream = await this.engine.createCompletion({ prompt, stream: true, max_tokens: maxTokens, temperature: 0.7, stop: formatted.stop, abortSignal: signal });
        for await (const chunk of stream) {
          if (signal.aborted) return;
          const text = chunk.choices[0]?.text ?? '';
          if (!text) continue;
          completionTokens++;
          yield { type: 'token', text };
        }
        break;
      } catch (error) {
        if (signal.aborted) return;
        const message = error instanceof Error ? error.message : String(error);
        // "request (2835 tokens) exceeds the available context size (2048 tokens)": assemble a shorter prompt.
        const over = /\((\d+) tokens\) exceeds the available context size \((\d+) tokens\)/.exec(message);
        if (over && completionTokens === 0 && attempt < 3) {
          // Take the excess off what the budget can shorten (history, memories), in the budget's units.
          const requested = Number(over[1]);
          const excess = requested - (Number(over[2]) - maxTokens);
          this.budgetCut += Math.ceil(((excess * prompt.length) / requested / 4) * 1.1) + 16;
          continue;
        }
        throw new KinError('brain:failed', `The in-browser model stopped: ${message}`, { cause: error });
      }
    }
    yield { type: 'done', usage: { promptTokens: estimateTokens(prompt), completionTokens } };
  }

  async dispose(): Promise<void> {
    await this.engine.exit().catch(() => undefined);
  }
}
