import { createStore } from 'zustand/vanilla';
import { ERROR_MESSAGES, type KinErrorCode } from '../errors';
import type { SafetyCard } from '../guardrails/safe-response';
import { transition, type CallEvent, type CallPhase } from './machine';

/** State of one input device during a call. */
export type DeviceStatus = 'off' | 'starting' | 'on' | 'muted' | 'denied' | 'unavailable' | 'lost';

export interface Caption {
  id: number;
  /** 'tool': the compact line for a tool call and its result (lib/tools). */
  speaker: 'user' | 'companion' | 'tool';
  text: string;
  /** False while the text is still streaming / being spoken. */
  final: boolean;
  /** Memories that were in mind for this reply (shown as "remembered: …"). */
  used?: string[];
  /** A crisis reply: help resources and the escalation offer shown under it (lib/guardrails). */
  safety?: SafetyCard & { eventId: string };
  /** Knowledge chunks the reply used (shown as "source: title › section", linking to /knowledge). */
  sources?: { title: string; section: string; href: string }[];
}

/** Timings of one turn, ms from the moment the user's turn ended. */
export interface TurnLatency {
  turn: number;
  firstTokenMs: number | null;
  speechStartMs: number | null;
  totalMs: number | null;
  interrupted: boolean;
  /** Voice turns: the user's speech end → the turn detector's commit, ms. */
  commitMs?: number;
  /** Voice turns: the user's speech end → the first companion audio out, ms. */
  voiceToVoiceMs?: number;
  /** When the latencies above start counting (the commit or the typed turn), on the `now()` clock, ms. */
  startedAtMs?: number;
  /** The reply was prepared on a turn-taking speculation and kept at the commit. */
  speculated?: boolean;
}

export interface CallNotice {
  code: KinErrorCode;
  message: string;
}

export interface CallState {
  phase: CallPhase;
  personaId: string | null;
  camera: DeviceStatus;
  mic: DeviceStatus;
  captions: Caption[];
  notices: CallNotice[];
  turns: TurnLatency[];
  audioSuspended: boolean;
  /** A gentle tip about the camera picture (too dark…), or null. */
  videoHint: string | null;
  /** How the user seems, from the face (changes only when the description does). */
  perception: { state: string; sentence: string; confidence: number; cues: string[]; timestampMs: number } | null;
  /** A model being downloaded/loaded for this call, or null. */
  brainLoading: { label: string; loaded: number; total: number } | null;
  /** The speech-recognition model being downloaded for this call, or null. */
  sttLoading: { label: string; loaded: number; total: number } | null;
  labels: { brain: string; voice: string; vision: string; audio: string; memory: string; turns: string; stt: string };
  dispatch(event: CallEvent): void;
}

const MAX_CAPTIONS = 60;
const MAX_TURNS = 20;

export const INITIAL_CALL_STATE = {
  phase: 'idle' as CallPhase,
  personaId: null,
  camera: 'off' as DeviceStatus,
  mic: 'off' as DeviceStatus,
  captions: [] as Caption[],
  notices: [] as CallNotice[],
  turns: [] as TurnLatency[],
  audioSuspended: false,
  videoHint: null as string | null,
  perception: null as CallState['perception'],
  brainLoading: null as { label: string; loaded: number; total: number } | null,
  sttLoading: null as { label: string; loaded: number; total: number } | null,
  labels: { brain: '—', voice: '—', vision: '—', audio: '—', memory: '—', turns: '—', stt: '—' },
};

/** Creates a call store (one per call page). */
export function createCallStore() {
  return createStore<CallState>()((set, get) => ({
    ...INITIAL_CALL_STATE,
    dispatch(event) {
      const next = transition(get().phase, event);
      if (next !== get().phase) set({ phase: next });
    },
  }));
}

export type CallStore = ReturnType<typeof createCallStore>;

let captionId = 1;

/** Small, typed mutations used by the session; kept here so every writer goes through one place. */
export const callActions = {
  addCaption(store: CallStore, speaker: Caption['speaker'], text: string, final: boolean, used?: string[]): number {
    const id = captionId++;
    const caption: Caption = used?.length ? { id, speaker, text, final, used } : { id, speaker, text, final };
    store.setState({ captions: [...store.getState().captions, caption].slice(-MAX_CAPTIONS) });
    return id;
  },
  updateCaption(store: CallStore, id: number, text: string, final: boolean): void {
    store.setState({ captions: store.getState().captions.map((c) => (c.id === id ? { ...c, text, final } : c)) });
  },
  notify(store: CallStore, code: KinErrorCode, message: string = ERROR_MESSAGES[code]): void {
    const notices = store.getState().notices.filter((n) => n.code !== code);
    store.setState({ notices: [...notices, { code, message }] });
  },
  clearNotice(store: CallStore, code: KinErrorCode): void {
    store.setState({ notices: store.getState().notices.filter((n) => n.code !== code) });
  },
  attachSources(store: CallStore, id: number, sources: NonNullable<Caption['sources']>): void {
    store.setState({ captions: store.getState().captions.map((c) => (c.id === id ? { ...c, sources } : c)) });
  },
  attachSafety(store: CallStore, id: number, safety: NonNullable<Caption['safety']>): void {
    store.setState({ captions: store.getState().captions.map((c) => (c.id === id ? { ...c, safety } : c)) });
  },
  recordTurn(store: CallStore, turn: TurnLatency): void {
    const turns = store.getState().turns.filter((t) => t.turn !== turn.turn);
    store.setState({ turns: [...turns, turn].slice(-MAX_TURNS) });
  },
};
