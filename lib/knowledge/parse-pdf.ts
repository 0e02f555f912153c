import { KnowledgeError, type ParsedDocument, type Section } from './types';

/** The slice of pdfjs-dist used here (its legacy build in Node, the modern one in browsers). */
export interface PdfJsLike {
  getDocument(source: { data: Uint8Array; isEvalSupported?: boolean; useSystemFonts?: boolean; disableFontFace?: boolean; stopAtErrors?: boolean; verbosity?: number }): {
    promise: Promise<PdfDocumentLike>;
    destroy(): Promise<void>;
  };
}

interface PdfDocumentLike {
  numPages: number;
  getMetadata(): Promise<{ info?: unknown }>;
  getPage(n: number): Promise<{ getTextContent(): Promise<{ items: unknown[] }>; cleanup(): void }>;
}

interface TextRun {
  str: string;
  height: number;
  hasEOL: boolean;
}

/** Most pages read from one PDF; a longer one gets 'knowledge:too-large'. */
export const MAX_PDF_PAGES = 2000;

function isTextRun(item: unknown): item is TextRun {
  return typeof item === 'object' && item !== null && typeof (item as TextRun).str === 'string';
}

/**
 * PDF text through pdfjs-dist: lines are rebuilt from text runs, and a short line set clearly
 * larger than the body text (≥ 1.25× the height that carries most characters) starts a section, so headings survive.
 * Pages without such headings fall under "Page N". Encrypted or broken files → 'knowledge:parse'.
 */
export async function parsePdf(pdfjs: PdfJsLike, bytes: Uint8Array, fileName: string, onPage?: (page: number, pages: number) => void): Promise<ParsedDocument> {
  // pdfjs transfers (detaches) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 });
  let doc: PdfDocumentLike;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new KnowledgeError('knowledge:parse', `${fileName} could not be read as a PDF (${reason}).`, { cause: error });
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) throw new KnowledgeError('knowledge:too-large', `${fileName} has ${doc.numPages} pages; at most ${MAX_PDF_PAGES} are read.`);
    const info = (await doc.getMetadata().catch(() => ({ info: undefined }))).info as { Title?: unknown } | undefined;
    const pages: { lines: { text: string; height: number }[] }[] = [];
    // Body text size: the run height that carries the most characters.
    const charsByHeight = new Map<number, number>();
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const lines: { text: string; height: number }[] = [];
      let text = '';
      let height = 0;
      for (const item of content.items) {
        if (!isTextRun(item)) continue;
        text += item.str;
        if (item.str.trim()) {
          height = Math.max(height, item.height);
          const h = Math.round(item.height * 10) / 10;
          charsByHeight.set(h, (charsByHeight.get(h) ?? 0) + item.str.length);
        }
        if (item.hasEOL) {
          if (text.trim()) lines.push({ text: text.trim(), height });
          text = '';
          height = 0;
        }
      }
      if (text.trim()) lines.push({ text: text.trim(), height });
      pages.push({ lines });
      page.cleanup();
      onPage?.(n, doc.numPages);
    }
    let bodyHeight = 0;
    let most = 0;
    for (const [h, chars] of charsByHeight) if (chars > most) [bodyHeight, most] = [h, chars];
    const sections: Section[] = [];
    let path: string[] = [];
    let firstHeading = '';
    pages.forEach((page, index) => {
      let body: string[] = [];
      let pagePath = path.length ? path : [`Page ${index + 1}`];
      const flush = () => {
        const text = body.join('\n').replace(/-\n(?=[a-z])/g, '').trim();
        if (text) sections.push({ path: [...pagePath], text });
        body = [];
      };
      for (const line of page.lines) {
        const isHeading = bodyHeight > 0 && line.height >= bodyHeight * 1.25 && line.text.length <= 120;
        if (isHeading) {
          flush();
          if (!firstHeading) {
            firstHeading = line.text;
            continue;
          }
          path = [line.text];
          pagePath = path;
        } else body.push(line.text);
      }
      // A blank line between pages keeps paragraphs apart.
      body.push('');
      flush();
    });
    const metaTitle = typeof info?.Title === 'string' ? info.Title.trim() : '';
    const title = metaTitle || firstHeading || fileName.replace(/^.*[\\/]/, '').replace(/\.pdf$/i, '');
    return { title, format: 'pdf', sections };
  } finally {
    await task.destroy().catch(() => {});
  }
}
