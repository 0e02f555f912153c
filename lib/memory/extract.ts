import type { Resolution } from './coref';
import type { TimeMention } from './time';

/** A fact or rule found in one turn, before merging with what is known. */
export type Candidate =
  | { tier: 'semantic'; subject: string; predicate: string; value: string; text: string; singleValued: boolean }
  | { tier: 'procedural'; rule: string; value: string; text: string };

const FEELINGS = /\b(happy|sad|excited|nervous|anxious|stressed|proud|angry|upset|tired|exhausted|lonely|grateful|scared|worried|thrilled|relieved|overwhelmed|frustrated|hopeful|heartbroken|amazing|awesome|great|terrible|awful|powerful)\b/i;
const IMPORTANT = /\b(remember|never forget|important|birthday|anniversary|wedding|funeral|died|passed away|born|diagnos\w*|interview|exam|promotion|married|engaged|pregnant|moved|graduat\w*|new job|adopt\w*)\b/i;

/** The feeling word in a turn, if any. */
export function feelingOf(text: string): string | null {
  return FEELINGS.exec(text)?.[1].toLowerCase() ?? null;
}

/** 0..1 importance of a turn: life events, people, plans, feelings, explicit "remember". */
export function importanceOf(text: string, entityCount: number, timeCount: number): number {
  let score = 0.2;
  if (IMPORTANT.test(text)) score += 0.35;
  if (FEELINGS.test(text)) score += 0.1;
  if (entityCount) score += Math.min(0.2, 0.1 * entityCount);
  if (timeCount) score += 0.1;
  if (/\bremember\b/i.test(text)) score += 0.2;
  if (text.length < 25) score -= 0.1;
  return Math.max(0, Math.min(1, score));
}

const clean = (s: string) => s.trim().replace(/[.,!?;:]+$/, '').replace(/\s+/g, ' ');

