/** Messages between the main thread and workers/tts-piper.worker.ts. Imported by both sides. */
import type { TtsAudioMessage } from '../tts-protocol';
import type { PiperErrorCode } from './config';

export type PiperInMessage =
  | {
      type: 'init';
      /** eSpeak NG module (phonemizer), the same one the eSpeak worker loads. */
      espeakModuleUrl: string;
      /** onnxruntime-web wasm files. */
      wasmBase: string;
      modelUrl: string;
      configUrl: string;
      /** May fetch from the network (the user agreed to the download); false: cache only. */
      allowDownload: boolean;
    }
  | { type: 'speak'; id: number; text: string; /** Speaking-rate multiplier, 1 = the voice's own. */ rate: number; speakerId: number | null };

export type PiperOutMessage =
  | { type: 'progress'; loadedBytes: number; totalBytes: number; file: string }
  | {
      type: 'ready';
      backend: 'wasm' | 'webgpu';
      sampleRate: number;
      /** Both files came from Cache Storage (no network). */
      fromCache: boolean;
      /** Bytes of model + config. */
      bytes: number;
      initMs: number;
      numSpeakers: number;
    }
  /** A clip: phoneme starts are derived (see timing.ts); `missing` describes symbols the voice could not say (empty: none). */
  | (TtsAudioMessage & { missing: string })
  | { type: 'error'; id: number | null; code: PiperErrorCode; message: string };

/** onnxruntime-web's wasm files (copied by `npm run setup`), shared with the perception workers. */
export { ORT_WASM_BASE as PIPER_WASM_BASE } from '../../perception/protocol';
