/**
 * eSpeak NG (GPL-3.0) for the speech workers: loaded at run time as a separate module from
 * /vendor/espeak/ (copied out of its npm package by `npm run setup`), never bundled. One loader and
 * one text escape for the eSpeak voice (tts.worker.ts) and the Piper phonemizer (tts-piper.worker.ts).
 */

export interface EspeakEvent { type: string; text_position: number; audio_position: number; id?: string | number }

/** The slice of the emscripten build's eSpeakNGWorker the workers use. */
export interface EspeakEngine {
  set_voice(name: string): number;
  set_rate(wpm: number): number;
  set_pitch(pitch: number): number;
  get_samplerate(): number;
  synthesize(text: string, callback: (chunk: Int16Array | null, events: EspeakEvent[]) => number): number;
  synthesize_ipa(text: string): { code: number; ipa: string };
}

interface EspeakModule { eSpeakNGWorker: new () => EspeakEngine }

/** Imports the module at `moduleUrl` and starts an engine. */
export async function loadEspeak(moduleUrl: string): Promise<EspeakEngine> {
  const mod = (await import(/* webpackIgnore: true */ moduleUrl)) as { default: () => Promise<EspeakModule> };
  return new (await mod.default()).eSpeakNGWorker();
}

/** SSML is on in this build: markup characters in the text are escaped. */
export function escapeForEspeak(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
