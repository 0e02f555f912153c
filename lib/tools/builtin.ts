import { defineTool, ToolRegistry } from './registry';
import { describeDue, parseWhen, type ReminderBook } from './reminders';

/** What the built-in tools need from the app; each missing piece makes its tool refuse politely. */
export interface ToolDeps {
  reminders: ReminderBook;
  memory?: {
    /** Stores a fact the user asked to be remembered. */
    remember(fact: string): void | Promise<void>;
    /** Deletes the memories that best match `about`; resolves with what was forgotten. */
    forget(about: string): Promise<string[]>;
    /** Memories of past conversations that match `query`, best first. */
    recall(query: string): Promise<{ text: string }[]>;
  };
  /** Searches the persona's knowledge base (lib/knowledge), best first. */
  searchKnowledge?: (query: string, signal: AbortSignal) => Promise<{ title: string; section?: string; text: string }[]>;
  endCall?: () => void;
  openLink?: (url: string) => void;
  /** After a reminder is set, e.g. to ask for notification permission. */
  onReminderSet?: () => void;
}

/** Normalises "bbc.co.uk" or "https://example.org/a" to an https/http URL; null when it is not a web link. */
export function normaliseLink(raw: string): URL | null {
  const text = raw.trim().replace(/[.,!?)]+$/, '');
  if (!text || /\s/.test(text)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(url.hostname)) return null;
    return url;
  } catch {
    return null;
  }
}

const clip = (text: string, max = 120) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The first sentences of a passage, up to about `maxChars` (at least one sentence), for speaking. */
export function leadSentences(text: string, maxChars = 160): string {
  const sentences = text.split(/(?<=[.!?])\s+/);
  let out = sentences[0];
  for (const next of sentences.slice(1)) {
    if (out.length + 1 + next.length > maxChars) break;
    out += ` ${next}`;
  }
  return clip(out, maxChars * 2);
}

