'use client';
import { packFiles } from '@/lib/knowledge/packs';
import type { KnowledgeRequest, KnowledgeResponse } from '@/lib/knowledge/protocol';
import type { KnowledgeDoc, KnowledgeErrorCode, KnowledgeHit } from '@/lib/knowledge/types';

type WithoutId<T> = T extends unknown ? Omit<T, 'requestId'> : never;
type Ready = Extract<KnowledgeResponse, { type: 'ready' }>;
export type KnowledgeProgress = { stage: 'reading' | 'embedding' | 'saving'; fraction: number };

/** A failed knowledge request, with the worker's error code. */
export class KnowledgeRequestError extends Error {
  constructor(readonly code: KnowledgeErrorCode, message: string) {
    super(message);
    this.name = 'KnowledgeRequestError';
  }
}

/** Promise wrapper around the knowledge worker (one per page, see getKnowledgeClient). */
export class KnowledgeClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (r: KnowledgeResponse) => void; reject: (e: Error) => void; onProgress?: (p: KnowledgeProgress) => void }>();
  private readonly packs = new Map<string, Promise<void>>();
  private nextId = 1;
  readonly ready: Promise<Ready>;
  onError: (message: string) => void = () => {};

  constructor() {
    this.worker = new Worker(new URL('../../workers/knowledge.worker.ts', import.meta.url), { type: 'module' });
    let resolveReady: (r: Ready) => void = () => {};
    this.ready = new Promise((resolve) => (resolveReady = resolve));
    this.worker.onmessage = (event: MessageEvent<KnowledgeResponse>) => {
      const message = event.data;
      if (message.type === 'ready') return resolveReady(message);
      if (message.type === 'error' && message.requestId === undefined) return this.onError(message.message);
      const entry = this.pending.get(message.requestId as number);
      if (!entry) return;
      if (message.type === 'progress') return entry.onProgress?.({ stage: message.stage, fraction: message.fraction });
      this.pending.delete(message.requestId as number);
      if (message.type === 'error') entry.reject(new KnowledgeRequestError(message.code, message.message));
      else entry.resolve(message);
    };
    this.post({ type: 'init', modelBaseUrl: '/models/use-lite-tfjs', wasmBaseUrl: '/tfjs/', pdfWorkerUrl: new URL('/vendor/pdfjs/pdf.worker.min.mjs', location.href).href });
  }

  private post(message: KnowledgeRequest, transfer: Transferable[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  /** Sends a request; resolves with its reply, rejects with a KnowledgeRequestError. */
  request(message: WithoutId<Exclude<KnowledgeRequest, { type: 'init' | 'dispose' }>>, onProgress?: (p: KnowledgeProgress) => void, transfer: Transferable[] = []): Promise<KnowledgeResponse> {
    const requestId = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject, onProgress });
      this.post({ ...message, requestId } as KnowledgeRequest, transfer);
    });
  }

  /** Indexes the persona's built-in pack once (later calls reuse the same promise). */
  ensurePack(personaId: string): Promise<void> {
    let job = this.packs.get(personaId);
    if (!job) {
      const files = packFiles(personaId);
      job = files.length ? this.request({ type: 'ensure-pack', personaId, files }).then(() => undefined) : Promise.resolve();
      job.catch(() => this.packs.delete(personaId));
      this.packs.set(personaId, job);
    }
    return job;
  }

  async list(personaId: string): Promise<KnowledgeDoc[]> {
    const r = await this.request({ type: 'list', personaId });
    return r.type === 'docs' ? r.docs : [];
  }

  /** Adds a File (its bytes are transferred to the worker). */
  async add(personaId: string, file: File, onProgress?: (p: KnowledgeProgress) => void): Promise<KnowledgeDoc> {
    const bytes = await file.arrayBuffer();
    const r = await this.request({ type: 'add', personaId, name: file.name, mime: file.type, bytes }, onProgress, [bytes]);
    if (r.type !== 'added') throw new KnowledgeRequestError('knowledge:storage', 'Unexpected reply from the knowledge worker.');
    return r.doc;
  }

  dispose(): void {
    this.post({ type: 'dispose' });
    this.worker.terminate();
  }
}

let client: KnowledgeClient | null = null;

/** The page's knowledge worker client, started on first use. */
export function getKnowledgeClient(): KnowledgeClient {
  client ??= new KnowledgeClient();
  return client;
}

/**
 * Searches a persona's knowledge (its built-in pack is indexed first, once): the top k chunks
 * by hybrid score, best first, each with title, section and chunk id for citing.
 */
export async function searchKnowledge(personaId: string, query: string, k = 3): Promise<KnowledgeHit[]> {
  const knowledge = getKnowledgeClient();
  await knowledge.ensurePack(personaId).catch(() => {});
  const r = await knowledge.request({ type: 'search', personaId, query, k });
  return r.type === 'results' ? r.hits : [];
}

export { sourceLink as sourceHref } from '@/lib/knowledge/cite';
