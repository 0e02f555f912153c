/// <reference lib="webworker" />
/**
 * Neural voice worker: a Piper voice (VITS, ONNX) on onnxruntime-web, with eSpeak NG (GPL-3.0,
 * loaded at run time from /vendor/espeak/, as in tts.worker.ts) turning text into IPA. The voice is
 * downloaded once with the user's consent and kept in Cache Storage; text never leaves this device.
 */
import { parsePiperConfigText, PiperError, type PiperVoiceConfig } from '../lib/speech/piper/config';
import { PIPER_CACHE } from '../lib/speech/piper/catalogue';
import { fetchVoiceFile, storeVoiceFile } from '../lib/speech/piper/fetch';
import { describeMissing } from '../lib/speech/piper/ids';
import type { PiperInMessage, PiperOutMessage } from '../lib/speech/piper/protocol';
import { audioFromOutput, synthesizePiper, type PiperRun } from '../lib/speech/piper/synthesize';
import { DownloadProgress } from '../lib/speech/stt/progress';
import { escapeForEspeak, loadEspeak, type EspeakEngine } from './espeak-engine';
import { openWasmModelBytes, ort } from './ort-wasm-runtime';

declare const self: DedicatedWorkerGlobalScope;

let espeak: EspeakEngine | null = null;
let config: PiperVoiceConfig | null = null;
let run: PiperRun | null = null;

function post(message: PiperOutMessage, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

function ipaOf(clause: string): string {
  const result = espeak!.synthesize_ipa(escapeForEspeak(clause));
  if (result.code !== 0) throw new PiperError('piper:phonemes', `eSpeak NG could not phonemize “${clause.slice(0, 40)}” (code ${result.code})`);
  return result.ipa;
}

async function init(message: Extract<PiperInMessage, { type: 'init' }>): Promise<void> {
  const started = performance.now();
  const cache = typeof caches === 'undefined' ? null : await caches.open(PIPER_CACHE).catch(() => null);
  const progress = new DownloadProgress();
  const report = (file: string) => (loaded: number, total: number) => post({ type: 'progress', ...progress.update(file, loaded, total) });
  const options = (file: string) => ({ cache, allowDownload: message.allowDownload, onProgress: report(file) });
  const [configFile, modelFile] = await Promise.all([
    fetchVoiceFile(message.configUrl, options('config')),
    fetchVoiceFile(message.modelUrl, options('model')),
  ]);
  config = parsePiperConfigText(new TextDecoder().decode(configFile.bytes));
  espeak = await loadEspeak(message.espeakModuleUrl);
  if (espeak.set_voice(config.espeakVoice) !== 0) throw new PiperError('piper:config', `eSpeak NG has no voice “${config.espeakVoice}” to phonemize this model’s language`);
  let choice;
  try {
    choice = await openWasmModelBytes(modelFile.bytes, message.wasmBase);
  } catch (error) {
    throw new PiperError('piper:model', `The voice model could not be opened (${error instanceof Error ? error.message : String(error)}); the file may be broken or incomplete.`);
  }
  const session = choice.session;
  const needsSid = session.inputNames.includes('sid');
  run = async (ids, scales, speakerId) => {
    const feeds: Record<string, ort.Tensor> = {
      input: new ort.Tensor('int64', BigInt64Array.from(ids, (id) => BigInt(id)), [1, ids.length]),
      input_lengths: new ort.Tensor('int64', BigInt64Array.from([BigInt(ids.length)]), [1]),
      scales: new ort.Tensor('float32', Float32Array.from(scales), [3]),
    };
    if (needsSid) feeds.sid = new ort.Tensor('int64', BigInt64Array.from([BigInt(speakerId ?? 0)]), [1]);
    const outputs = await session.run(feeds);
    const output = outputs[session.outputNames[0]];
    return audioFromOutput(output.data, output.dims);
  };
  // Warm-up, and a check that the model really makes audio from English before it is kept.
  const probe = await synthesizePiper('Hello.', config, ipaOf, run).catch((error: unknown) => {
    throw new PiperError('piper:model', `The voice model failed on a test sentence (${error instanceof Error ? error.message : String(error)}).`);
  });
  if (probe.missing.size) throw new PiperError('piper:phonemes', `This voice cannot say some English sounds: ${describeMissing(probe.missing)}.`);
  if (!probe.samples.some((s) => Math.abs(s) > 0.001)) throw new PiperError('piper:model', 'The voice model produced silence for a test sentence.');
  if (!configFile.fromCache) await storeVoiceFile(cache, message.configUrl, configFile.bytes, 'application/json');
  if (!modelFile.fromCache) await storeVoiceFile(cache, message.modelUrl, modelFile.bytes, 'application/octet-stream');
  post({
    type: 'ready',
    backend: choice.backend,
    sampleRate: config.sampleRate,
    fromCache: configFile.fromCache && modelFile.fromCache,
    bytes: configFile.bytes.length + modelFile.bytes.length,
    initMs: performance.now() - started,
    numSpeakers: config.numSpeakers,
  });
}

self.onmessage = async (event: MessageEvent<PiperInMessage>) => {
  const message = event.data;
  if (message.type === 'init') {
    try {
      await init(message);
    } catch (error) {
      post({ type: 'error', id: null, code: error instanceof PiperError ? error.code : 'piper:model', message: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  if (!config || !run || !espeak) {
    post({ type: 'error', id: message.id, code: 'piper:model', message: 'The neural voice is not loaded' });
    return;
  }
  const started = performance.now();
  try {
    const clip = await synthesizePiper(message.text, config, ipaOf, run, { rate: message.rate, speakerId: message.speakerId });
    post(
      { type: 'audio', id: message.id, sampleRate: clip.sampleRate, samples: clip.samples, phonemes: clip.phonemes, words: clip.words, missing: describeMissing(clip.missing), synthMs: performance.now() - started },
      [clip.samples.buffer],
    );
  } catch (error) {
    post({ type: 'error', id: message.id, code: error instanceof PiperError ? error.code : 'piper:model', message: error instanceof Error ? error.message : String(error) });
  }
};