/** The tools every companion has. */
export function builtinTools(deps: ToolDeps): ToolRegistry {
  const registry = new ToolRegistry();
  registry.register(defineTool({
    name: 'get_datetime',
    description: 'The current local date and time. Use when the user asks what time or what day it is.',
    parameters: {},
    result: { iso: { type: 'string', description: 'ISO 8601' }, time: { type: 'string', description: 'e.g. 3:05 pm' }, date: { type: 'string', description: 'e.g. Wednesday 25 November 2026' } },
    run: (_args, { now }) => ({
      iso: now.toISOString(),
      time: now.toLocaleTimeString('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true }),
      date: now.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
    }),
    say: (r) => `It’s ${r.time} on ${r.date}.`,
    caption: (r) => `${r.time}, ${r.date}`,
  }));
  registry.register(defineTool({
    name: 'set_reminder',
    description: 'Sets a reminder on this device. "when" is a time such as "5 pm", "in 20 minutes", "tomorrow at 9" or an ISO date-time.',
    parameters: {
      text: { type: 'string', description: 'What to remind the user of, e.g. "call Anna"', minLength: 1, maxLength: 200 },
      when: { type: 'string', description: 'When, e.g. "5 pm", "in 20 minutes", "tomorrow at 9"', minLength: 1, maxLength: 80 },
    },
    result: { id: { type: 'string', description: 'reminder id' }, text: { type: 'string', description: 'what' }, due: { type: 'string', description: 'ISO 8601 due time' } },
    check: ({ when }, { now }) => {
      const due = parseWhen(when, now);
      if (!due) return `I can’t tell when “${clip(when, 40)}” is`;
      if (due.getTime() <= now.getTime()) return 'that time has already passed';
      if (due.getTime() - now.getTime() > 366 * 86_400_000) return 'that is more than a year away';
      return null;
    },
    confirm: ({ text, when }, { now }) => ({ title: 'Set a reminder?', detail: `${clip(text)} — ${describeDue(parseWhen(when, now)!, now)}`, confirmLabel: 'Set reminder' }),
    run: ({ text, when }, { now }) => {
      const reminder = deps.reminders.add(text, parseWhen(when, now)!, now);
      deps.onReminderSet?.();
      return { id: reminder.id, text: reminder.text, due: new Date(reminder.dueAt).toISOString() };
    },
    // "today" / "tomorrow" are relative to the call's clock (the same one that parsed the time).
    say: (r, _args, { now }) => `Done. I’ll remind you to ${r.text.replace(/^to /i, '')} ${describeDue(new Date(r.due), now)}.`,
    caption: (r, _args, { now }) => `reminder set: ${clip(r.text, 60)}, ${describeDue(new Date(r.due), now)}`,
  }));
  registry.register(defineTool({
    name: 'remember',
    description: 'Saves a fact about the user to long-term memory on this device, when the user asks you to remember something.',
    parameters: { fact: { type: 'string', description: 'The fact, in the user’s words, e.g. "I take my tablets at 8"', minLength: 2, maxLength: 500 } },
    result: { saved: { type: 'string', description: 'the saved fact' } },
    check: () => (deps.memory ? null : 'memory is turned off for this call'),
    confirm: ({ fact }) => ({ title: 'Remember this?', detail: clip(fact, 200), confirmLabel: 'Remember' }),
    run: async ({ fact }) => {
      await deps.memory!.remember(fact);
      return { saved: fact };
    },
    say: (r) => `Got it. I’ll remember that ${clip(r.saved.replace(/^(that )/i, ''), 160)}.`.replace(/\.\.$/, '.'),
    caption: (r) => `remembered: ${clip(r.saved, 80)}`,
  }));
  registry.register(defineTool({
    name: 'forget',
    description: 'Deletes from memory what the user asks you to forget.',
    parameters: { about: { type: 'string', description: 'What to forget, e.g. "my sister\'s visit"', minLength: 2, maxLength: 300 } },
    result: { forgotten: { type: 'string[]', description: 'the memories deleted', maxItems: 10 } },
    check: () => (deps.memory ? null : 'memory is turned off for this call'),
    confirm: ({ about }) => ({ title: 'Forget this?', detail: `What you told me about: ${clip(about, 160)}`, confirmLabel: 'Forget' }),
    run: async ({ about }) => ({ forgotten: await deps.memory!.forget(about) }),
    say: (r) => (r.forgotten.length ? `Done. I’ve forgotten ${r.forgotten.length === 1 ? 'it' : `${r.forgotten.length} things about that`}.` : 'I didn’t have anything saved about that.'),
    caption: (r) => `forgot ${r.forgotten.length} memor${r.forgotten.length === 1 ? 'y' : 'ies'}`,
  }));
  registry.register(defineTool({
    name: 'search_knowledge',
    description: 'Searches this companion’s documents (its knowledge base) for facts to answer the user.',
    parameters: { query: { type: 'string', description: 'What to look for', minLength: 2, maxLength: 300 } },
    result: { passages: { type: 'string[]', description: 'best passages, "title › section: text"', maxItems: 5 } },
    check: () => (deps.searchKnowledge ? null : 'the knowledge base is not available yet'),
    run: async ({ query }, { signal }) => ({
      passages: (await deps.searchKnowledge!(query, signal)).slice(0, 3).map((p) => `${p.title}${p.section ? ` › ${p.section}` : ''}: ${clip(p.text, 400)}`),
    }),
    say: (r) => (r.passages.length ? `Here’s what I found. ${leadSentences(r.passages[0].replace(/^[^:]*: /, ''))}` : 'I couldn’t find anything about that in my documents.'),
    caption: (r) => `knowledge: ${r.passages.length} passage${r.passages.length === 1 ? '' : 's'}${r.passages[0] ? ` (${clip(r.passages[0].split(':')[0], 50)})` : ''}`,
  }));
  registry.register(defineTool({
    name: 'recall_conversation',
    description: 'Looks up what the user told you in past conversations.',
    parameters: { query: { type: 'string', description: 'What to look for, e.g. "Anna\'s visit"', minLength: 2, maxLength: 300 } },
    result: { memories: { type: 'string[]', description: 'matching memories, best first', maxItems: 5 } },
    check: () => (deps.memory ? null : 'memory is turned off for this call'),
    run: async ({ query }) => ({ memories: (await deps.memory!.recall(query)).slice(0, 3).map((m) => clip(m.text, 300)) }),
    say: (r) => (r.memories.length ? `I remember this: ${r.memories[0].replace(/\.$/, '')}.` : 'I don’t remember us talking about that.'),
    caption: (r) => `recalled ${r.memories.length} memor${r.memories.length === 1 ? 'y' : 'ies'}`,
  }));
  registry.register(defineTool({
    name: 'end_call',
    description: 'Ends the call, when the user clearly asks to hang up.',
    parameters: {},
    result: { ending: { type: 'boolean', description: 'true' } },
    check: () => (deps.endCall ? null : 'I can’t end the call from here'),
    confirm: () => ({ title: 'End the call?', detail: 'The call ends after this goodbye.', confirmLabel: 'End call' }),
    run: () => {
      deps.endCall!();
      return { ending: true };
    },
    say: () => 'Goodbye for now. Talk soon.',
    caption: () => 'ending the call',
  }));
  registry.register(defineTool({
    name: 'open_link',
    description: 'Opens a web page in a new tab after the user agrees, e.g. "bbc.co.uk".',
    parameters: { url: { type: 'string', description: 'The address, e.g. "https://www.bbc.co.uk"', minLength: 3, maxLength: 2000 } },
    result: { opened: { type: 'string', description: 'the address opened' } },
    check: ({ url }) => (!deps.openLink ? 'I can’t open links here' : normaliseLink(url) ? null : `“${clip(url, 60)}” is not a web address`),
    confirm: ({ url }) => ({ title: 'Open this link?', detail: normaliseLink(url)!.href, confirmLabel: 'Open link' }),
    run: ({ url }) => {
      const href = normaliseLink(url)!.href;
      deps.openLink!(href);
      return { opened: href };
    },
    say: (r) => `I’ve opened ${new URL(r.opened).hostname.replace(/^www\./, '')} in a new tab.`,
    caption: (r) => `opened ${clip(r.opened, 80)}`,
  }));
  return registry;
}
