import { KnowledgeError, type Section } from './types';

export interface ChunkOptions {
  /** Longest chunk, characters (a USE-Lite input of ~150 words). */
  maxChars: number;
  /** Characters of the previous chunk's end repeated at the start of the next one in a section. */
  overlapChars: number;
  /** Most chunks per document; more gives 'knowledge:too-large'. */
  maxChunks: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { maxChars: 900, overlapChars: 150, maxChunks: 5000 };

/** A chunk before it is given ids: its heading path and text. */
export interface ChunkDraft {
  section: string[];
  text: string;
}

/** Splits text into sentences (keeps the end punctuation). */
export function splitSentences(text: string): string[] {
  return text.match(/[^.!?…]+(?:[.!?…]+["”’)]?|$)\s*/g)?.map((s) => s) ?? [text];
}

/** Breaks one piece longer than maxChars at sentence ends, then at spaces, then anywhere. */
function splitLong(piece: string, maxChars: number): string[] {
  if (piece.length <= maxChars) return [piece];
  const out: string[] = [];
  let current = '';
  for (const sentence of splitSentences(piece)) {
    if (current && current.length + sentence.length > maxChars) {
      out.push(current);
      current = '';
    }
    if (sentence.length > maxChars) {
      for (const word of sentence.split(/(?<=\s)/)) {
        if (current.length + word.length > maxChars) {
          if (current) out.push(current);
          current = '';
          for (let i = 0; i + maxChars < word.length; i += maxChars) out.push(word.slice(i, i + maxChars));
          current = word.slice(Math.floor(word.length / maxChars) * maxChars);
          continue;
        }
        current += word;
      }
    } else current += sentence;
  }
  if (current) out.push(current);
  return out.map((s) => s.trim()).filter(Boolean);
}

/** The end of a chunk to repeat at the start of the next one, cut at a word boundary. */
function overlapTail(text: string, overlapChars: number): string {
  if (overlapChars <= 0 || text.length <= overlapChars) return '';
  const tail = text.slice(text.length - overlapChars);
  const space = tail.indexOf(' ');
  return space >= 0 ? tail.slice(space + 1) : tail;
}

/**
 * Packs each section's paragraphs into chunks of at most maxChars (plus the overlap), never across
 * a heading, so every chunk has one heading path. Throws 'knowledge:empty' when there is no text
 * and 'knowledge:too-large' past maxChunks.
 */
export function chunkSections(sections: readonly Section[], options: Partial<ChunkOptions> = {}): ChunkDraft[] {
  const { maxChars, overlapChars, maxChunks } = { ...DEFAULT_CHUNK_OPTIONS, ...options };
  const chunks: ChunkDraft[] = [];
  const push = (section: string[], text: string) => {
    if (chunks.length >= maxChunks) {
      throw new KnowledgeError('knowledge:too-large', `The document has more than ${maxChunks} chunks (about ${Math.round((maxChunks * maxChars) / 1000)} thousand characters of text); split it into smaller files.`);
    }
    chunks.push({ section, text });
  };
  for (const section of sections) {
    const paragraphs = section.text.split(/\n\s*\n/).map((p) => p.replace(/[ \t]+/g, ' ').trim()).filter(Boolean);
    let current = '';
    let hasNew = false;
    for (const paragraph of paragraphs) {
      for (const piece of splitLong(paragraph, maxChars)) {
        if (current && current.length + piece.length + 2 > maxChars + overlapChars) {
          push(section.path, current);
          const tail = overlapTail(current, overlapChars);
          current = tail ? `${tail}\n\n${piece}` : piece;
        } else current = current ? `${current}\n\n${piece}` : piece;
        hasNew = true;
      }
    }
    if (current && hasNew) push(section.path, current);
  }
  if (chunks.length === 0) throw new KnowledgeError('knowledge:empty', 'The document has no readable text.');
  return chunks;
}
