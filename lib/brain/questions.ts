import { isArithmeticQuestion } from './arithmetic';
import { parseMemoryQuestion } from './memory-answers';
import type { ChatMessage } from './types';

/**
 * Question sub-intents for the built-in brain. Which kind of question the user asked decides how
 * it is answered: small talk about the companion, a decision to weigh, ideas to suggest, something
 * from memory, a sum, something that needs live knowledge it cannot look up, or a short follow-up
 * ("why?", "and tomorrow?") that only makes sense with the previous turn.
 */
export type QuestionKind = 'companion' | 'advice' | 'suggestion' | 'memory' | 'arithmetic' | 'live' | 'fact';

/** What a short follow-up question asks of the previous turn. */
export type FollowUpKind = 'why' | 'more' | 'about';

const norm = (text: string) => text.toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, ' ').trim();

/** Questions about what the companion is doing, whether it is well, whether it is there (lower-case text). */
export const ASKS_WHAT_DOING = /\bwhat are you (?:up to|doing)\b/;
export const ASKS_IF_OK = /\bare you (?:ok|okay|well|happy|sad|lonely|bored|tired|alright|all right|busy)\b/;
export const ASKS_IF_THERE = /\bare you (?:still )?(?:there|here|listening|awake|with me)\b/;

const COMPANION = [
  /\bhow (?:are|r) (?:you|u)\b(?! (?:going|getting|supposed|able) to)/,
  /\bhow(?:'s| is| was| has) (?:your|ur) (?:day|morning|evening|week|afternoon|weekend)\b/,
  /\bhow have you been\b/,
  /\bwhat (?:do|did|have) you (?:like|enjoy|love|do for fun|get up to|been up to|been doing|do all day|do today|do when)\b/,
  /\bwhat did you do\b/,
  ASKS_WHAT_DOING,
  /\bdo you (?:like|love|enjoy|ever|get|have (?:a|any) (?:favourite|favorite|hobbies|friends|feelings)|sleep|dream|eat)\b/,
  /\bwhat(?:'s| is) your (?:favourite|favorite)\b|\byour (?:favourite|favorite) \w+\b/,
  ASKS_IF_OK,
  ASKS_IF_THERE,
];

const LIVE = /\b(weather|rain(?:ing|y)?|snow(?:ing)?|sunny|forecast|temperature|how (?:hot|cold|warm)|umbrella|news|headlines?|what's happening in|scores?|who won|(?:match|game|race|football|cricket) results?|lottery|stock price|share price|exchange rate|traffic|trains? (?:running|on time|delayed)|open (?:today|now|tomorrow|on)|opening (?:hours|times)|what's on (?:tv|telly))\b/;

const FACT = /^(?:(?:can|could) you (?:explain|tell me)|(?:what|who|when|where|which|why|how) (?:is|are|was|were|does|do|did|many|much|far|long|old|big|tall)\b|explain\b|tell me about\b|what(?:'s| is) (?:the|a|an)\b)/;

/** Which kind of question this is, or null when no sub-intent fits. */
export function classifyQuestion(text: string): QuestionKind | null {
  const t = norm(text);
  if (isArithmeticQuestion(text)) return 'arithmetic';
  if (parseMemoryQuestion(text)) return 'memory';
  if (LIVE.test(t) && !/\b(?:i|we) (?:should|could)\b/.test(t)) return 'live';
  if (COMPANION.some((p) => p.test(t)) && !/\bdo you (?:think|know|reckon|remember)\b/.test(t)) return 'companion';
  if (suggestionTopic(t) !== null) return 'suggestion';
  if (decision(text) !== null || /\b(?:how (?:do|can|should) i|what (?:would|should) (?:i|you) do|what do you think|would you (?:do|recommend)|is it (?:a good idea|wise|ok|okay|normal|bad|wrong)|am i (?:right|wrong|being)|best (?:time|way) to)\b/.test(t)) return 'advice';
  if (FACT.test(t)) return 'fact';
  return null;
}

/** The everyday topic of a suggestion question ("what should I cook" → 'food'), or null when it is not one. */
export function suggestionTopic(text: string): SuggestionTopic | null {
  const t = norm(text);
  const asks = /\b(?:what (?:should|could|can|shall) (?:i|we)|(?:any|some|got any) (?:ideas|suggestions|tips|recommendations)|suggest|recommend|give me (?:some |an )?ideas?|what to (?:cook|eat|make|do|read|watch)|where (?:should|could) (?:i|we) go|i(?:'m| am) bored|ideas? for)\b/.test(t);
  if (!asks || /\b(?:do|say) about\b/.test(t)) return null;
  if (/\b(?:cook|eat|dinner|lunch|breakfast|supper|tea tonight|meals?|recipes?|bake|food)\b/.test(t)) return 'food';
  if (/\b(?:read|reading|books?|novels?)\b/.test(t)) return 'read';
  if (/\b(?:watch|films?|movies?|tv|telly|series|shows?)\b/.test(t)) return 'watch';
  if (/\b(?:listen|music|songs?|podcasts?)\b/.test(t)) return 'listen';
  if (/\b(?:gifts?|presents?|birthday)\b/.test(t)) return 'gift';
  if (/\b(?:weekend|evening|tonight|today|afternoon|morning|bored|go|holiday|day off|fun|free time)\b/.test(t)) return 'activity';
  return /\b(?:ideas?|suggest|recommend)/.test(t) ? 'activity' : null;
}

export type SuggestionTopic = 'food' | 'read' | 'watch' | 'listen' | 'gift' | 'activity';

/** A decision question as the user's options: "should I call my sister" → ["call your sister"] (first person kept). */
export function decision(text: string): string[] | null {
  const t = text.trim().replace(/[?.!]+\s*$/, '').replace(/’/g, "'");
  const m =
    /^(?:(?:so|and|but|hmm|well),?\s+)?(?:do you think|would you say|what do you think,?|in your opinion,?|honestly,?)?\s*(?:that )?(?:i|we) (?:should|ought to|need to) (.+)$/i.exec(t) ??
    /^(?:(?:so|and|but|hmm|well),?\s+)?should (?:i|we) (.+)$/i.exec(t) ??
    /^(?:is it|would it be) (?:a good idea|wise|better|smart|sensible|okay|ok|right) (?:for me |for us )?(?:to )?(.+)$/i.exec(t) ??
    /^(?:(?:do|would) you (?:recommend|suggest)) (?:that i |i )?(.+)$/i.exec(t);
  if (!m || /^(?:do|say)$/i.test(m[1].trim())) return null;
  const body = m[1].replace(/\s*,?\s*(?:do you think|or not|what do you think)$/i, '');
  const options = body.split(/\s*,?\s+or (?:should (?:i|we) )?/i).map((o) => o.trim()).filter(Boolean);
  return options.length ? options.slice(0, 3) : null;
}

/** A short question that leans on the previous turn ("why?", "and what about tomorrow?", "any other ideas?"). */
export function followUpOf(text: string): { kind: FollowUpKind; rest: string } | null {
  const t = norm(text).replace(/[?!.]+$/, '');
  if (t.split(' ').length > 8) return null;
  if (/^(?:but |and |so )?(?:why(?: not| so| is that| would you say that)?|how come|what makes you say that)$/.test(t)) return { kind: 'why', rest: '' };
  if (/^(?:and |so )?(?:like what|such as|anything else|what else|(?:any |got any )?(?:other|more) (?:ideas|suggestions|options)|something else|give me (?:another|more)|another one|more)$/.test(t)) return { kind: 'more', rest: '' };
  const about = /^(?:(?:and|but|so|ok|okay),? )?(?:what|how) about (.+)$/.exec(t) ?? /^(?:and|but) (?:for |on )?(tomorrow|tonight|today|the weekend|this weekend|next week|lunch|dinner|breakfast)$/.exec(t);
  if (about) return { kind: 'about', rest: about[1] };
  return null;
}

/** The last user turn before this one that asked a question, and its kind; for follow-ups. */
export function previousQuestion(history: readonly ChatMessage[]): { text: string; kind: QuestionKind | null; lastReply: string } | null {
  const lastReply = [...history].reverse().find((m) => m.role === 'assistant')?.content ?? '';
  for (let i = history.length - 1, seen = 0; i >= 0 && seen < 2; i--) {
    const m = history[i];
    if (m.role !== 'user') continue;
    seen++;
    if (followUpOf(m.content)) continue;
    return { text: m.content, kind: classifyQuestion(m.content), lastReply };
  }
  return null;
}

const TIME_WORD = /\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|weekend)|the weekend|next week|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b/i;

/** The earlier question with the follow-up's new part in it: "is it going to rain today" + "tomorrow" → "is it going to rain tomorrow". */
export function combineFollowUp(previous: string, rest: string): string {
  const base = previous.trim().replace(/[?.!]+$/, '');
  if (TIME_WORD.test(rest) && TIME_WORD.test(base)) return `${base.replace(TIME_WORD, rest)}?`;
  return `${base} ${rest}?`;
}
