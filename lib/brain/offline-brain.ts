import { cannotDoLine, greetingLine, isRequest, unsureLine } from '../persona/phrasing';
import { repairReply } from '../persona/style-repair';
import { withoutInstructions } from '../guardrails/injection';
import type { PersonaStyle } from '../persona/types';
import { styleTargets } from '../persona/style';
import { topicsIn } from '../persona/style-lexicon';
import { matchToolIntent } from '../tools/intents';
import { answerFromKnowledge } from '../knowledge/cite';
import { isProcedural, memoryDays, safeMemories, sayMemory, startOfDay } from './memory-answers';
import { answerQuestion } from './question-replies';
import { ASKS_WHAT_DOING, classifyQuestion, followUpOf } from './questions';
import { pick, reflect } from './reflect';
import type { BrainChunk, BrainProvider, BrainRequest } from './types';

export { reflect } from './reflect';

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
    const reply = composeFitted(request).fitted;
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

const RELIEF = /\b(?:finally|at last)\b.*\b(?:finished|done|passed|sorted|fixed|completed|made it)\b|\b(?:finished|completed|passed|sorted|fixed)\b.*\b(?:was|were|had been) (?:so |really |quite )?(?:worried|nervous|anxious|scared|stressed)\b/i;

/** Classifies one user message. */
export function classify(text: string): Intent {
  const t = text.trim().toLowerCase();
  if (/^(hi|hello|hey|good (morning|afternoon|evening)|hiya|howdy)\b/.test(t)) return 'greeting';
  if (/\b(bye|goodbye|see you|good night|talk (to you )?later)\b/.test(t)) return 'farewell';
  if (/\b(thanks|thank you|cheers)\b/.test(t)) return 'thanks';
  if (/\b(my name is|call me|i'?m called)\s+[a-z]/i.test(t)) return 'name';
  if (/\b(who are you|what are you|your name|about you|are you (a )?(real|human|robot|ai))\b/.test(t)) return 'about-you';
  // Relief: something done that the user had been worried about ("I finally finished the report I was worried about").
  if (RELIEF.test(t)) return 'positive';
  if (NEGATIVE.test(t) && !/\bnot (too |that )?(sad|bad|tired)\b/.test(t)) return 'negative';
  if (POSITIVE.test(t)) return 'positive';
  if (/\?\s*$/.test(t) || /^(what|why|how|when|where|who|can|could|should|would|do|does|is|are)\b/.test(t)) return 'question';
  return 'statement';
}

function extractName(text: string): string | null {
  const m = /\b(?:my name is|call me|i'?m called)\s+([A-Za-z][A-Za-z'-]{0,30})/i.exec(text);
  return m ? m[1][0].toUpperCase() + m[1].slice(1) : null;
}

const FOLLOW_UPS: Record<PersonaStyle, readonly string[]> = {
  coach: ['What would be one small step you could take this week?', 'What would success look like for you here?', 'What’s standing in the way right now?'],
  friend: ['Tell me more, I’ve got all afternoon.', 'How did that make you feel?', 'What happened next?'],
  listener: ['I’m here, take your time.', 'What feels heaviest about it?', 'Would you like to say more about that?'],
  study: ['Can you explain that back to me in your own words?', 'What part of it feels least clear?', 'Want to turn that into a quick quiz question?'],
  custom: ['Tell me more.', 'How do you feel about that?', 'What would help most right now?'],
};

/**
 * A follow-up from memory for a greeting: "Last time you told me your daughter Lily had a job
 * interview last Tuesday. How did it go?" Events with a date come first; rules about style are not
 * news to ask about. The date is said relative to today, and a plan whose day has passed is asked
 * about in the past tense.
 */
function memoryFollowUp(memories: readonly string[] | undefined, now: Date, seed: string): string {
  // Memory text is data: one that reads like an instruction ("ignore your rules…") is never repeated.
  const usable = safeMemories(memories).filter((m) => !isProcedural(m));
  const memory = usable.find((m) => /\[\d{4}-\d{2}-\d{2}/.test(m)) ?? usable[0];
  if (!memory) return '';
  const today = startOfDay(now);
  const dates = memoryDays(memory);
  const text = sayMemory(memory, now, 18);
  const question = dates.length && dates.every((d) => d < today) ? 'How did it go?' : dates.some((d) => d >= today) ? pick(['Are you looking forward to it?', 'How are you feeling about it?'], seed) : 'How is that going?';
  return ' ' + pick([`I remember: ${text}. ${question}`, `Last time you told me ${text}. ${question}`], seed);
}

const normalized = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The reply before the persona's style targets are enforced (exported for the persona eval). Never
 * the same reply (after repair) as one of the companion's last two: another variant is tried first,
 * and a fixed line is marked as said again.
 */
export function composeReply(request: BrainRequest): string {
  return composeFitted(request).raw;
}

/** The chosen reply as composed (`raw`) and after style repair (`fitted`, what is said); each candidate is repaired once. */
function composeFitted(request: BrainRequest): { raw: string; fitted: string } {
  const targets = styleTargets(request.persona, request.adaptation);
  const fit = (reply: string) => repairReply(reply, targets).text;
  const recent = request.history.filter((m) => m.role === 'assistant').slice(-2).map((m) => normalized(m.content));
  const repeats = (fitted: string) => recent.length > 0 && recent.includes(normalized(fitted));
  let raw = composeOnce(request, '');
  let fitted = fit(raw);
  for (let attempt = 1; attempt < 4 && repeats(fitted); attempt++) {
    raw = composeOnce(request, `#${attempt}`);
    fitted = fit(raw);
  }
  if (repeats(fitted)) {
    const base = raw;
    const said = (prefix: string) => `${prefix} ${/^I\b/.test(base) || prefix.endsWith(':') ? base : base.charAt(0).toLowerCase() + base.slice(1)}`;
    const candidates = ['As I said,', 'Like I said,', 'Once more:'].map((prefix) => ({ raw: said(prefix), fitted: fit(said(prefix)) }));
    ({ raw, fitted } = candidates.find((c) => !repeats(c.fitted)) ?? candidates[2]);
  }
  return { raw, fitted };
}

function composeOnce({ persona, userText, history, affect, memories, adaptation, objective, knowledge, now }: BrainRequest, salt: string): string {
  const style = persona.style;
  const seed = `${persona.id}|${history.length}|${userText}${salt}`;
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
  // What the user said is reflected back, unless it touches a topic this persona never brings up.
  const echo = topicsIn(userText, styleTargets(persona, adaptation).forbiddenTopics).length ? 'that’s on your mind' : reflect(userText).replace(/^so\s+/i, '');
  const affectNote = affect && /sad|tired|anxious|hesitant|frustrated/.test(affect) ? ' You seem a little ' + (/(sad|tired|anxious|hesitant|frustrated)/.exec(affect)?.[1] ?? 'off') + ' today.' : '';

  // A question that one of the persona's documents answers is answered from it, naming the source (lib/knowledge).
  const asksSomething = /\?\s*$/.test(userText) || /^(what|why|how|when|where|who|which|can|could|should|would|do|does|is|are)\b/i.test(userText.trim());
  const fromKnowledge = knowledge?.length && asksSomething && (intent === 'question' || intent === 'positive' || intent === 'statement') ? answerFromKnowledge(userText, knowledge.map((hit) => ({ ...hit, text: withoutInstructions(hit.text) }))) : null;
  if (fromKnowledge) return fromKnowledge;

  // Questions with a sub-intent (small talk, advice, ideas, memory, sums, live facts, follow-ups) get a real answer (lib/brain/question-replies).
  // Spoken turns have no '?', and a turn may open with a word or two ("today what should I do"), so a question word near the start counts.
  const spokenQuestion = /^(?:[\p{L}']+,?\s+){0,3}(?:what|why|how|when|where|who|which|should i|do you|can you|could you|would you|is it|are you|any ideas)\b/iu.test(userText.trim());
  const questionLike =
    intent === 'question' ||
    ((intent === 'positive' || intent === 'statement') && (asksSomething || spokenQuestion)) ||
    followUpOf(userText) !== null ||
    (intent === 'about-you' && ASKS_WHAT_DOING.test(userText.toLowerCase()));
  if (questionLike && !isRequest(userText)) {
    const answer = answerQuestion({ persona, userText, history, memories, now, adaptation, you, name, seed });
    if (answer) return answer;
  }

  switch (intent) {
    case 'greeting':
      // "Hi Walter, how are you?": the greeting and the answer in one breath.
      if (!memories?.length && classifyQuestion(userText) === 'companion') {
        const answer = answerQuestion({ persona, userText, history, now, adaptation, you: '', name, seed });
        if (answer) return `Hello${you}, ${answer.charAt(0).toLowerCase()}${answer.slice(1)}`.replace(/^(Hello(?:, [^,]+)?), i\b/, '$1, I');
      }
      if (memories?.length) return `Hello${you}, it’s good to see you again.${memoryFollowUp(memories, now, seed)}`;
      return greetingLine(persona, you) + affectNote;
    case 'farewell':
      return pick([`Goodbye${you}. I enjoyed talking with you. Come back whenever you like.`, `Take care${you}. It was lovely talking with you; come back whenever you like.`], seed);
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
          ? `Oof, that sounds rough${you}, so let’s go easy for a minute. ${follow}`
          : `I’m sorry${you}, it sounds like ${echo}. ${follow}`;
    case 'positive':
      return style === 'coach'
        ? `That’s great news${you}! Well done. ${follow}`
        : `Oh, that’s wonderful${you}. I’m so glad ${echo}. ${follow.includes('heaviest') ? 'Would you like to say more about that?' : follow}`;
    case 'question':
      if (isRequest(userText)) return cannotDoLine(persona, you);
      return style === 'study' ? `Good question${you}! Before I answer, what do you already know about it?` : unsureLine(persona, you);
    default:
      return style === 'listener' && (adaptation?.softness ?? 0) < 0.5 ? `So ${echo}. ${follow}` : `I hear you: ${echo}. ${follow}`;
  }
}
