import { cannotDoLine, greetingLine, isRequest, unsureLine } from '../persona/phrasing';
import { fitReply } from '../persona/style-repair';
import { detectInjection, withoutInstructions } from '../guardrails/injection';
import type { PersonaStyle } from '../persona/types';
import { matchToolIntent } from '../tools/intents';
import { answerFromKnowledge } from '../knowledge/cite';
import type { BrainChunk, BrainProvider, BrainRequest } from './types';

/**
 * The built-in offline brain: rule-based replies in the persona's voice. Needs no model, no keys
 * and no network, so a call works on any device from the first second. It recognises greetings,
 * feelings, names, questions and farewells, reflects what the user said, and asks one follow-up.
 * The LLM providers (issue 8) replace it when the user turns one on.
 */
export class OfflineBrain implements BrainProvider {
  readonly id = 'builtin';
  readonly kind = 'builtin' as const;
  readonly label = 'Built-in (offline, rule-based)';
  /**
   * Delay between streamed words, ms; 0 in tests. Short: captions follow the voice, not the token
   * stream, and every word of the first sentence is waited for before the voice starts.
   */
  private readonly tokenDelayMs: number;

  constructor(tokenDelayMs = 3) {
    this.tokenDelayMs = tokenDelayMs;
  }

  async *generate(request: BrainRequest, signal: AbortSignal): AsyncIterable<BrainChunk> {
    // Plain requests for a tool ("remind me…", "what time is it") become tool calls, as an LLM's would;
    // never in a follow-up round, so a tool cannot run twice for one turn.
    const toolIntent = request.tools?.length && !request.toolResults?.length ? matchToolIntent(request.userText, request.history) : null;
    if (toolIntent && request.tools?.some((t) => t.name === toolIntent.name)) {
      yield { type: 'tool-call', name: toolIntent.name, arguments: JSON.stringify(toolIntent.arguments) };
      yield { type: 'done', usage: { promptTokens: 0, completionTokens: 0 } };
      return;
    }
    // The persona's style targets are enforced on the composed reply (lib/persona/style-repair).
    const reply = fitReply(composeReply(request), request.persona, request.adaptation);
    const words = reply.split(/(?<=\s)/);
    for (const word of words) {
      if (signal.aborted) return;
      if (this.tokenDelayMs > 0) await new Promise((r) => setTimeout(r, this.tokenDelayMs));
      if (signal.aborted) return;
      yield { type: 'token', text: word };
    }
    yield { type: 'done', usage: { promptTokens: 0, completionTokens: words.length } };
  }
}

type Intent = 'greeting' | 'farewell' | 'thanks' | 'name' | 'negative' | 'positive' | 'about-you' | 'question' | 'statement';

const NEGATIVE = /\b(sad|tired|exhausted|anxious|worried|stress(ed)?|lonely|upset|angry|awful|terrible|bad|down|scared|afraid|nervous|overwhelmed|hurt|miss(ing)?|cry(ing)?|sick)\b/i;
const POSITIVE = /\b(happy|great|good|excited|glad|proud|wonderful|amazing|fantastic|better|relieved|fun|love(d)?|won|passed|got the job)\b/i;

