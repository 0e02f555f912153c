import { describe, expect, test } from 'vitest';
import { cachedBackends, modelFileUrl, normalizeHost, sttModelSpec, type CacheStorageLike } from './models';
import { createRecognizer, planRecognizer, selectRecognizer, type RecognizerEnv, type SttSettings } from './select';
import type { WebSpeechConstructor } from './web-speech-recognizer';

const SETTINGS: SttSettings = { stt: 'auto', sttModel: 'Xenova/whisper-tiny.en', sttHost: 'https://huggingface.co/', privacy: { allowCloud: false } };
const ENV: RecognizerEnv = { testTranscript: null, webSpeechAvailable: true, whisperCachedBackends: [], moonshineAvailable: false, workersAvailable: true, online: true };
const FIXTURE = '{"words":[{"w":"hi","start":0,"end":0.3}]}';

function plan(settings: Partial<SttSettings>, env: Partial<RecognizerEnv>) {
  return planRecognizer({ ...SETTINGS, ...settings, privacy: { ...SETTINGS.privacy, ...settings.privacy } }, { ...ENV, ...env });
}

describe('planRecognizer', () => {
  test.each<[string, Partial<SttSettings>, Partial<RecognizerEnv>, string, RegExp | null]>([
    ['auto, nothing cached, no cloud: none, offers the download', {}, {}, 'none', /one-time download of Whisper tiny\.en \(about 42 MB\)/],
    ['auto, cached: whisper', {}, { whisperCachedBackends: ['wasm'] }, 'whisper', null],
    ['auto, cached but no workers: falls to none', {}, { whisperCachedBackends: ['wasm'], workersAvailable: false }, 'none', /download/],
    ['auto, cloud allowed, not cached: web speech', { privacy: { allowCloud: true } }, {}, 'web-speech', null],
    ['auto, cloud allowed, no web speech: none', { privacy: { allowCloud: true } }, { webSpeechAvailable: false }, 'none', /download/],
    ['whisper, not cached, online: whisper with download', { stt: 'whisper' }, {}, 'whisper', null],
    ['whisper, not cached, offline: none', { stt: 'whisper' }, { online: false }, 'none', /not downloaded yet .* offline/],
    ['whisper, cached, offline: whisper', { stt: 'whisper' }, { online: false, whisperCachedBackends: ['wasm'] }, 'whisper', null],
    ['whisper, bad host', { stt: 'whisper', sttHost: 'ftp://mirror' }, {}, 'none', /not an http\(s\) address/],
    ['web-speech without cloud consent: none', { stt: 'web-speech' }, {}, 'none', /sends your voice to the browser maker/],
    ['web-speech with consent', { stt: 'web-speech', privacy: { allowCloud: true } }, {}, 'web-speech', null],
    ['web-speech with consent but absent', { stt: 'web-speech', privacy: { allowCloud: true } }, { webSpeechAvailable: false }, 'none', /no speech recognition/],
    ['off', { stt: 'off' }, { testTranscript: FIXTURE }, 'none', /off in Settings/],
    ['fixture transcript wins over auto', {}, { testTranscript: FIXTURE, whisperCachedBackends: ['wasm'] }, 'test', null],
    ['auto, Moonshine served, nothing cached: moonshine (no download)', {}, { moonshineAvailable: true }, 'moonshine', null],
    ['auto, Moonshine served, cloud allowed: moonshine stays on the device', { privacy: { allowCloud: true } }, { moonshineAvailable: true }, 'moonshine', null],
    ['auto, Whisper cached and Moonshine served: whisper (the user downloaded it)', {}, { moonshineAvailable: true, whisperCachedBackends: ['wasm'] }, 'whisper', null],
    ['auto, Moonshine served, offline: moonshine', {}, { moonshineAvailable: true, online: false }, 'moonshine', null],
    ['auto, Moonshine served but no workers: none', {}, { moonshineAvailable: true, workersAvailable: false }, 'none', /download/],
    ['moonshine, served', { stt: 'moonshine' }, { moonshineAvailable: true }, 'moonshine', null],
    ['moonshine, files missing: none, says why', { stt: 'moonshine' }, {}, 'none', /Moonshine tiny is missing from this installation .*npm run setup/],
    ['moonshine, no workers: none', { stt: 'moonshine' }, { moonshineAvailable: true, workersAvailable: false }, 'none', /no module workers/],
    ['bad fixture: none with the reason', { stt: 'whisper' }, { testTranscript: '{' }, 'none', /Test transcript ignored: .* not JSON/],
  ])('%s', (_name, settings, env, kind, reason) => {
    const result = plan(settings, env);
    expect(result.kind).toBe(kind);
    if (reason) expect(result.kind === 'none' && result.reason).toMatch(reason);
  });

  test('whisper tries cached backends only, so nothing downloads again; else WebGPU then WASM', () => {
    expect(plan({ stt: 'whisper' }, { whisperCachedBackends: ['wasm'] })).toMatchObject({ backends: ['wasm'], needsDownload: false });
    expect(plan({ stt: 'whisper' }, { whisperCachedBackends: ['wasm', 'webgpu'] })).toMatchObject({ backends: ['webgpu', 'wasm'] });
    expect(plan({ stt: 'whisper' }, {})).toMatchObject({ backends: ['webgpu', 'wasm'], needsDownload: true, host: 'https://huggingface.co/' });
  });

  test('createRecognizer builds the provider of each plan (none for none)', () => {
    class FakeRecognition {}
    const deps = {
      whisper: { createWorker: () => { throw new Error('not in this test'); }, wasmPaths: '/vendor/ort-transformers/', pathTemplate: '{model}/resolve/{revision}/' },
      webSpeech: FakeRecognition as unknown as WebSpeechConstructor,
    };
    expect(createRecognizer(plan({}, { testTranscript: FIXTURE }), deps)?.label).toBe('Test transcript (fixture)');
    expect(createRecognizer(plan({ stt: 'whisper' }, {}), deps)?.kind).toBe('whisper');
    expect(createRecognizer(plan({ stt: 'web-speech', privacy: { allowCloud: true } }, {}), deps)?.label).toMatch(/audio goes to the browser vendor/);
    expect(createRecognizer(plan({}, {}), deps)).toBeNull();
    expect(selectRecognizer({ ...SETTINGS, stt: 'off' }, ENV, deps).recognizer).toBeNull();
    // Without a Moonshine worker factory a Moonshine plan builds nothing.
    expect(createRecognizer(plan({ stt: 'moonshine' }, { moonshineAvailable: true }), deps)).toBeNull();
  });

  test('a Moonshine plan loads the app-served model through its own worker, on WASM', async () => {
    const posted: unknown[] = [];
    const worker = { postMessage: (m: unknown) => posted.push(m), onmessage: null as ((e: MessageEvent<unknown>) => void) | null, onerror: null, terminate: () => undefined };
    const deps = {
      whisper: { createWorker: () => { throw new Error('the Whisper worker must not start'); }, wasmPaths: '/vendor/ort-transformers/', pathTemplate: '{model}/resolve/{revision}/' },
      webSpeech: null,
      moonshine: { createWorker: () => worker },
    };
    const recognizer = createRecognizer(plan({}, { moonshineAvailable: true }), deps)!;
    expect(recognizer.label).toBe('Moonshine tiny (loading)');
    const started = recognizer.start();
    expect(posted[0]).toEqual({
      type: 'load',
      request: { modelId: 'moonshine-tiny', remoteHost: '/models/', remotePathTemplate: '{model}/', wasmPaths: '/vendor/ort/', backends: ['wasm'], language: null },
    });
    worker.onmessage!({ data: { type: 'ready', backend: 'wasm', loadMs: 5, webgpuSkipped: 'Moonshine runs on WASM in Kin' } } as MessageEvent<unknown>);
    await started;
    expect(recognizer.label).toBe('Moonshine tiny (WASM)');
    recognizer.dispose();
  });
});

