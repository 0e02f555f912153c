import type { MemoryRecord, Provenance } from './types';

/** The export file format. */
export interface MemoryExport {
  format: 'kin-memory';
  version: 1;
  exportedAt: string;
  records: SerializedRecord[];
}

/** A record as stored in JSON: the embedding as a plain number array. */
export type SerializedRecord = MemoryRecord extends infer R ? (R extends MemoryRecord ? Omit<R, 'embedding'> & { embedding: number[] | null } : never) : never;

/** Thrown when an import file does not match the schema; nothing has been changed. */
export class MemoryImportError extends Error {
  constructor(readonly path: string, message: string) {
    super(`Import file rejected at ${path}: ${message}. Nothing was changed.`);
    this.name = 'MemoryImportError';
  }
}

const LIMITS = { records: 200_000, text: 10_000, list: 1_000, embedding: 4_096 };
type Json = Record<string, unknown>;

function fail(path: string, message: string): never {
  throw new MemoryImportError(path, message);
}
function obj(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'expected an object');
  for (const key of Object.keys(value)) if (key === '__proto__' || key === 'constructor' || key === 'prototype') fail(`${path}.${key}`, 'forbidden key');
  return value as Json;
}
function str(value: unknown, path: string, max = LIMITS.text): string {
  if (typeof value !== 'string') fail(path, 'expected a string');
  if (value.length > max) fail(path, `longer than ${max} characters`);
  return value;
}
function num(value: unknown, path: string, min = -Infinity, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'expected a finite number');
  if (value < min || value > max) fail(path, `out of range ${min}..${max}`);
  return value;
}
function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'expected true or false');
  return value;
}
function arr<T>(value: unknown, path: string, item: (v: unknown, p: string) => T, max = LIMITS.list): T[] {
  if (!Array.isArray(value)) fail(path, 'expected an array');
  if (value.length > max) fail(path, `more than ${max} items`);
  return value.map((v, i) => item(v, `${path}[${i}]`));
}
const nullable = <T>(value: unknown, path: string, f: (v: unknown, p: string) => T): T | null => (value === null ? null : f(value, path));
const isoDay = (v: unknown, p: string) => {
  const s = str(v, p, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) fail(p, 'expected YYYY-MM-DD');
  return s;
};
const range = (v: unknown, p: string) => {
  const o = obj(v, p);
  return { start: isoDay(o.start, `${p}.start`), end: isoDay(o.end, `${p}.end`), phrase: str(o.phrase, `${p}.phrase`, 200) };
};
const provenance = (v: unknown, p: string): Provenance => {
  const o = obj(v, p);
  return {
    spaceId: str(o.spaceId, `${p}.spaceId`, 200),
    sessionId: str(o.sessionId, `${p}.sessionId`, 200),
    turnIds: arr(o.turnIds, `${p}.turnIds`, (x, q) => str(x, q, 200)),
    quote: str(o.quote, `${p}.quote`),
    speaker: str(o.speaker, `${p}.speaker`, 200),
    saidAt: num(o.saidAt, `${p}.saidAt`, 0),
    recordedAt: num(o.recordedAt, `${p}.recordedAt`, 0),
    ...(o.personaId === undefined ? {} : { personaId: str(o.personaId, `${p}.personaId`, 200) }),
  };
};
const history = (v: unknown, p: string) => {
  const o = obj(v, p);
  return { value: str(o.value, `${p}.value`), until: num(o.until, `${p}.until`, 0), provenance: provenance(o.provenance, `${p}.provenance`) };
};

