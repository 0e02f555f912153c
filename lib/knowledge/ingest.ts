import { chunkSections, type ChunkOptions } from './chunk';
import { decodeText, detectFormat, MAX_FILE_BYTES, parseHtml, parseMarkdown, parseText } from './parse';
import { parsePdf, type PdfJsLike } from './parse-pdf';
import { KnowledgeError, type KnowledgeChunk, type ParsedDocument } from './types';

/** A file as it arrives from an <input>, a drop or a pack. */
export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
  mime?: string;
}

/** Parses any supported file; every failure is a KnowledgeError with a code and a sentence. */
export async function parseDocument(file: IncomingFile, loadPdf: () => Promise<PdfJsLike>, onProgress?: (fraction: number) => void): Promise<ParsedDocument> {
  if (file.bytes.byteLength > MAX_FILE_BYTES) {
    throw new KnowledgeError('knowledge:too-large', `${file.name} is ${(file.bytes.byteLength / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB.`);
  }
  if (file.bytes.byteLength === 0) throw new KnowledgeError('knowledge:empty', `${file.name} is empty.`);
  const format = detectFormat(file.name, file.bytes, file.mime);
  if (format === 'pdf') {
    let pdfjs: PdfJsLike;
    try {
      pdfjs = await loadPdf();
    } catch (error) {
      throw new KnowledgeError('knowledge:parse', `The PDF reader could not start: ${String(error)}`, { cause: error });
    }
    return parsePdf(pdfjs, file.bytes, file.name, (page, pages) => onProgress?.(page / pages));
  }
  const text = decodeText(file.bytes);
  if (format === 'markdown') return parseMarkdown(text, file.name);
  if (format === 'html') return parseHtml(text, file.name);
  return parseText(text, file.name);
}

/** Section path as shown to people and the brain: "Winter › Heating". */
export function sectionLabel(section: readonly string[]): string {
  return section.join(' › ');
}

/** Chunks a parsed document and gives each chunk its id (`docId#ordinal`). */
export function buildChunks(parsed: ParsedDocument, docId: string, personaId: string, options?: Partial<ChunkOptions>): KnowledgeChunk[] {
  return chunkSections(parsed.sections, options).map((draft, ordinal) => ({
    id: `${docId}#${ordinal}`,
    docId,
    personaId,
    ordinal,
    section: draft.section,
    text: draft.text,
  }));
}

/** What is embedded and keyword-indexed for a chunk: title and headings give it context. */
export function searchableText(title: string, chunk: Pick<KnowledgeChunk, 'section' | 'text'>): string {
  return `${title}${chunk.section.length ? ` — ${sectionLabel(chunk.section)}` : ''}\n${chunk.text}`;
}
