import type { BrainProvider } from '../brain/types';
import type { Persona } from '../persona/types';
import { detectCrisis, type CrisisResult } from './detector';
import { asksIfHuman, guardSentence, refusalReply, refusedTopic, type PolicyTopic } from './policy';
import { safeResponse, type SafetyCard } from './safe-response';

/** What to do with a user turn before any brain sees it. */
export type TurnDecision =
  | { kind: 'crisis'; result: CrisisResult; reply: string; card: SafetyCard }
  | { kind: 'refused'; topic: PolicyTopic; reply: string }
  | { kind: 'ok'; askedIfHuman: boolean };

/**
 * The guardrail check on every user turn, first: a crisis gets the safe response at once (no brain),
 * a refused topic gets the persona's honest redirect, anything else goes to the brain.
 */
export function checkUserTurn(text: string, persona: Persona, locale?: string): TurnDecision {
  const result = detectCrisis(text);
  if (result.crisis && result.category) {
    const { text: reply, card } = safeResponse(result.category, locale);
    return { kind: 'crisis', result, reply, card };
  }
  const topic = refusedTopic(text, persona);
  if (topic) return { kind: 'refused', topic, reply: refusalReply(topic, persona) };
  return { kind: 'ok', askedIfHuman: asksIfHuman(text) };
}

/** Post-check of a streamed reply from any brain, one finished sentence at a time. */
export class ReplyGuard {
  private readonly persona: Persona;
  private readonly asked: boolean;
  private sentences = 0;
  /** Why sentences were changed, in order (empty when the reply passed untouched). */
  readonly repairs: string[] = [];

  constructor(persona: Persona, userText: string) {
    this.persona = persona;
    this.asked = asksIfHuman(userText);
  }

  /** The sentence to speak instead of `sentence` (often the same one). */
  check(sentence: string): string {
    const { text, reason } = guardSentence(sentence, this.persona, { asked: this.asked, first: this.sentences++ === 0 });
    if (!reason) return text;
    // One redirect per reply is enough: later sentences of the same kind are dropped.
    const repeated = reason !== 'disclosed-ai' && this.repairs.includes(reason);
    this.repairs.push(reason);
    return repeated ? '' : text;
  }
}

/** A provider that streams one fixed, human-written reply (safe responses, refusals): no model involved. */
export function fixedReplyBrain(reply: string): BrainProvider {
  return {
    id: 'guardrails',
    kind: 'builtin',
    label: 'Guardrails (fixed reply)',
    async *generate(_request, signal) {
      for (const word of reply.split(/(?<=\s)/)) {
        if (signal.aborted) return;
        yield { type: 'token', text: word };
      }
      yield { type: 'done', usage: { promptTokens: 0, completionTokens: 0 } };
    },
  };
}
