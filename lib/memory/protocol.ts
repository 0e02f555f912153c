import type { SerializedRecord } from './schema';
import type { TurnInput } from './types';

/** A retrieval hit as it crosses the worker boundary (embedding dropped). */
export interface MemoryHit {
  id: string;
  tier: SerializedRecord['tier'];
  text: string;
  score: number;
  quote: string;
  saidAt: number;
  turnIds: string[];
}

/** Main thread → memory worker. */
export type MemoryRequest =
  | { type: 'init'; profileId: string; modelBaseUrl: string; wasmBaseUrl: string }
  | { type: 'ingest'; requestId: number; turn: Omit<TurnInput, 'at'> & { at: number } }
  | { type: 'prepare-query'; text: string }
  | { type: 'search'; requestId: number; query: string; k: number; now: number; /** Only memories this persona may see. */ personaId?: string }
  | { type: 'mark-used'; ids: string[] }
  | { type: 'list'; requestId: number }
  | { type: 'delete'; requestId: number; id: string }
  | { type: 'pin'; requestId: number; id: string; pinned: boolean }
  | { type: 'update'; requestId: number; id: string; text: string }
  | { type: 'scope'; requestId: number; id: string; onlyFor: string | null }
  | { type: 'forget-session'; requestId: number; sessionId: string }
  | { type: 'forget-all'; requestId: number }
  | { type: 'pause'; paused: boolean }
  | { type: 'export'; requestId: number }
  | { type: 'import'; requestId: number; json: string }
  | { type: 'dispose' };

/** Memory worker → main thread. */
export type MemoryResponse =
  | { type: 'ready'; backend: string; embedder: string | null; records: number }
  | { type: 'ingested'; requestId: number; ids: string[] }
  | { type: 'results'; requestId: number; hits: MemoryHit[]; searchMs: number; embedMs: number }
  | { type: 'records'; requestId: number; records: SerializedRecord[] }
  | { type: 'done'; requestId: number; changed: number }
  | { type: 'exported'; requestId: number; json: string }
  | { type: 'error'; requestId?: number; code: 'memory:import' | 'memory:model' | 'memory:storage' | 'memory:edit'; message: string };
