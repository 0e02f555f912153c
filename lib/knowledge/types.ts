/** Why a document could not be added; the UI maps each code to words. Nothing else is affected. */
export type KnowledgeErrorCode =
  | 'knowledge:too-large'
  | 'knowledge:unsupported'
  | 'knowledge:parse'
  | 'knowledge:empty'
  | 'knowledge:storage'
  | 'knowledge:model';

/** A typed failure of one knowledge operation (one file, one search). */
export class KnowledgeError extends Error {
  readonly code: KnowledgeErrorCode;
  constructor(code: KnowledgeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KnowledgeError';
    this.code = code;
  }
}

/** Supported document formats. */
export type DocFormat = 'text' | 'markdown' | 'html' | 'pdf';

/** A stretch of a document under one heading path (e.g. ["Winter", "Heating"]). */
export interface Section {
  path: string[];
  text: string;
}

/** A parsed document before chunking. */
export interface ParsedDocument {
  title: string;
  format: DocFormat;
  sections: Section[];
}

/** One searchable piece of a document. */
export interface KnowledgeChunk {
  /** `${docId}#${ordinal}` — stable while the document is not re-indexed with other settings. */
  id: string;
  docId: string;
  personaId: string;
  ordinal: number;
  /** Heading path inside the document, outermost first; empty when the document has no headings. */
  section: string[];
  text: string;
}

/** A stored document (its chunks live beside it). */
export interface KnowledgeDoc {
  id: string;
  personaId: string;
  title: string;
  fileName: string;
  format: DocFormat;
  bytes: number;
  chunks: number;
  addedAt: number;
  /** Where it came from: 'user' upload or the persona's built-in 'pack'. */
  origin: 'user' | 'pack';
  /** Embedding model that produced the stored vectors, or null (keyword search only). */
  embedder: string | null;
}

/** A search result as the brain and the UI see it. */
export interface KnowledgeHit {
  chunkId: string;
  docId: string;
  title: string;
  /** Heading path joined with " › ", or "" at top level. */
  section: string;
  text: string;
  /** Hybrid score, higher is better (0..1 for the cosine part plus the normalised BM25 part). */
  score: number;
}
