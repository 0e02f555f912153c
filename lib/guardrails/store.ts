import { createJSONStorage, persist } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import { reportStorageError } from '../storage/notices';
import { browserLocalStorage, safeStorage } from '../storage/safe-storage';
import { validateContact, type EscalationContact } from './escalation';
import { appendEvent, markEscalated, type SafetyEvent } from './events';

interface GuardrailState {
  /** The user's own escalation contact; overrides the deployer's. */
  contact: EscalationContact | null;
  events: SafetyEvent[];
  setContact(contact: EscalationContact | null): void;
  log(event: Omit<SafetyEvent, 'excerpt'> & { text: string }): void;
  markEscalated(id: string, via: 'email' | 'webhook'): void;
  clearEvents(): void;
}

export const GUARDRAILS_KEY = 'kin.guardrails';

/** Escalation contact and safety event log, in localStorage (through safeStorage: never throws). */
export const guardrailStore = createStore<GuardrailState>()(
  persist(
    (set, get) => ({
      contact: null,
      events: [],
      setContact: (contact) => set({ contact }),
      log: (event) => set({ events: appendEvent(get().events, event) }),
      markEscalated: (id, via) => set({ events: markEscalated(get().events, id, via) }),
      clearEvents: () => set({ events: [] }),
    }),
    {
      name: GUARDRAILS_KEY,
      version: 1,
      storage: createJSONStorage(() => safeStorage(browserLocalStorage, reportStorageError)),
      partialize: (s) => ({ contact: s.contact, events: s.events }),
    },
  ),
);

/** The deployer's contact from NEXT_PUBLIC_KIN_ESCALATION_EMAIL / _WEBHOOK, if set and valid. */
export function deployerContact(env: Record<string, string | undefined> = {
  NEXT_PUBLIC_KIN_ESCALATION_EMAIL: process.env.NEXT_PUBLIC_KIN_ESCALATION_EMAIL,
  NEXT_PUBLIC_KIN_ESCALATION_WEBHOOK: process.env.NEXT_PUBLIC_KIN_ESCALATION_WEBHOOK,
  NEXT_PUBLIC_KIN_ESCALATION_NAME: process.env.NEXT_PUBLIC_KIN_ESCALATION_NAME,
}): EscalationContact | null {
  const name = env.NEXT_PUBLIC_KIN_ESCALATION_NAME || undefined;
  const candidates: EscalationContact[] = [];
  if (env.NEXT_PUBLIC_KIN_ESCALATION_WEBHOOK) candidates.push({ kind: 'webhook', url: env.NEXT_PUBLIC_KIN_ESCALATION_WEBHOOK, name });
  if (env.NEXT_PUBLIC_KIN_ESCALATION_EMAIL) candidates.push({ kind: 'email', address: env.NEXT_PUBLIC_KIN_ESCALATION_EMAIL, name });
  return candidates.find((c) => validateContact(c) === null) ?? null;
}

/** The contact offered in a crisis: the user's own, else the deployer's, else none. */
export function activeContact(): EscalationContact | null {
  return guardrailStore.getState().contact ?? deployerContact();
}

/** Records a crisis in the user's safety log (localStorage; a failure is reported, never thrown). */
export function logSafetyEvent(event: Omit<SafetyEvent, 'excerpt'> & { text: string }): void {
  guardrailStore.getState().log(event);
}
