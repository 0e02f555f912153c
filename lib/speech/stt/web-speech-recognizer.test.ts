import { describe, expect, test } from 'vitest';
import { webSpeechConstructor, WebSpeechRecognizer, type WebSpeechRecognitionLike } from './web-speech-recognizer';

type Result = { isFinal: boolean; 0: { transcript: string } };

class FakeRecognition implements WebSpeechRecognitionLike {
  static last: FakeRecognition | null = null;
  static startError: string | null = null;
  continuous = false;
  interimResults = false;
  lang = '';
  onresult: WebSpeechRecognitionLike['onresult'] = null;
  onerror: WebSpeechRecognitionLike['onerror'] = null;
  onend: (() => void) | null = null;
  onstart: (() => void) | null = null;
  starts = 0;
  aborted = false;
  results: Result[] = [];
  constructor() {
    FakeRecognition.last = this;
  }
  start() {
    this.starts++;
    this.results = [];
    if (FakeRecognition.startError) queueMicrotask(() => this.onerror?.({ error: FakeRecognition.startError ?? '' }));
    else queueMicrotask(() => this.onstart?.());
  }
  stop() {}
  abort() {
    this.aborted = true;
  }
  /** Sets result `index` and fires onresult from there, like Chrome. */
  say(index: number, transcript: string, isFinal: boolean) {
    this.results[index] = { isFinal, 0: { transcript } };
    this.onresult?.({ resultIndex: index, results: this.results });
  }
  endSession() {
    this.onend?.();
  }
}

describe('WebSpeechRecognizer', () => {
  test('finds the prefixed constructor', () => {
    expect(webSpeechConstructor({})).toBeNull();
    expect(webSpeechConstructor({ webkitSpeechRecognition: FakeRecognition })).toBe(FakeRecognition);
  });

  test('continuous + interim; partials stream; a turn never repeats words taken before, even when revised', async () => {
    FakeRecognition.startError = null;
    const recognizer = new WebSpeechRecognizer(FakeRecognition);
    await recognizer.start();
    const rec = FakeRecognition.last!;
    expect([rec.continuous, rec.interimResults, rec.lang]).toEqual([true, true, 'en-US']);
    const partials: string[] = [];
    recognizer.onPartial((t) => partials.push(t));
    rec.say(0, 'Hello', false);
    rec.say(0, 'Hello there.', true);
    rec.say(1, ' how are', false);
    expect(partials).toEqual(['hello', 'hello there', 'hello there how are']);
    await expect(recognizer.takeTurn()).resolves.toBe('hello there how are');
    rec.say(1, ' how are you?', true); // the taken interim is finalised later: not counted again
    rec.say(2, ' Fine', false);
    await expect(recognizer.takeTurn()).resolves.toBe('fine');
  });

  test('restarts after the browser ends a session and keeps the words of the turn', async () => {
    FakeRecognition.startError = null;
    const recognizer = new WebSpeechRecognizer(FakeRecognition);
    await recognizer.start();
    const rec = FakeRecognition.last!;
    rec.say(0, 'I went', true);
    rec.endSession();
    expect(rec.starts).toBe(2);
    rec.say(0, 'to the park', true);
    await expect(recognizer.takeTurn()).resolves.toBe('i went to the park');
    recognizer.dispose();
    expect(rec.aborted).toBe(true);
    rec.endSession();
    expect(rec.starts).toBe(2);
  });

  test('a blocked microphone rejects start with a clear message', async () => {
    FakeRecognition.startError = 'not-allowed';
    const recognizer = new WebSpeechRecognizer(FakeRecognition);
    await expect(recognizer.start()).rejects.toMatchObject({ code: 'model:load', message: expect.stringContaining('microphone permission') });
    FakeRecognition.startError = null;
  });
});
