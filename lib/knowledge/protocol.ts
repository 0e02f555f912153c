import type { KnowledgeDoc, KnowledgeErrorCode, KnowledgeHit } from './types';

/** A built-in pack file for a persona, fetched by the worker on first use. */
export interface PackFile {
  /** Stable document id, so a pack is indexed once. */
  docId: string;
  url: string;
  name: string;
}

/** Main thread → knowledge worker. */
export type KnowledgeRequest =
  | { type: 'init'; modelBaseUrl: string; wasmBaseUrl: string; pdfWorkerUrl: string }
  | { type: 'add'; requestId: number; personaId: string; name: string; mime: string; bytes: ArrayBuffer }
  | { type: 'ensure-pack'; requestId: number; personaId: string; files: PackFile[] }
  | { type: 'reindex'; requestId: number; docId: string }
  | { type: 'delete'; requestId: number; docId: string }
  | { type: 'list'; requestId: number; personaId: string }
  | { type: 'preview'; requestId: number; docId: string }
  | { type: 'search'; requestId: number; personaId: string; query: string; k: number }
  | { type: 'dispose' };

/** Knowledge worker → main thread. */
export type KnowledgeResponse =
  | { type: 'ready'; embedder: string | null; backend: string }
  | { type: 'progress'; requestId: number; stage: 'reading' | 'embedding' | 'saving'; fraction: number }
  | { type: 'added'; requestId: number; doc: KnowledgeDoc }
  | { type: 'docs'; requestId: number; docs: KnowledgeDoc[] }
  | { type: 'preview'; requestId: number; doc: KnowledgeDoc | null; chunks: { id: string; section: string; text: string }[] }
  | { type: 'results'; requestId: number; hits: KnowledgeHit[]; searchMs: number; embedMs: number }
  | { type: 'done'; requestId: number }
  | { type: 'error'; requestId?: number; code: KnowledgeErrorCode; message: string };
