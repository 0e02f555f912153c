import { describe, expect, test } from 'vitest';
import { parseTestTranscript, TEST_FINAL_WAIT_MS, TEST_WORD_LAG_MS, TestTranscriptRecognizer } from './test-recognizer';

const FIXTURE = JSON.stringify({
  words: [
    { w: 'Hello', start: 0.5, end: 0.9 },
    { w: 'there.', start: 1.0, end: 1.4 },
    { w: 'How', start: 3.0, end: 3.2 },
    { w: 'are', start: 3.25, end: 3.4 },
    { w: 'you?', start: 3.45, end: 3.8 },
  ],
});

/** Pushes 10 ms frames from `fromMs` (mic time) up to `toMs`, with an audio clock that starts at 5000 ms. */
function pushUntil(recognizer: TestTranscriptRecognizer, fromMs: number, toMs: number) {
  for (let t = fromMs; t < toMs; t += 10) recognizer.pushFrame(new Float32Array(160), 5000 + t);
}

/** A started recognizer on FIXTURE and the `heardUntilMs` of each partial it emits. */
async function startedHearing() {
  const recognizer = new TestTranscriptRecognizer(parseTestTranscript(FIXTURE));
  await recognizer.start();
  const heard: (number | undefined)[] = [];
  recognizer.onPartial((_text, heardUntilMs) => heard.push(heardUntilMs));
  return { recognizer, heard };
}

