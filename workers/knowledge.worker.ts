/// <reference lib="webworker" />
/**
 * Knowledge worker: parsing (PDF via the self-hosted pdfjs-dist), chunking, USE-Lite embeddings
 * (the same model as memory), IndexedDB and hybrid search run here, off the main thread. Thin
 * adapter: each message calls KnowledgeService and posts a typed reply. Degrades to keyword-only
 * search when the embedding model cannot load.
 */
import { loadUseLiteBrowser } from '../lib/memory/embedder-browser';
import type { Embedder } from '../lib/memory/embedder';
import { KnowledgeDb } from '../lib/knowledge/db';
import type { PdfJsLike } from '../lib/knowledge/parse-pdf';
import type { KnowledgeRequest, KnowledgeResponse } from '../lib/knowledge/protocol';
import { KnowledgeService } from '../lib/knowledge/service';
import { KnowledgeError } from '../lib/knowledge/types';

declare const self: DedicatedWorkerGlobalScope;

let service: KnowledgeService | null = null;
let embedder: Embedder | null = null;
let pdfWorkerUrl = '/vendor/pdfjs/pdf.worker.min.mjs';
let started: Promise<void> | null = null;
// Writes run one at a time; searches do not wait behind a long indexing job.
let writes: Promise<void> = Promise.resolve();

function post(message: KnowledgeResponse): void {
  self.postMessage(message);
}

async function loadPdf(): Promise<PdfJsLike> {
  // Loaded from the self-hosted copy (scripts/copy-vendor.mjs), not bundled.
  const url = pdfWorkerUrl.replace(/pdf\.worker\.min\.mjs$/, 'pdf.min.mjs');
  const pdfjs = (await import(/* webpackIgnore: true */ url)) as PdfJsLike & { GlobalWorkerOptions: { workerSrc: string } };
  pdfjs.GlobalWorkerOptions.workerSrc = pdfWorkerUrl;
  return pdfjs;
}

function fail(requestId: number | undefined, error: unknown): void {
  if (error instanceof KnowledgeError) post({ type: 'error', requestId, code: error.code, message: error.message });
  else post({ type: 'error', requestId, code: 'knowledge:storage', message: String(error instanceof Error ? error.message : error) });
}

async function start(message: Extract<KnowledgeRequest, { type: 'init' }>): Promise<void> {
  pdfWorkerUrl = message.pdfWorkerUrl;
  try {
    embedder = await loadUseLiteBrowser(message.modelBaseUrl, message.wasmBaseUrl);
    await embedder.embed(['warm up']);
  } catch (error) {
    embedder = null;
    post({ type: 'error', code: 'knowledge:model', message: `Embedding model unavailable, keyword search only: ${String(error)}` });
  }
  service = new KnowledgeService(await KnowledgeDb.open(), embedder, loadPdf);
  post({ type: 'ready', embedder: embedder?.id ?? null, backend: embedder?.backend ?? 'none' });
}

async function handle(message: KnowledgeRequest): Promise<void> {
  if (message.type === 'init') {
    started = start(message);
    return;
  }
  if (message.type === 'dispose') {
    embedder?.dispose();
    service = null;
    return;
  }
  await started;
  const knowledge = service;
  if (!knowledge) return post({ type: 'error', requestId: message.requestId, code: 'knowledge:storage', message: 'The knowledge store did not open.' });
  const { requestId } = message;
  const progress = (stage: 'reading' | 'embedding' | 'saving', fraction: number) => post({ type: 'progress', requestId, stage, fraction });
  const write = (job: () => Promise<void>) => {
    writes = writes.then(job).catch((error) => fail(requestId, error));
  };
  try {
    switch (message.type) {
      case 'search': {
        const { hits, searchMs, embedMs } = await knowledge.search(message.personaId, message.query, message.k);
        return post({ type: 'results', requestId, hits, searchMs, embedMs });
      }
      case 'list':
        return post({ type: 'docs', requestId, docs: await knowledge.list(message.personaId) });
      case 'preview': {
        const preview = await knowledge.preview(message.docId);
        return post({ type: 'preview', requestId, doc: preview?.doc ?? null, chunks: preview?.chunks ?? [] });
      }
      case 'add':
        return write(async () => {
          const doc = await knowledge.addFile(message.personaId, { name: message.name, mime: message.mime, bytes: new Uint8Array(message.bytes) }, { onProgress: progress });
          post({ type: 'added', requestId, doc });
        });
      case 'reindex':
        return write(async () => post({ type: 'added', requestId, doc: await knowledge.reindex(message.docId, progress) }));
      case 'delete':
        return write(async () => {
          await knowledge.remove(message.docId);
          post({ type: 'done', requestId });
        });
      case 'ensure-pack':
        return write(async () => {
          for (const file of message.files) {
            if (await knowledge.hasDoc(file.docId)) continue;
            const response = await fetch(file.url);
            if (!response.ok) throw new KnowledgeError('knowledge:storage', `${file.url}: HTTP ${response.status}`);
            const bytes = new Uint8Array(await response.arrayBuffer());
            await knowledge.addFile(message.personaId, { name: file.name, bytes, mime: response.headers.get('content-type') ?? '' }, { origin: 'pack', docId: file.docId });
          }
          post({ type: 'done', requestId });
        });
    }
  } catch (error) {
    fail(requestId, error);
  }
}

self.onmessage = (event: MessageEvent<KnowledgeRequest>) => {
  void handle(event.data);
};
