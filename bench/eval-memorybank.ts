// MemoryBank (English) probe: ingests each user's chat history through the real write path (one
// MemorySpace per user, each day a session at its own date), then retrieves the evidence records
// for every probing question and writes them for review. When a hand-labelled gold file is given,
// it also counts how many questions have a right record among the evidence shown.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MemorySpace } from '../lib/memory/space';
import { loadBenchEmbedder } from './memory/embed-cache';

interface Exchange { query?: string; response?: string }
interface User { name: string; history: Record<string, Exchange[]> }

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const dataDir = arg('data', '../shared/data/memory_bench/memorybank_en') as string;
const outFile = arg('out', 'bench/out/memorybank-evidence.json') as string;
const goldFile = arg('gold', 'bench/memory/memorybank-gold.json') as string;
const cacheFile = arg('embed-cache');
const shown = Number(arg('k', '5'));
const COMPANION = 'Companion';

const users = JSON.parse(readFileSync(join(dataDir, 'memory_bank_en.json'), 'utf8')) as Record<string, User>;
const probes = new Map<string, string[]>();
for (const line of readFileSync(join(dataDir, 'probing_questions_en.jsonl'), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  for (const [name, questions] of Object.entries(JSON.parse(line) as Record<string, string[]>)) probes.set(name.trim(), questions);
}
const gold: Record<string, string[]> = existsSync(goldFile) ? JSON.parse(readFileSync(goldFile, 'utf8')) : {};

const { embedder, save: saveEmbedCache } = await loadBenchEmbedder('eval-memorybank: USE-Lite not found; using the hash embedder', cacheFile);

/** "2023-04-28#3" for the 4th exchange of that day: the unit a hand label names. */
const exchangeOf = (turnId: string) => turnId.replace(/\/(user|ai)$/, '');
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** The ISO day a question names ("On May 4th, …"), in the year of the history, or null. */
function namedDay(question: string, year: number): string | null {
  const m = new RegExp(`\\b(${MONTHS.join('|')})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, 'i').exec(question);
  return m ? `${year}-${String(MONTHS.indexOf(m[1].toLowerCase()) + 1).padStart(2, '0')}-${m[2].padStart(2, '0')}` : null;
}

const report: { key: string; user: string; question: string; gold?: string[]; evidence: { turnIds: string[]; day: string; speaker: string; quote: string; score: number }[] }[] = [];
let turns = 0;
let exchanges = 0;
let ingestMs = 0;
for (const [rawName, user] of Object.entries(users)) {
  // Some keys carry stray spaces (" Ivy "); the user's own name field does not.
  const name = (user.name || rawName).trim();
  const space = new MemorySpace(name, embedder);
  const started = performance.now();
  const days = Object.keys(user.history).sort();
  for (const day of days) {
    user.history[day].forEach((exchange, i) => {
      exchanges++;
      const at = Date.parse(`${day}T12:00:00Z`) + i * 120_000;
      for (const [speaker, text, suffix, offset] of [[name, exchange.query, 'user', 0], [COMPANION, exchange.response, 'ai', 60_000]] as const) {
        if (!text) continue;
        turns++;
        space.ingestTurn({ spaceId: name, sessionId: day, turnId: `${day}#${i}/${suffix}`, speaker, text, at: new Date(at + offset) });
      }
    });
  }
  await space.flushEmbeddings();
  ingestMs += performance.now() - started;
  const questions = probes.get(name) ?? [];
  const vectors = await embedder.embed(questions);
  const now = Date.parse(`${days[days.length - 1]}T12:00:00Z`) + 86_400_000;
  questions.forEach((question, index) => {
    const key = `${name}#${index}`;
    const hits = space.search(question, vectors[index], { k: shown, now, tiers: ['episodic'] });
    report.push({
      key,
      user: name,
      question,
      ...(gold[key] ? { gold: gold[key] } : {}),
      evidence: hits.map((h) => ({ turnIds: h.record.provenance.turnIds, day: h.record.provenance.sessionId, speaker: h.record.provenance.speaker, quote: h.record.provenance.quote, score: +h.score.toFixed(3) })),
    });
  });
}
saveEmbedCache();

const supportedAt = (n: number) => report.filter((q) => q.gold && q.evidence.slice(0, n).some((e) => e.turnIds.some((t) => q.gold?.includes(exchangeOf(t))))).length;
const dated = report.map((q) => ({ q, day: namedDay(q.question, 2023) })).filter((x) => x.day);
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, JSON.stringify(report, null, 1));
console.log(
  JSON.stringify({
    users: Object.keys(users).length,
    exchanges,
    turns,
    questions: report.length,
    embedder: embedder.id,
    ingest_ms: Math.round(ingestMs),
    evidence_shown: shown,
    labelled_questions: report.filter((q) => q.gold).length,
    supported_at_1: supportedAt(1),
    supported_at_3: supportedAt(3),
    supported_at_shown: supportedAt(shown),
    dated_questions: dated.length,
    dated_top1_same_day: dated.filter((x) => x.q.evidence[0]?.day === x.day).length,
    dated_shown_same_day: dated.filter((x) => x.q.evidence.some((e) => e.day === x.day)).length,
    out: outFile,
  }),
);