describe('TestTranscriptRecognizer', () => {
  test('labels itself as the fixture and emits each word 300 ms after it ends in mic time', async () => {
    const recognizer = new TestTranscriptRecognizer(parseTestTranscript(FIXTURE));
    expect(recognizer.label).toBe('Test transcript (fixture)');
    await recognizer.start();
    const partials: { text: string; atMs: number }[] = [];
    recognizer.onPartial((text) => partials.push({ text, atMs: recognizer.micTimeMs }));
    pushUntil(recognizer, 0, 2000);
    expect(partials).toEqual([
      { text: 'hello', atMs: 900 + TEST_WORD_LAG_MS },
      { text: 'hello there', atMs: 1400 + TEST_WORD_LAG_MS },
    ]);
  });

  test('the first speech start aligns the fixture clock with the audio (the file started before the first frame)', async () => {
    const { recognizer, heard } = await startedHearing();
    pushUntil(recognizer, 0, 300);
    // "Hello" (fixture 0.5 s) was detected at 5000 + 370 ms: onset 320 ms, so the file began 180 ms before the first frame.
    recognizer.speechStart(5000 + 370);
    pushUntil(recognizer, 300, 2000);
    expect(heard).toEqual([5000 - 180 + 900, 5000 - 180 + 1400]);
    // The whole turn is there once the audio up to the end of "there." has been pushed.
    expect(await recognizer.takeTurn()).toBe('hello there');
    // A start far from any fixture word (noise long before) does not move the clock.
    const other = new TestTranscriptRecognizer(parseTestTranscript(FIXTURE));
    other.pushFrame(new Float32Array(160), 5000);
    other.speechStart(5000 + 5000);
    other.onPartial((_text, heardUntilMs) => heard.push(heardUntilMs));
    pushUntil(other, 10, 1300);
    expect(heard.at(-1)).toBe(5000 + 900);
  });

  test('each partial says up to when it heard, on the frames\' clock, however late it is emitted', async () => {
    const { recognizer, heard } = await startedHearing();
    // All frames arrive in one late burst (a busy main thread): the words still end where they were spoken.
    pushUntil(recognizer, 0, 2000);
    expect(heard).toEqual([5000 + 900, 5000 + 1400]);
  });

  test('takeTurn returns the words ended so far (even those not yet streamed) and starts a new turn', async () => {
    const recognizer = new TestTranscriptRecognizer(parseTestTranscript(FIXTURE));
    const partials: string[] = [];
    recognizer.onPartial((text) => partials.push(text));
    pushUntil(recognizer, 0, 1500); // "there" ended at 1.4 s but is streamed only at 1.7 s
    expect(partials).toEqual(['hello']);
    await expect(recognizer.takeTurn()).resolves.toBe('hello there');
    pushUntil(recognizer, 1500, 3500);
    expect(partials.at(-1)).toBe('how');
    pushUntil(recognizer, 3500, 4500);
    expect(partials.at(-1)).toBe('how are you');
    await expect(recognizer.takeTurn()).resolves.toBe('how are you');
    await expect(recognizer.takeTurn()).resolves.toBe('');
  });

  test('a turn taken before any word ends is empty', async () => {
    const recognizer = new TestTranscriptRecognizer(parseTestTranscript(FIXTURE));
    pushUntil(recognizer, 0, 800);
    await expect(recognizer.takeTurn()).resolves.toBe('');
  });

  test.each([
    ['not json', /not JSON/],
    ['{"words": 3}', /needs \{"words"/],
    ['{"words":[{"w":"a","start":2,"end":1}]}', /word 0/],
    ['{"words":[{"w":1,"start":0,"end":1}]}', /word 0/],
  ])('rejects a bad fixture %j with a clear message', (json, message) => {
    expect(() => parseTestTranscript(json)).toThrow(message);
  });

  test('takeTurn waits for the frames up to the announced speech end (late main-thread delivery), and no longer than TEST_FINAL_WAIT_MS', async () => {
    const recognizer = new TestTranscriptRecognizer(parseTestTranscript(FIXTURE));
    await recognizer.start();
    pushUntil(recognizer, 0, 3600); // "you?" ends at 3.8 s: not delivered yet
    recognizer.speechEnd(5000 + 3720); // the detector's end can lie a little before the word's end (3.8 s)
    const taking = recognizer.takeTurn();
    setTimeout(() => pushUntil(recognizer, 3600, 3760), 20);
    setTimeout(() => pushUntil(recognizer, 3760, 3900), 60);
    expect(await taking).toBe('hello there how are you');

    const late = new TestTranscriptRecognizer(parseTestTranscript(FIXTURE));
    pushUntil(late, 0, 3600);
    late.speechEnd(5000 + 3800);
    const started = Date.now();
    expect(await late.takeTurn()).toBe('hello there how are');
    expect(Date.now() - started).toBeGreaterThanOrEqual(TEST_FINAL_WAIT_MS - 20);
  });

  test('a final decode hears the last word that had begun by the speech end, though its fixture end lies later than the tail', async () => {
    const recognizer = new TestTranscriptRecognizer(parseTestTranscript(FIXTURE));
    // "you?" runs 3.45-3.8 s; the detector ended speech at 3.65 s and the audio up to 3.75 s is in.
    pushUntil(recognizer, 0, 3750);
    recognizer.speechEnd(5000 + 3650);
    expect(await recognizer.takeTurn()).toBe('hello there how are you');
    // A word that begins after the speech end is the next turn's.
    const next = new TestTranscriptRecognizer(parseTestTranscript(FIXTURE));
    pushUntil(next, 0, 1550);
    next.speechEnd(5000 + 1450);
    expect(await next.takeTurn()).toBe('hello there');
  });

  test('a speech end re-aligns a clock that a late first speech start put off, and the turn keeps its last word', async () => {
    const { recognizer, heard } = await startedHearing();
    // The detector started mid-"Hello": its first speech start came 400 ms after the word began.
    pushUntil(recognizer, 0, 900);
    recognizer.speechStart(5000 + 500 + 400 + 50);
    // "there." ends at 1.4 s (a pause follows); the detector hears the speech end at 1.38 s.
    pushUntil(recognizer, 900, 1480);
    recognizer.speechEnd(5000 + 1380);
    expect(recognizer.micTimeMs).toBe(1480 + 20);
    expect(await recognizer.takeTurn()).toBe('hello there');
    // The next word is placed on the corrected clock ("how" ends at 3.2 s).
    pushUntil(recognizer, 1480, 3600);
    expect(heard.at(-1)).toBe(5000 - 20 + 3200);
    // A speech end far from any fixture pause (a comma inside a sentence) does not move the clock.
    const other = new TestTranscriptRecognizer(parseTestTranscript(FIXTURE));
    pushUntil(other, 0, 2400);
    other.speechEnd(5000 + 2300);
    expect(other.micTimeMs).toBe(2400);
  });
});
