import { composeReply, OfflineBrain } from '../../lib/brain/offline-brain';
import type { BrainRequest, ChatMessage } from '../../lib/brain/types';
import { computeAdaptation } from '../../lib/persona/adaptation';
import { DEMO_PERSONAS } from '../../lib/persona/personas';
import { styleTargets } from '../../lib/persona/style';
import { scoreReply, type StyleViolationType } from '../../lib/persona/style-score';
import type { Persona } from '../../lib/persona/types';
import { SCRIPTED_TURNS, TABLE_PROMPTS, type ScriptedTurn } from './turns';

/** A fixed clock so the eval is deterministic (dates in memory follow-ups, time-of-day preferences). */
const EVAL_NOW = new Date(2026, 10, 25, 10, 0, 0);

export interface PersonaEvalRow {
  persona: string;
  name: string;
  turns: number;
  /** Share of built-in replies inside the persona's style targets for that turn, 0..1. */
  inBandShare: number;
  /** The same for the composed replies before the style repair (shows what the repair does). */
  rawInBandShare: number;
  /** Share of replies that ask a question, and the persona's target band for it. */
  questionRate: number;
  questionRateBand: { min: number; max: number };
  meanWords: number;
  violations: Partial<Record<StyleViolationType, number>>;
  rawViolations: Partial<Record<StyleViolationType, number>>;
}

export interface PersonaEvalResult {
  /** Share of all replies (all demo personas) inside their style targets, 0..1. */
  persona_style_in_band_share: number;
  persona_style_raw_in_band_share: number;
  turns_per_persona: number;
  per_persona: PersonaEvalRow[];
}

async function generate(request: BrainRequest): Promise<string> {
  let text = '';
  for await (const chunk of new OfflineBrain(0).generate(request, new AbortController().signal)) if (chunk.type === 'token') text += chunk.text;
  return text.trim();
}

function request(persona: Persona, turn: ScriptedTurn, history: readonly ChatMessage[]): BrainRequest {
  const adaptation = computeAdaptation({ affect: turn.affect, userText: turn.text, memories: turn.memories, now: EVAL_NOW });
  return { persona, history, userText: turn.text, affect: turn.affect, memories: turn.memories?.map((m) => m.text), now: EVAL_NOW, adaptation };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Plays the scripted call with one persona on the built-in brain and scores every reply. */
export async function evalPersona(persona: Persona, turns: readonly ScriptedTurn[] = SCRIPTED_TURNS): Promise<PersonaEvalRow & { replies: { user: string; reply: string; inBand: boolean; violations: string[] }[] }> {
  const history: ChatMessage[] = [];
  const violations: Partial<Record<StyleViolationType, number>> = {};
  const rawViolations: Partial<Record<StyleViolationType, number>> = {};
  const replies: { user: string; reply: string; inBand: boolean; violations: string[] }[] = [];
  let inBand = 0;
  let rawInBand = 0;
  let questions = 0;
  let words = 0;
  for (const turn of turns) {
    const req = request(persona, turn, history);
    const reply = await generate(req);
    const score = scoreReply(reply, persona, { adaptation: req.adaptation });
    const raw = scoreReply(composeReply(req), persona, { adaptation: req.adaptation });
    if (score.inBand) inBand++;
    if (raw.inBand) rawInBand++;
    for (const v of score.violations) violations[v.type] = (violations[v.type] ?? 0) + 1;
    for (const v of raw.violations) rawViolations[v.type] = (rawViolations[v.type] ?? 0) + 1;
    if (score.metrics.questions > 0) questions++;
    words += score.metrics.words;
    replies.push({ user: turn.text, reply, inBand: score.inBand, violations: score.violations.map((v) => v.type) });
    history.push({ role: 'user', content: turn.text }, { role: 'assistant', content: reply });
  }
  return {
    persona: persona.id,
    name: persona.name,
    turns: turns.length,
    inBandShare: round3(inBand / turns.length),
    rawInBandShare: round3(rawInBand / turns.length),
    questionRate: round3(questions / turns.length),
    questionRateBand: styleTargets(persona).questionRate,
    meanWords: Math.round((words / turns.length) * 10) / 10,
    violations,
    rawViolations,
    replies,
  };
}

/**
 * The persona figure for eval:persona and eval:voice-latency: 50 scripted turns per demo persona
 * on the built-in brain, share of replies inside the persona's style targets (goal ≥ 0.95).
 */
export async function personaStyleInBandShare(personas: readonly Persona[] = DEMO_PERSONAS): Promise<PersonaEvalResult> {
  const rows: Awaited<ReturnType<typeof evalPersona>>[] = [];
  for (const persona of personas) rows.push(await evalPersona(persona));
  const total = rows.reduce((a, r) => a + r.turns, 0);
  const share = (pick: (r: PersonaEvalRow) => number) => round3(rows.reduce((a, r) => a + pick(r) * r.turns, 0) / total);
  return {
    persona_style_in_band_share: share((r) => r.inBandShare),
    persona_style_raw_in_band_share: share((r) => r.rawInBandShare),
    turns_per_persona: SCRIPTED_TURNS.length,
    per_persona: rows.map(({ replies: _replies, ...row }) => row),
  };
}

/** Two personas answering the same five prompts, as a Markdown table. */
export async function sideBySide(a: Persona, b: Persona, prompts: readonly ScriptedTurn[] = TABLE_PROMPTS): Promise<string> {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [`| User says | ${a.name} (${a.id}) | ${b.name} (${b.id}) |`, '|---|---|---|'];
  for (const prompt of prompts) {
    const context = [prompt.affect ? `they look: ${prompt.affect}` : '', prompt.memories?.length ? `memory: ${prompt.memories.map((m) => m.text).join('; ')}` : ''].filter(Boolean).join(', ');
    const [ra, rb] = [await generate(request(a, prompt, [])), await generate(request(b, prompt, []))];
    lines.push(`| ${cell(prompt.text)}${context ? ` _(${cell(context)})_` : ''} | ${cell(ra)} | ${cell(rb)} |`);
  }
  return lines.join('\n');
}
