import { describe, expect, it } from 'vitest';
import { chunkSections } from './chunk';
import { buildChunks, parseDocument } from './ingest';
import { MAX_FILE_BYTES } from './parse';
import type { PdfJsLike } from './parse-pdf';
import { makePdf } from './test-pdf';
import { KnowledgeError } from './types';

const loadPdf = async () => (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJsLike;
const file = (name: string, text: string | Uint8Array, mime?: string) => ({ name, bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text, mime });

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return (error as KnowledgeError).code;
  }
  return 'no error';
}

describe('parsing keeps structure', { timeout: 30_000 }, () => {
  it('Markdown: the first H1 is the title, deeper headings become the section path', async () => {
    const md = '# Winter Wellness\n\nIntro text.\n\n## Heating\n\nKeep **warm** at [18 degrees](http://x).\n\n### At night\n\nUse a hot water bottle.\n\n## Food\n\nEat hot meals.\n\nSetext heading\n--------------\n\nUnder setext.\n';
    const doc = await parseDocument(file('w.md', md), loadPdf);
    expect(doc.title).toBe('Winter Wellness');
    expect(doc.sections.map((s) => [s.path.join('/'), s.text])).toEqual([
      ['', 'Intro text.'],
      ['Heating', 'Keep warm at 18 degrees.'],
      ['Heating/At night', 'Use a hot water bottle.'],
      ['Food', 'Eat hot meals.'],
      ['Setext heading', 'Under setext.'],
    ]);
  });

  it('HTML: headings to paths, scripts and nav dropped, entities decoded', async () => {
    const html = '<html><head><title>Study &amp; Learn</title><style>p{}</style></head><body><nav>Home | About</nav><h1>Study &amp; Learn</h1><p>Intro.</p><h2>Spacing</h2><p>Review after 1&nbsp;day,<br>then 3 days.</p><script>alert("x")</script><h3>Flashcards</h3><ul><li>One</li><li>Two</li></ul></body></html>';
    const doc = await parseDocument(file('s.html', html), loadPdf);
    expect(doc.title).toBe('Study & Learn');
    expect(doc.sections.map((s) => s.path.join('/'))).toEqual(['', 'Spacing', 'Spacing/Flashcards']);
    expect(doc.sections[1].text).toBe('Review after 1 day,\nthen 3 days.');
    expect(doc.sections[2].text).toBe('- One\n- Two');
    expect(doc.sections.map((s) => s.text).join(' ')).not.toMatch(/alert|Home \| About|p\{\}/);
  });

  it('plain text: the file name is the title', async () => {
    const doc = await parseDocument(file('my_notes.txt', 'Line one.\n\nLine two.'), loadPdf);
    expect(doc.title).toBe('my notes');
    expect(doc.sections).toEqual([{ path: [], text: 'Line one.\n\nLine two.' }]);
  });

  it('PDF: a real generated PDF gives its title, larger lines become sections, pages are read', async () => {
    const pdf = makePdf([[20, 'Winter Wellness'], [11, 'Stay warm and eat well.'], [16, 'Heating'], [11, 'Keep the living room at 18 degrees or more.'], [11, '\f'], [16, 'Food'], [11, 'Hot meals and warm drinks help.']], 'Winter leaflet');
    const doc = await parseDocument(file('winter.pdf', pdf), loadPdf);
    expect(doc.format).toBe('pdf');
    expect(doc.title).toBe('Winter leaflet');
    expect(doc.sections.map((s) => [s.path.join('/'), s.text])).toEqual([
      ['Page 1', 'Stay warm and eat well.'],
      ['Heating', 'Keep the living room at 18 degrees or more.'],
      ['Food', 'Hot meals and warm drinks help.'],
    ]);
  });
});

describe('bad and huge files get a typed error', { timeout: 30_000 }, () => {
  it.each([
    ['a truncated PDF', 'broken.pdf', makePdf([[11, 'Hello']]).slice(0, 60), 'knowledge:parse'],
    ['a .pdf that is not a PDF', 'fake.pdf', new TextEncoder().encode('just text'), 'knowledge:parse'],
    ['a binary file', 'photo.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0, 1, 2, 3]), 'knowledge:unsupported'],
    ['an unknown extension', 'sheet.xlsx', new TextEncoder().encode('a,b'), 'knowledge:unsupported'],
    ['an empty file', 'empty.txt', new Uint8Array(0), 'knowledge:empty'],
    ['only whitespace', 'blank.md', new TextEncoder().encode('# \n\n   \n'), 'knowledge:empty'],
  ])('%s', async (_label, name, bytes, code) => {
    const parsing = parseDocument(file(name, bytes), loadPdf).then((doc) => buildChunks(doc, 'd', 'p'));
    expect(await errorCode(parsing)).toBe(code);
  });

  it('a file over the size limit is refused before parsing', async () => {
    const huge = new Uint8Array(MAX_FILE_BYTES + 1).fill(97);
    expect(await errorCode(parseDocument(file('huge.txt', huge), loadPdf))).toBe('knowledge:too-large');
  });

  it('a document with too many chunks is refused', () => {
    const text = Array.from({ length: 50 }, (_, i) => `Paragraph ${i} ${'word '.repeat(40)}`).join('\n\n');
    expect(() => chunkSections([{ path: [], text }], { maxChars: 300, overlapChars: 0, maxChunks: 10 })).toThrow(/more than 10 chunks/);
  });
});

describe('chunking', () => {
  const sentence = (i: number) => `Sentence number ${i} says something useful about the topic.`;
  it('respects the size limit, overlaps within a section and never crosses headings', () => {
    const long = Array.from({ length: 40 }, (_, i) => sentence(i)).join(' ');
    const chunks = chunkSections([{ path: ['A'], text: long }, { path: ['B'], text: 'Short one.' }], { maxChars: 300, overlapChars: 60 });
    const inA = chunks.filter((c) => c.section[0] === 'A');
    expect(inA.length).toBeGreaterThan(5);
    for (const c of inA) expect(c.text.length).toBeLessThanOrEqual(300 + 60 + 2);
    for (let i = 1; i < inA.length; i++) {
      const previousEnd = inA[i - 1].text.slice(-20);
      expect(inA[i].text.slice(0, 80)).toContain(previousEnd.slice(-10));
    }
    expect(chunks.at(-1)).toEqual({ section: ['B'], text: 'Short one.' });
    // Every sentence survives somewhere.
    const all = inA.map((c) => c.text).join(' ');
    for (let i = 0; i < 40; i++) expect(all).toContain(`number ${i} says`);
  });

  it('splits a word longer than the limit instead of producing a huge chunk', () => {
    const chunks = chunkSections([{ path: [], text: 'x'.repeat(1000) }], { maxChars: 300, overlapChars: 0 });
    expect(chunks.map((c) => c.text.length)).toEqual([300, 300, 300, 100]);
  });

  it('gives chunks stable ids in document order', async () => {
    const doc = await parseDocument(file('a.md', '# T\n\n## One\n\nFirst.\n\n## Two\n\nSecond.'), loadPdf);
    expect(buildChunks(doc, 'doc1', 'study').map((c) => [c.id, c.section.join('/'), c.text])).toEqual([
      ['doc1#0', 'One', 'First.'],
      ['doc1#1', 'Two', 'Second.'],
    ]);
  });
});
