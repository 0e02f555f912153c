'use client';
import { searchKnowledge } from '@/components/knowledge/knowledge-client';
import type { BrainProvider } from '@/lib/brain/types';
import type { CallStore } from '@/lib/call/store';
import { KNOWLEDGE_MIN_SCORE } from '@/lib/knowledge/cite';
import { ObjectiveBrain } from '@/lib/objectives/steering';
import { ObjectiveTracker } from '@/lib/objectives/tracker';
import type { Persona } from '@/lib/persona/types';
import { browserLocalStorage } from '@/lib/storage/safe-storage';
import { builtinTools, type ToolDeps } from '@/lib/tools/builtin';
import { createConfirmations } from '@/lib/tools/confirmations';
import { ToolBrain } from '@/lib/tools/runner';
import { addToolCaption } from '@/lib/tools/transcript';
import { getReminderBook } from './reminder-book';

/** Longest an "end the call" waits for the goodbye to finish, ms. */
const END_AFTER_GOODBYE_MAX_MS = 8000;

/** Asks for notification permission once, inside the user's Confirm click. */
function askNotificationPermission(): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'default') return;
  void Promise.resolve(Notification.requestPermission()).catch(() => undefined);
}

/**
 * One call's tools and objectives: the confirmation card, the reminder book, the objective tracker,
 * and `wrap`, which gives the call's brain both (ObjectiveBrain → ToolBrain → the chosen brain).
 */
export function createCallTools(store: CallStore, persona: Persona) {
  const confirmations = createConfirmations();
  const reminders = getReminderBook();
  const objectives = new ObjectiveTracker(persona.id, persona.objectives ?? [], browserLocalStorage());
  let endCall: (() => void) | null = null;

  return {
    confirmations,
    reminders,
    objectives,
    /** What "end the call" does once the goodbye has been said. */
    setEndCall(fn: () => void) {
      endCall = fn;
    },
    /** `deps.searchKnowledge` replaces the knowledge worker search (tests, other stores). */
    wrap(brain: BrainProvider, deps: Pick<ToolDeps, 'memory' | 'searchKnowledge'> = {}): BrainProvider {
      const registry = builtinTools({
        reminders,
        // The persona's knowledge base (its pack and the user's documents), relevant chunks only.
        searchKnowledge: async (query) => (await searchKnowledge(persona.id, query, 3)).filter((h) => h.score >= KNOWLEDGE_MIN_SCORE),
        ...deps,
        endCall: () => {
          let done = false;
          const finish = () => {
            if (done) return;
            done = true;
            off();
            endCall?.();
          };
          const off = store.subscribe((s, prev) => { if (s.phase === 'listening' && prev.phase !== 'listening') finish(); });
          setTimeout(finish, END_AFTER_GOODBYE_MAX_MS);
        },
        openLink: (url) => { window.open(url, '_blank', 'noopener,noreferrer'); },
        onReminderSet: askNotificationPermission,
      });
      const tools = new ToolBrain(brain, { registry, confirm: confirmations.ask, transcript: (line) => addToolCaption(store, line) });
      return persona.objectives?.length ? new ObjectiveBrain(tools, objectives) : tools;
    },
  };
}

export type CallTools = ReturnType<typeof createCallTools>;
