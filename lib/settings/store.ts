import { createJSONStorage, persist } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import { browserLocalStorage, safeStorage } from '../storage/safe-storage';
import { reportStorageError } from '../storage/notices';
import { toTurnPatience, type TurnPatience } from '../turns/patience';

export type BrainChoice = 'builtin' | 'local-llm' | 'openai-compatible';
/** 'auto' = eSpeak NG (no download); 'neural' = a Piper voice downloaded once (lib/speech/piper). */
export type VoiceChoice = 'auto' | 'neural' | 'browser' | 'captions';
/** Speech recognition: 'auto' = on-device Whisper once downloaded, else the browser's (cloud allowed only), else none. */
export type SttChoice = 'auto' | 'moonshine' | 'whisper' | 'web-speech' | 'off';

export interface Settings {
  brain: BrainChoice;
  /** OpenAI-compatible endpoint (Ollama, LM Studio, vLLM, OpenAI…). The key never leaves this device except to that endpoint. */
  endpoint: { baseUrl: string; model: string; apiKey: string };
  /** In-browser model: '' picks one for this device; a URL (GGUF) overrides. */
  localModelUrl: string;
  voice: VoiceChoice;
  /** Piper voice for 'neural': 'persona' (each companion's own) or a voice id, e.g. 'en_US-lessac-medium'. */
  piperVoice: string;
  /** Where Piper voices download from (rhasspy/piper-voices layout: {lang}/{lang_CODE}/{name}/{quality}/…). */
  piperHost: string;
  stt: SttChoice;
  /** Speech model repo id on `sttHost` (transformers.js ONNX layout), e.g. 'Xenova/whisper-tiny.en'. */
  sttModel: string;
  /** Where the speech model downloads from (Hugging Face or a mirror with the same paths). */
  sttHost: string;
  /** When the user pauses: how sure the turn model must be, and how much silence, before the companion answers. */
  turnPatience: TurnPatience;
  /** Preferred device ids ('' = system default). */
  cameraId: string;
  micId: string;
  privacy: {
    /** Keep memories of conversations on this device. */
    rememberConversations: boolean;
    /** Let the brain see a one-line description of how you seem (never images or audio). */
    shareMoodWithBrain: boolean;
    /** Keep short notes of how you seemed during calls in memory (sentences only, at most every 2 minutes). Off by default. */
    rememberMood: boolean;
    /** Allow sending text to a cloud provider when one is configured. */
    allowCloud: boolean;
  };
  showHud: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  brain: 'builtin',
  endpoint: { baseUrl: 'http://localhost:11434/v1', model: 'llama3.2', apiKey: '' },
  localModelUrl: '',
  voice: 'auto',
  piperVoice: 'persona',
  piperHost: 'https://huggingface.co/rhasspy/piper-voices/resolve/v1.0.0/',
  stt: 'auto',
  sttModel: 'Xenova/whisper-tiny.en',
  sttHost: 'https://huggingface.co/',
  turnPatience: 'balanced',
  cameraId: '',
  micId: '',
  privacy: { rememberConversations: true, shareMoodWithBrain: true, rememberMood: false, allowCloud: false },
  showHud: false,
};

interface SettingsState extends Settings {
  update(patch: Partial<Settings>): void;
  updatePrivacy(patch: Partial<Settings['privacy']>): void;
  reset(): void;
}

export const SETTINGS_KEY = 'kin.settings';

export const settingsStore = createStore<SettingsState>()(
  persist(
    (set, get) => ({
      ...DEFAULT_SETTINGS,
      update: (patch) => set(patch),
      updatePrivacy: (patch) => set({ privacy: { ...get().privacy, ...patch } }),
      reset: () => set(DEFAULT_SETTINGS),
    }),
    {
      name: SETTINGS_KEY,
      version: 1,
      storage: createJSONStorage(() => safeStorage(browserLocalStorage, reportStorageError)),
      skipHydration: true,
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<Settings>;
        return {
          ...current,
          ...p,
          endpoint: { ...current.endpoint, ...(p.endpoint ?? {}) },
          privacy: { ...current.privacy, ...(p.privacy ?? {}) },
          turnPatience: toTurnPatience(p.turnPatience ?? current.turnPatience),
        };
      },
    },
  ),
);