/** Classifies one user message. */
export function classify(text: string): Intent {
  const t = text.trim().toLowerCase();
  if (/^(hi|hello|hey|good (morning|afternoon|evening)|hiya|howdy)\b/.test(t)) return 'greeting';
  if (/\b(bye|goodbye|see you|good night|talk (to you )?later)\b/.test(t)) return 'farewell';
  if (/\b(thanks|thank you|cheers)\b/.test(t)) return 'thanks';
  if (/\b(my name is|call me|i'?m called)\s+[a-z]/i.test(t)) return 'name';
  if (/\b(who are you|what are you|your name|about you|are you (a )?(real|human|robot|ai))\b/.test(t)) return 'about-you';
  if (NEGATIVE.test(t) && !/\bnot (too |that )?(sad|bad|tired)\b/.test(t)) return 'negative';
  if (POSITIVE.test(t)) return 'positive';
  if (/\?\s*$/.test(t) || /^(what|why|how|when|where|who|can|could|should|would|do|does|is|are)\b/.test(t)) return 'question';
  return 'statement';
}

const PRONOUNS: Record<string, string> = {
  i: 'you', me: 'you', my: 'your', mine: 'yours', am: 'are', "i'm": 'you’re', im: 'you’re', myself: 'yourself',
  you: 'I', your: 'my', yours: 'mine', "i've": 'you’ve', "i'll": 'you’ll', "i'd": 'you’d', we: 'you', our: 'your',
};

/** Turns "I lost my keys" into "you lost your keys" for reflective listening. */
export function reflect(text: string): string {
  return text
    .replace(/[.!?]+\s*$/, '')
    .split(/\s+/)
    .map((w) => PRONOUNS[w.toLowerCase()] ?? w)
    .join(' ')
    .replace(/^\w/, (c) => c.toLowerCase());
}

function extractName(text: string): string | null {
  const m = /\b(?:my name is|call me|i'?m called)\s+([A-Za-z][A-Za-z'-]{0,30})/i.exec(text);
  return m ? m[1][0].toUpperCase() + m[1].slice(1) : null;
}

/** Deterministic choice among variants, so a conversation is reproducible. */
function pick<T>(options: readonly T[], seed: string): T {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return options[Math.abs(h) % options.length];
}

const FOLLOW_UPS: Record<PersonaStyle, readonly string[]> = {
  coach: ['What would be one small step you could take this week?', 'What would success look like for you here?', 'What’s standing in the way right now?'],
  friend: ['Tell me more, I’ve got all afternoon.', 'How did that make you feel?', 'What happened next?'],
  listener: ['I’m here. Take your time.', 'What feels heaviest about it?', 'Would you like to say more about that?'],
  study: ['Can you explain that back to me in your own words?', 'What part of it feels least clear?', 'Shall we turn that into a quick quiz question?'],
  custom: ['Tell me more.', 'How do you feel about that?', 'What would help most right now?'],
};

/** A follow-up from memory for a greeting: "Last time you told me …". */
function memoryFollowUp(memories: readonly string[] | undefined, seed: string): string {
  // Memory text is data: one that reads like an instruction ("ignore your rules…") is never repeated.
  const memory = memories?.find((m) => !detectInjection(m).flagged);
  if (!memory) return '';
  const text = reflect(
    memory
      .replace(/\s*\[(\d{4})-(\d{2})-(\d{2})\]/g, (_m, y: string, mo: string, d: string) =>
        ` (${new Date(Number(y), Number(mo) - 1, Number(d)).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long' })})`)
      .replace(/[.!?]+$/, ''),
  )
    .replace(/\bthe user's\b/gi, 'your')
    .replace(/\bthe user\b/gi, 'you');
  return ' ' + pick([`I remember: ${text}. How did that go?`, `Last time you told me: ${text}. How is that going?`], seed);
}

/** The reply before the persona's style targets are enforced (exported for the persona eval). */
export function composeReply({ persona, userText, history, affect, memories, adaptation, objective, knowledge }: BrainRequest): string {
  const style = persona.style;
  const seed = `${persona.id}|${history.length}|${userText}`;
  const intent = classify(userText);
  // An open objective's question replaces the usual follow-up, never on an emotional turn.
  const steer = objective && (intent === 'statement' || intent === 'positive' || intent === 'thanks' || intent === 'name') ? objective.question : null;
  const follow = steer ?? pick(FOLLOW_UPS[style], seed);
  const name = [...history, { role: 'user' as const, content: userText }]
    .filter((m) => m.role === 'user')
    .map((m) => extractName(m.content))
    .filter((n): n is string => n !== null)
    .pop() ?? adaptation?.callName;
  const you = name ? `, ${name}` : '';
  const echo = reflect(userText);
  const affectNote = affect && /sad|tired|anxious|hesitant|frustrated/.test(affect) ? ' You seem a little ' + (/(sad|tired|anxious|hesitant|frustrated)/.exec(affect)?.[1] ?? 'off') + ' today.' : '';

  // A question that one of the persona's documents answers is answered from it, naming the source (lib/knowledge).
  const asksSomething = /\?\s*$/.test(userText) || /^(what|why|how|when|where|who|which|can|could|should|would|do|does|is|are)\b/i.test(userText.trim());
  const fromKnowledge = knowledge?.length && asksSomething && (intent === 'question' || intent === 'positive' || intent === 'statement') ? answerFromKnowledge(userText, knowledge.map((hit) => ({ ...hit, text: withoutInstructions(hit.text) }))) : null;
  if (fromKnowledge) return fromKnowledge;

  switch (intent) {
    case 'greeting':
      if (memories?.length) return `Hello${you}, it’s good to see you again.${memoryFollowUp(memories, seed)}`;
      return greetingLine(persona, you) + affectNote;
    case 'farewell':
      return `Goodbye${you}. I enjoyed talking with you. Come back whenever you like.`;
    case 'thanks':
      return pick([`You’re very welcome${you}.`, `Any time${you}. That’s what I’m here for.`], seed) + ' ' + follow;
    case 'name':
      return `Lovely to meet you${you}. I’ll call you ${name ?? 'that'}. ${follow}`;
    case 'about-you':
      return `I’m ${persona.name}, an AI companion running right here on your device. ${persona.description.split('. ')[0].replace(/^\w+ is/, 'I’m')}. ${follow}`;
    case 'negative':
      return style === 'coach'
        ? `That sounds hard${you}, and it’s okay to feel that way. ${follow}`
        : style === 'study'
          ? `Oof, that sounds rough${you}. Let’s go easy for a minute. ${follow}`
          : `I’m sorry${you}. It sounds like ${echo}. ${follow}`;
    case 'positive':
      return style === 'coach'
        ? `That’s great news${you}! Well done. ${follow}`
        : `Oh, that’s wonderful${you}. I’m so glad ${echo}. ${follow}`;
    case 'question':
      return style === 'study'
        ? `Good question! Before I answer, what do you already know about it? ${follow}`
        : isRequest(userText) ? cannotDoLine(persona, you) : unsureLine(persona, you);
    default:
      return style === 'listener' ? `So ${echo}. ${follow}` : `I hear you: ${echo}. ${follow}`;
  }
}