describe('model files and cache', () => {
  test('file URLs match transformers.js (host with or without a trailing slash)', () => {
    const expected = 'https://huggingface.co/Xenova/whisper-tiny.en/resolve/main/onnx/encoder_model_quantized.onnx';
    expect(modelFileUrl('https://huggingface.co/', 'Xenova/whisper-tiny.en', 'onnx/encoder_model_quantized.onnx')).toBe(expected);
    expect(modelFileUrl('https://huggingface.co', 'Xenova/whisper-tiny.en', 'onnx/encoder_model_quantized.onnx')).toBe(expected);
    expect(modelFileUrl('https://mirror.example/models/', 'a/b', 'config.json', '{model}/')).toBe('https://mirror.example/models/a/b/config.json');
  });

  test('normalizeHost', () => {
    expect(normalizeHost(' https://hf-mirror.com ')).toBe('https://hf-mirror.com/');
    expect(normalizeHost('javascript:alert(1)')).toBeNull();
    expect(normalizeHost('not a url')).toBeNull();
  });

  test('an unknown model id gets Whisper file names and an unknown size', () => {
    const spec = sttModelSpec('me/whisper-small.en');
    expect(spec).toMatchObject({ id: 'me/whisper-small.en', label: 'whisper-small.en', englishOnly: true });
    expect(Number.isNaN(spec.approxDownloadMb.wasm)).toBe(true);
  });

  test('cachedBackends reports a backend only when all of its files are cached', async () => {
    const spec = sttModelSpec('Xenova/whisper-tiny.en');
    const stored = new Set(spec.files.wasm.map((f) => modelFileUrl('https://huggingface.co/', spec.id, f)));
    const caches: CacheStorageLike = {
      has: async (name) => name === 'transformers-cache',
      open: async () => ({ match: async (url: string) => (stored.has(url) ? {} : undefined) }),
    };
    expect(await cachedBackends(caches, 'https://huggingface.co/', spec)).toEqual(['wasm']);
    stored.delete(modelFileUrl('https://huggingface.co/', spec.id, 'tokenizer.json'));
    expect(await cachedBackends(caches, 'https://huggingface.co/', spec)).toEqual([]);
    expect(await cachedBackends(undefined, 'https://huggingface.co/', spec)).toEqual([]);
    const broken: CacheStorageLike = { has: async () => { throw new Error('SecurityError'); }, open: async () => ({ match: async () => undefined }) };
    expect(await cachedBackends(broken, 'https://huggingface.co/', spec)).toEqual([]);
  });
});
