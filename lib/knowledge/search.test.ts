import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createHashEmbedder } from '../memory/embedder';
import { KnowledgeDb } from './db';
import type { PdfJsLike } from './parse-pdf';
import { KnowledgeIndex } from './search-index';
import { KnowledgeService } from './service';
import { KnowledgeError } from './types';

const loadPdf = async () => (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJsLike;
const encode = (text: string) => new TextEncoder().encode(text);
let dbCount = 0;
async function freshService() {
  const db = await KnowledgeDb.open({ name: `kin-knowledge-test-${++dbCount}` });
  return new KnowledgeService(db, createHashEmbedder(256), loadPdf);
}

function unit(values: number[], dim = 32): Float32Array {
  const v = new Float32Array(dim);
  values.forEach((x, i) => (v[i] = x));
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

describe('KnowledgeIndex ranking', () => {
  it('ranks by cosine when there are no shared words, best first, k respected', () => {
    const index = new KnowledgeIndex(32);
    index.add('a', 'alpha', unit([1, 0, 0]));
    index.add('b', 'beta', unit([0.8, 0.6, 0]));
    index.add('c', 'gamma', unit([0, 0, 1]));
    const hits = index.search('', unit([1, 0.1, 0]), 2);
    expect(hits.map((h) => index.idAt(h.row))).toEqual(['a', 'b']);
    expect(hits[0].score).toBeGreaterThan(hits[1].score);
    expect(hits[0].vectorScore / 0.6).toBeCloseTo(0.995, 1);
  });

  it('a rare keyword match lifts a chunk above a slightly closer vector', () => {
    const index = new KnowledgeIndex(32);
    index.add('close', 'general notes about the day', unit([1, 0.05, 0]));
    index.add('keyword', 'the pomodoro technique uses timers', unit([1, 0.3, 0]));
    const [top] = index.search('pomodoro', unit([1, 0, 0]), 1);
    expect(index.idAt(top.row)).toBe('keyword');
    expect(top.keywordScore).toBeCloseTo(0.4, 5);
  });

  it('keyword-only search works without vectors, and removed chunks never come back (through compaction too)', () => {
    const index = new KnowledgeIndex(32);
    for (let i = 0; i < 300; i++) index.add(`n${i}`, `note ${i} about ${i % 2 ? 'tea' : 'coffee'}`, null);
    for (let i = 0; i < 200; i++) index.remove(`n${i}`);
    expect(index.size).toBe(100);
    const hits = index.search('coffee', null, 1000);
    expect(hits.length).toBe(100);
    const ids = hits.filter((h) => h.keywordScore > 0).map((h) => index.idAt(h.row));
    expect(ids.length).toBe(50);
    expect(ids.every((id) => Number(id.slice(1)) >= 200 && Number(id.slice(1)) % 2 === 0)).toBe(true);
  });

  it('matches a brute-force float ranking on random data (int8 error stays below ranking noise)', () => {
    const dim = 64;
    const index = new KnowledgeIndex(dim, 16);
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
    const vectors: Float32Array[] = [];
    for (let i = 0; i < 500; i++) {
      const v = unit(Array.from({ length: dim }, random), dim);
      vectors.push(v);
      index.add(`r${i}`, '', v);
    }
    const query = unit(Array.from({ length: dim }, random), dim);
    const exact = vectors.map((v, i) => ({ i, s: v.reduce((sum, x, j) => sum + x * query[j], 0) })).sort((a, b) => b.s - a.s).slice(0, 10).map((x) => `r${x.i}`);
    const got = index.search('', query, 10).map((h) => index.idAt(h.row));
    expect(got.slice(0, 3)).toEqual(exact.slice(0, 3));
    expect(got.filter((id) => exact.includes(id)).length).toBeGreaterThanOrEqual(9);
  });

  it('the sign-bit shortlist (large indexes) finds the same best rows as the exact scan', () => {
    const dim = 128;
    const exactIndex = new KnowledgeIndex(dim, 16, { exactBelow: Infinity });
    const shortlisted = new KnowledgeIndex(dim, 16, { exactBelow: 0 });
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
    for (let i = 0; i < 3000; i++) {
      const v = unit(Array.from({ length: dim }, random), dim);
      const text = i % 50 === 0 ? 'rare lighthouse keeper' : 'common words here';
      exactIndex.add(`r${i}`, text, v);
      shortlisted.add(`r${i}`, text, v);
    }
    let agree = 0;
    for (let t = 0; t < 20; t++) {
      const query = unit(Array.from({ length: dim }, random), dim);
      const exact = exactIndex.search('lighthouse', query, 5).map((h) => exactIndex.idAt(h.row));
      const fast = shortlisted.search('lighthouse', query, 5).map((h) => shortlisted.idAt(h.row));
      expect(fast[0]).toBe(exact[0]);
      agree += fast.filter((id) => exact.includes(id)).length;
    }
    expect(agree / 100).toBeGreaterThanOrEqual(0.95);
  });
});

describe('KnowledgeService', { timeout: 30_000 }, () => {
  const winter = '# Staying well in winter\n\n## Heating\n\nKeep your living room at 18 degrees or warmer during the day.\n\n## Food\n\nHot meals and warm drinks help you keep warm.\n';
  const study = '# Study techniques\n\n## Spaced repetition\n\nReview material after one day, then three days, then a week.\n';

  it('stores per persona, searches with section and title, and survives a reload from IndexedDB', async () => {
    const service = await freshService();
    const doc = await service.addFile('friend', { name: 'winter.md', bytes: encode(winter) });
    await service.addFile('study', { name: 'study.md', bytes: encode(study) });
    expect(doc).toMatchObject({ title: 'Staying well in winter', chunks: 2, format: 'markdown', embedder: 'hash-trigram-256' });
    const { hits } = await service.search('friend', 'what temperature should my living room be?', 3);
    expect(hits[0]).toMatchObject({ title: 'Staying well in winter', section: 'Heating', docId: doc.id, chunkId: `${doc.id}#0` });
    expect(hits.every((h) => h.docId === doc.id)).toBe(true);
    // A new service over the same database sees the same documents.
    const reopened = new KnowledgeService(await KnowledgeDb.open({ name: `kin-knowledge-test-${dbCount}` }), createHashEmbedder(256), loadPdf);
    expect((await reopened.list('friend')).map((d) => d.title)).toEqual(['Staying well in winter']);
    expect((await reopened.search('study', 'when should I review?', 1)).hits[0].section).toBe('Spaced repetition');
  });

  it('a broken file fails alone: nothing stored, other documents still searchable', async () => {
    const service = await freshService();
    await service.addFile('friend', { name: 'winter.md', bytes: encode(winter) });
    await expect(service.addFile('friend', { name: 'broken.pdf', bytes: encode('%PDF-1.4 garbage') })).rejects.toBeInstanceOf(KnowledgeError);
    expect((await service.list('friend')).length).toBe(1);
    expect((await service.search('friend', 'hot meals', 1)).hits[0].section).toBe('Food');
  });

  it('re-index keeps the id, delete removes chunks from search and storage', async () => {
    const service = await freshService();
    const doc = await service.addFile('friend', { name: 'winter.md', bytes: encode(winter) });
    const again = await service.reindex(doc.id);
    expect(again.id).toBe(doc.id);
    expect((await service.search('friend', 'heating', 10)).hits.length).toBe(2);
    expect((await service.preview(doc.id))?.chunks.map((c) => c.section)).toEqual(['Heating', 'Food']);
    await service.remove(doc.id);
    expect((await service.search('friend', 'heating', 10)).hits).toEqual([]);
    expect(await service.preview(doc.id)).toBeNull();
    expect(await service.list('friend')).toEqual([]);
  });
});