/** Validates one record; returns a clean copy holding only known fields. */
export function validateRecord(value: unknown, path = 'record'): SerializedRecord {
  const o = obj(value, path);
  const tier = o.tier;
  if (tier !== 'episodic' && tier !== 'semantic' && tier !== 'procedural') fail(`${path}.tier`, 'expected episodic, semantic or procedural');
  const id = str(o.id, `${path}.id`, 200);
  if (!/^[\w:.-]+$/.test(id)) fail(`${path}.id`, 'unexpected characters');
  const base = {
    id,
    text: str(o.text, `${path}.text`),
    provenance: provenance(o.provenance, `${path}.provenance`),
    support: arr(o.support, `${path}.support`, provenance),
    importance: num(o.importance, `${path}.importance`, 0, 1),
    accessHistory: arr(o.accessHistory, `${path}.accessHistory`, (x, q) => num(x, q, 0)),
    decayScore: num(o.decayScore, `${path}.decayScore`, 0, 1),
    pinned: bool(o.pinned, `${path}.pinned`),
    sensitive: bool(o.sensitive, `${path}.sensitive`),
    sensitiveKinds: arr(o.sensitiveKinds, `${path}.sensitiveKinds`, (x, q) => str(x, q, 50)),
    archived: bool(o.archived, `${path}.archived`),
    entities: arr(o.entities, `${path}.entities`, (x, q) => str(x, q, 200)),
    dates: arr(o.dates, `${path}.dates`, range),
    embedding: nullable(o.embedding, `${path}.embedding`, (x, q) => arr(x, q, (n, r) => num(n, r, -1.0001, 1.0001), LIMITS.embedding)),
    embeddingModel: nullable(o.embeddingModel, `${path}.embeddingModel`, (x, q) => str(x, q, 100)),
    createdAt: num(o.createdAt, `${path}.createdAt`, 0),
    updatedAt: num(o.updatedAt, `${path}.updatedAt`, 0),
    // Optional (records written before scoping or edits existed have none).
    ...(o.onlyFor === undefined ? {} : { onlyFor: nullable(o.onlyFor, `${path}.onlyFor`, (x, q) => str(x, q, 200)) }),
    ...(o.edits === undefined
      ? {}
      : { edits: arr(o.edits, `${path}.edits`, (x, q) => { const e = obj(x, q); return { at: num(e.at, `${q}.at`, 0), previousText: str(e.previousText, `${q}.previousText`) }; }) }),
  };
  if (tier === 'episodic') {
    return {
      ...base,
      tier,
      what: str(o.what, `${path}.what`),
      who: arr(o.who, `${path}.who`, (x, q) => str(x, q, 200)),
      where: nullable(o.where, `${path}.where`, (x, q) => str(x, q, 200)),
      when: range(o.when, `${path}.when`),
      feeling: nullable(o.feeling, `${path}.feeling`, (x, q) => str(x, q, 100)),
    };
  }
  const hist = arr(o.history, `${path}.history`, history);
  if (tier === 'semantic') {
    return {
      ...base,
      tier,
      subject: str(o.subject, `${path}.subject`, 500),
      predicate: str(o.predicate, `${path}.predicate`, 500),
      value: str(o.value, `${path}.value`),
      confidence: num(o.confidence, `${path}.confidence`, 0, 1),
      firstConfirmed: num(o.firstConfirmed, `${path}.firstConfirmed`, 0),
      lastConfirmed: num(o.lastConfirmed, `${path}.lastConfirmed`, 0),
      supportingEpisodes: arr(o.supportingEpisodes, `${path}.supportingEpisodes`, (x, q) => str(x, q, 200)),
      history: hist,
    };
  }
  return { ...base, tier, rule: str(o.rule, `${path}.rule`, 500), value: str(o.value, `${path}.value`), history: hist };
}

/** Validates a whole export file (already parsed JSON); throws MemoryImportError on the first problem. */
export function validateExport(value: unknown): MemoryExport {
  const o = obj(value, '$');
  if (o.format !== 'kin-memory') fail('$.format', 'not a Kin memory export');
  if (o.version !== 1) fail('$.version', 'unsupported version');
  const records = arr(o.records, '$.records', validateRecord, LIMITS.records);
  const ids = new Set<string>();
  for (const r of records) {
    if (ids.has(r.id)) fail('$.records', `duplicate id ${r.id}`);
    ids.add(r.id);
  }
  return { format: 'kin-memory', version: 1, exportedAt: str(o.exportedAt, '$.exportedAt', 50), records };
}

/** Record → JSON-safe form. */
export function serializeRecord(record: MemoryRecord): SerializedRecord {
  return { ...record, embedding: record.embedding ? Array.from(record.embedding) : null };
}

/** JSON-safe form → record. */
export function deserializeRecord(record: SerializedRecord): MemoryRecord {
  return { ...record, embedding: record.embedding ? Float32Array.from(record.embedding) : null } as MemoryRecord;
}