/** Rule-based extraction of semantic facts and procedural preferences from one user turn. */
export function extractCandidates(text: string, resolutions: readonly Resolution[], labelOf: (entityId: string) => string): Candidate[] {
  const out: Candidate[] = [];
  const add = (c: Candidate) => out.push(c);
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    let m: RegExpExecArray | null;
    if ((m = /\b(?:call me|my name is|i go by)\s+([A-Z][a-z]+)/i.exec(sentence))) {
      add({ tier: 'procedural', rule: 'name', value: m[1], text: `Call the user ${m[1]}` });
    }
    if ((m = /\b(?:i (?:prefer|like|want)|please (?:keep|give me)|keep)\b[^.]*?\b(short|shorter|brief|long|longer|detailed)\b[^.]*?\b(answers?|replies|responses?|it)\b/i.exec(sentence))) {
      const length = /short|brief/i.test(m[1]) ? 'short' : 'long';
      const when = /\bin the (morning|evening|afternoon)s?\b/i.exec(sentence)?.[1];
      add({ tier: 'procedural', rule: when ? `reply-length:${when}` : 'reply-length', value: length, text: `Prefers ${length} answers${when ? ` in the ${when}` : ''}` });
    }
    if ((m = /\b(?:please )?(?:don't|do not|never) (?:talk about|mention|bring up|ask (?:me )?about)\s+([^.!?]+)/i.exec(sentence))) {
      add({ tier: 'procedural', rule: `avoid:${clean(m[1]).toLowerCase()}`, value: clean(m[1]), text: `Don't bring up ${clean(m[1])}` });
    }
    if ((m = /^\s*(?:doing |a |the )?([a-z][a-z ]{2,40}?) (?:really )?helps? (?:me )?((?:when|before|after|during|with|to|if)\b[^.!?]*)?/i.exec(sentence)) && !/^(it|that|this|he|she|they|who|what)\b/i.test(m[1])) {
      add({ tier: 'procedural', rule: `helps:${clean(m[1]).toLowerCase()}`, value: clean(`${m[1]}${m[2] ? ' — ' + m[2] : ''}`), text: `${clean(m[1])} helps${m[2] ? ' ' + clean(m[2]) : ''}` });
    }
    if ((m = /\bi(?: am|'m) (?:working as |employed as )?an? ([a-z]+(?: [a-z]+)?) (?:by profession|for a living)\b/i.exec(sentence)) || (m = /\bi work as an? ([a-z]+(?: [a-z]+)?)/i.exec(sentence))) {
      add({ tier: 'semantic', subject: 'user', predicate: 'works as', value: clean(m[1]), text: `Works as a ${clean(m[1])}`, singleValued: true });
    }
    if ((m = /\bi (?:live|moved) (?:in|to) ([A-Z][\w ]+)/.exec(sentence))) {
      add({ tier: 'semantic', subject: 'user', predicate: 'lives in', value: clean(m[1]), text: `Lives in ${clean(m[1])}`, singleValued: true });
    }
    if ((m = /\bmy fav(?:ou?rite)? ([a-z]+(?: [a-z]+)?) is ([^.!?,]+)/i.exec(sentence))) {
      add({ tier: 'semantic', subject: 'user', predicate: `favourite ${m[1].toLowerCase()}`, value: clean(m[2]), text: `Favourite ${m[1].toLowerCase()}: ${clean(m[2])}`, singleValued: true });
    }
    if ((m = /\bi(?: am|'m) (\d{1,3}) (?:years old|now)\b/i.exec(sentence))) {
      add({ tier: 'semantic', subject: 'user', predicate: 'age', value: m[1], text: `Is ${m[1]} years old`, singleValued: true });
    }
    if ((m = /\bi (?:have|got) an? (dog|cat|puppy|kitten|pet \w+) (?:named|called) ([A-Z][a-z]+)/i.exec(sentence))) {
      add({ tier: 'semantic', subject: m[2], predicate: "is the user's", value: m[1].toLowerCase(), text: `${m[2]} is the user's ${m[1].toLowerCase()}`, singleValued: true });
    }
    if ((m = /\bi (?:love|really like|enjoy|hate|can't stand|dislike) ([^.!?,]{3,40})/i.exec(sentence))) {
      const verb = /hate|can't stand|dislike/i.test(m[0]) ? 'dislikes' : 'likes';
      add({ tier: 'semantic', subject: 'user', predicate: `${verb}`, value: clean(m[1]), text: `${verb === 'likes' ? 'Likes' : 'Dislikes'} ${clean(m[1])}`, singleValued: false });
    }
  }
  const seen = new Set<string>();
  for (const r of resolutions) {
    const label = labelOf(r.entityId);
    const relation = /^(.+) \((.+)\)$/.exec(label);
    if (relation && !seen.has(r.entityId)) {
      seen.add(r.entityId);
      add({ tier: 'semantic', subject: relation[1], predicate: "is the user's", value: relation[2], text: `${relation[1]} is the user's ${relation[2]}`, singleValued: true });
    }
  }
  return out;
}

/** Short event summary with resolved mentions spelled out ("she" → "she (Anna)") and dates. */
export function describeEvent(text: string, resolutions: readonly Resolution[], labelOf: (id: string) => string, times: readonly TimeMention[]): string {
  let result = text;
  const edits = [
    ...resolutions.filter((r) => /^(she|her|he|him|his|hers|my \w+)$/i.test(r.mention)).map((r) => ({ index: r.index, length: r.mention.length, insert: `${r.mention} [${labelOf(r.entityId)}]` })),
    ...times.map((t) => ({ index: t.index, length: t.phrase.length, insert: `${t.phrase} [${t.start === t.end ? t.start : `${t.start}..${t.end}`}]` })),
  ].sort((a, b) => b.index - a.index);
  for (const e of edits) result = result.slice(0, e.index) + e.insert + result.slice(e.index + e.length);
  return result;
}
