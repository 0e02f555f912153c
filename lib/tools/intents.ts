import type { ChatMessage } from '../brain/types';

/** A tool call recognised from what the user said. */
export interface IntentCall {
  name: string;
  arguments: Record<string, string>;
}

const WHEN = String.raw`(?:at|by|in|on|around|tomorrow|tonight|this (?:morning|afternoon|evening)|today|noon|midday|midnight|\d{1,2}(?::\d{2})? ?(?:am|pm))`;

/**
 * Intent rules for the built-in brain: the tool calls a person plainly asks for. Returns null for
 * anything else, so ordinary conversation is never hijacked (e.g. "I forgot my keys", "remember
 * when we went to Rome?" asks to reminisce, not to store).
 */
export function matchToolIntent(userText: string, history: readonly ChatMessage[] = []): IntentCall | null {
  const text = userText.trim().replace(/\s+/g, ' ');
  const t = text.toLowerCase().replace(/[!?.]+$/, '');
  const remind = new RegExp(String.raw`\b(?:please )?(?:can you |could you |would you )?remind me (?:to |about |that )?(.+?)\s+(${WHEN}\b.*)$`, 'i').exec(text.replace(/[!?.]+$/, ''));
  if (remind) {
    const before = /^(.+?)\s+(in|at|by|on|around)$/i.exec(remind[1]);
    return { name: 'set_reminder', arguments: before ? { text: before[1], when: `${before[2]} ${remind[2]}` } : { text: remind[1], when: remind[2] } };
  }
  const remindBefore = new RegExp(String.raw`^(?:please )?(?:(${WHEN}.*?),? )remind me (?:to |about )?(.+)$`, 'i').exec(text.replace(/[!?.]+$/, ''));
  if (remindBefore) return { name: 'set_reminder', arguments: { text: remindBefore[2], when: remindBefore[1] } };
  if (/\b(what(?:'s| is) the time|what time is it|do you know the time|tell me the time|what(?:'s| is) (?:the |today's )?date|what day is (?:it|today)|what(?:'s| is) today)\b/.test(t)) {
    return { name: 'get_datetime', arguments: {} };
  }
  if (/^(?:please )?(?:end|finish|stop) (?:the |this |our )?call\b|^hang up\b|^(?:can you |please )?hang up\b/.test(t)) return { name: 'end_call', arguments: {} };
  const open = /^(?:please )?(?:can you |could you )?(?:open|go to|show me) (?:the )?(?:website |page |link |site )?((?:https?:\/\/)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/\S*)?)\s*$/i.exec(text.replace(/[!?]+$/, '').replace(/,? please$/i, '').replace(/\.$/, ''));
  if (open) return { name: 'open_link', arguments: { url: open[1] } };
  const forget = /^(?:please |can you |could you )?forget (?:about |what i (?:said|told you) about )?(.+)$/i.exec(t);
  if (forget) {
    if (/^(that|it|this|what i just said)$/.test(forget[1])) {
      const previous = [...history].reverse().find((m) => m.role === 'user');
      return previous ? { name: 'forget', arguments: { about: previous.content } } : null;
    }
    return { name: 'forget', arguments: { about: forget[1] } };
  }
  const remember = /^(?:please |can you |could you )?remember (?:that |this: ?)(.+)$/i.exec(text.replace(/[.!]+$/, ''));
  if (remember && !/\?$/.test(text)) return { name: 'remember', arguments: { fact: remember[1] } };
  const recall = /\b(?:what did i (?:tell you|say) about|do you remember what i (?:told you|said) about|did i (?:tell|mention to) you about) (.+)$/i.exec(t);
  if (recall) return { name: 'recall_conversation', arguments: { query: recall[1] } };
  const search = /\b(?:look up|search for|find|search) (.+?) in (?:your|the|my) (?:documents|notes|knowledge base|files)$|\bsearch (?:your|the|my) (?:documents|notes|knowledge base|files) for (.+)$/i.exec(t);
  if (search) return { name: 'search_knowledge', arguments: { query: search[1] ?? search[2] } };
  return null;
}
