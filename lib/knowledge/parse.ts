import { KnowledgeError, type DocFormat, type ParsedDocument, type Section } from './types';

/** Largest file accepted, bytes (20 MiB): bigger files get 'knowledge:too-large' before any parsing. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Which parser a file needs, from its magic bytes, extension and MIME type; throws 'knowledge:unsupported'. */
export function detectFormat(fileName: string, bytes: Uint8Array, mime = ''): DocFormat {
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  const isPdfMagic = bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
  if (isPdfMagic) return 'pdf';
  if (ext === 'pdf' || mime === 'application/pdf') {
    throw new KnowledgeError('knowledge:parse', `${fileName} is named like a PDF but is not one (no %PDF header).`);
  }
  if (looksBinary(bytes)) throw new KnowledgeError('knowledge:unsupported', `${fileName} is not a text, Markdown, HTML or PDF file.`);
  if (ext === 'md' || ext === 'markdown' || mime === 'text/markdown') return 'markdown';
  if (ext === 'html' || ext === 'htm' || mime === 'text/html') return 'html';
  if (ext === 'txt' || ext === 'text' || ext === '' || mime.startsWith('text/')) return 'text';
  throw new KnowledgeError('knowledge:unsupported', `${fileName}: .${ext} files are not supported (use .txt, .md, .html or .pdf).`);
}

/** NUL bytes or many control characters in the first 4 KiB mean the file is not text. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** Decodes UTF-8 (with or without BOM); invalid sequences become U+FFFD rather than failing. */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/\r\n?/g, '\n');
}

function baseTitle(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[a-z0-9]+$/i, '').replace(/[-_]+/g, ' ').trim() || 'Untitled';
}

/** Plain text: one section; the title is the file name. */
export function parseText(text: string, fileName: string): ParsedDocument {
  return { title: baseTitle(fileName), format: 'text', sections: [{ path: [], text: text.trim() }] };
}

/** Inline Markdown to plain text: links keep their text, images and emphasis marks go. */
function stripInlineMarkdown(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__|\*|_|`)(?=\S)([^*_`]*?\S)\1/g, '$2')
    .replace(/^\s{0,3}>\s?/, '');
}

/** Markdown: ATX (#) and setext (===, ---) headings become the section path; the first H1 is the title. */
export function parseMarkdown(text: string, fileName: string): ParsedDocument {
  const sections: Section[] = [];
  const path: string[] = [];
  let title = '';
  let buffer: string[] = [];
  let inFence = false;
  const flush = () => {
    const body = buffer.join('\n').trim();
    if (body) sections.push({ path: [...path], text: body });
    buffer = [];
  };
  const heading = (level: number, raw: string) => {
    flush();
    const name = stripInlineMarkdown(raw.replace(/\s+#+\s*$/, '').trim());
    if (level === 1 && !title) {
      title = name;
      path.length = 0;
      return;
    }
    // The document title (first H1) is not repeated in every path.
    const depth = Math.max(0, level - 2);
    path.length = Math.min(path.length, depth);
    path.push(name);
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s{0,3}(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (!inFence) {
      const atx = /^\s{0,3}(#{1,6})\s+(.*)$/.exec(line);
      if (atx) {
        heading(atx[1].length, atx[2]);
        continue;
      }
      const next = lines[i + 1];
      if (line.trim() && next !== undefined && /^\s{0,3}(=+|-+)\s*$/.test(next) && !/^\s*[-*+]\s/.test(line) && !buffer.at(-1)?.trim()) {
        heading(next.trim().startsWith('=') ? 1 : 2, line);
        i++;
        continue;
      }
    }
    buffer.push(inFence ? line : stripInlineMarkdown(line));
  }
  flush();
  return { title: title || baseTitle(fileName), format: 'markdown', sections };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', copy: '©' };

/** Decodes named, decimal and hex HTML entities. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

const BLOCK_TAGS = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'tr', 'table', 'section', 'article', 'blockquote', 'pre', 'dt', 'dd', 'hr', 'figure', 'figcaption', 'main', 'header', 'footer']);
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav', 'head']);

/**
 * HTML without a DOM (workers have no DOMParser): a tag scanner keeps text, turns block tags into
 * line breaks and h1…h6 into the section path, and drops script, style, nav and head content.
 */
export function parseHtml(html: string, fileName: string): ParsedDocument {
  const titleMatch = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  let title = titleMatch ? decodeEntities(titleMatch[1].replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim() : '';
  const sections: Section[] = [];
  const path: string[] = [];
  let buffer = '';
  let headingLevel = 0;
  let headingText = '';
  let skipping: string | null = null;
  const flush = () => {
    const body = buffer.replace(/[ \t\f\v]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n').trim();
    if (body) sections.push({ path: [...path], text: body });
    buffer = '';
  };
  const tagPattern = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>|([^<]+)|</g;
  for (let m = tagPattern.exec(html); m; m = tagPattern.exec(html)) {
    const [whole, closing, rawTag, , text] = m;
    if (whole.startsWith('<!--')) continue;
    if (text !== undefined || whole === '<') {
      if (skipping) continue;
      const decoded = decodeEntities(text ?? '<');
      if (headingLevel) headingText += decoded;
      else buffer += decoded;
      continue;
    }
    const tag = rawTag.toLowerCase();
    if (skipping) {
      if (closing && tag === skipping) skipping = null;
      continue;
    }
    if (!closing && SKIPPED_TAGS.has(tag) && !whole.endsWith('/>')) {
      skipping = tag;
      continue;
    }
    const level = /^h([1-6])$/.exec(tag);
    if (level) {
      if (!closing) {
        flush();
        headingLevel = Number(level[1]);
        headingText = '';
      } else if (headingLevel) {
        const name = headingText.replace(/\s+/g, ' ').trim();
        if (name) {
          if (headingLevel === 1 && !title) title = name;
          else if (headingLevel === 1 && name === title) path.length = 0;
          else {
            path.length = Math.min(path.length, Math.max(0, headingLevel - 2));
            path.push(name);
          }
        }
        headingLevel = 0;
      }
      continue;
    }
    if (BLOCK_TAGS.has(tag)) {
      if (headingLevel) headingText += ' ';
      else if (tag === 'li') buffer += closing ? '' : '\n- ';
      else buffer += '\n';
    }
  }
  flush();
  return { title: title || baseTitle(fileName), format: 'html', sections };
}
