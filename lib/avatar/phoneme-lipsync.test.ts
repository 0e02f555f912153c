import { describe, expect, test } from 'vitest';
import { ScriptedBrain } from '../brain/scripted-brain';
import { Conversation } from '../call/conversation';
import { createCallStore } from '../call/store';
import { DEMO_PERSONAS } from '../persona/personas';
import { FakeVoice, type FakeVoicePhonemes } from '../speech/fake-voice';
import type { PhonemeEvent } from '../speech/types';
import { BS } from './arkit';
import { facePhonemes } from './call-face';
import { AvatarInputReader, LIPSYNC_LEAD_MS } from './frame-input';
import { createAvatarStore, type AvatarState } from './store';
import { phonemeToViseme, VI, VISEME_WEIGHTS, VISEMES } from './visemes';

const MS_PER_WORD = 240; // 4-letter words: 60 ms per letter, the width of the timeline's blend window
const TIMING: FakeVoicePhonemes = { leadMs: 90, latencyMs: 25, contextOriginMs: 7345 };
// Two chunks (the opening clause, then the rest); 4-letter words whose letters are distinct visemes.
const REPLY = 'Mosa fipu mosa, semo fipu semo mosa.';

interface Seen {
  event: PhonemeEvent;
  /** Page clock when the voice reported it (the chunk was scheduled then). */
  atMs: number;
  /** The face's state right after it, as a render frame would read it. */
  face: AvatarState;
}

function call(voice: FakeVoice, reply = REPLY) {
  const store = createCallStore();
  store.getState().dispatch({ type: 'start' });
  store.getState().dispatch({ type: 'ready' });
  const avatar = createAvatarStore();
  const seen: Seen[] = [];
  const conversation = new Conversation({
    store,
    brain: new ScriptedBrain([reply]),
    speech: voice,
    persona: DEMO_PERSONAS[1],
    onPhonemes: (event) => {
      const atMs = performance.now();
      facePhonemes(event, avatar);
      seen.push({ event, atMs, face: avatar.getState() });
    },
  });
  return { store, avatar, conversation, seen };
}

/** The viseme the face shows (its largest weight) at page time `nowMs`, and that weight. */
function visemeAt(face: AvatarState, audioMs: number): { viseme: string; share: number } | null {
  const reader = new AvatarInputReader();
  // The face samples its track LIPSYNC_LEAD_MS ahead (to cancel the mouth spring's lag): read the
  // frame whose sample falls on `audioMs` of the chunk's audio.
  const input = reader.read(face.timelineStartMs + audioMs - LIPSYNC_LEAD_MS, 1 / 60, 'speaking', 0, face);
  if (!input.visemes) return null;
  let best = 0;
  for (let v = 1; v < input.visemes.length; v++) if (input.visemes[v] > input.visemes[best]) best = v;
  return { viseme: VISEMES[best], share: input.visemes[best] };
}

describe('eSpeak-style phoneme timings drive the face in a call, chunk by chunk', () => {
  test('each chunk’s visemes line up with its own audio start (after the skipped lead-in, with output latency)', async () => {
    const voice = new FakeVoice(2, MS_PER_WORD, TIMING);
    const { avatar, conversation, seen } = call(voice);
    await conversation.userTurn('say something');
    expect(voice.texts('play-end')).toEqual(['Mosa fipu mosa,', 'semo fipu semo mosa.']);
    const starts = seen.filter((s) => s.event.type === 'start');
    expect(starts).toHaveLength(2);
    const chunks = voice.texts('play-end');
    let previousEnd = -Infinity;
    starts.forEach(({ event, atMs, face }, c) => {
      if (event.type !== 'start') throw new Error('unreachable');
      // Scheduled 10 ms ahead on the audio clock, heard after the output latency: on the page clock.
      // `atMs` is read when the callback runs, a little after the voice scheduled the chunk: under
      // load (CI, 2 cores) that has been 1.2 ms, so the lower bound leaves 10 ms for it. Without the
      // output latency (25 ms) the difference would be 10 ms or less, which this still catches.
      expect(event.audioStartMs - atMs).toBeGreaterThanOrEqual(10 + TIMING.latencyMs! - 10);
      expect(event.audioStartMs - atMs).toBeLessThanOrEqual(10 + TIMING.latencyMs! + 2);
      expect(event.audioStartMs).toBeGreaterThanOrEqual(previousEnd);
      previousEnd = event.audioStartMs + event.durationMs;
      // The first phoneme sounds with the first audible sample (the lead-in silence is not played).
      expect(event.phonemes[0].startMs).toBeCloseTo(0, 6);
      expect(face.timelineStartMs).toBe(event.audioStartMs);
      // In the middle of every letter of this chunk, the face shows that letter's viseme.
      const words = chunks[c].toLowerCase().replace(/[^a-z ]/g, '').split(' ');
      words.forEach((word, w) => {
        [...word].forEach((letter, l) => {
          const midMs = w * MS_PER_WORD + (l + 0.5) * (MS_PER_WORD / word.length);
          const shown = visemeAt(face, midMs);
          expect(shown, `${chunks[c]} '${letter}' at ${midMs} ms`).toEqual({ viseme: VISEMES[phonemeToViseme(letter)], share: expect.any(Number) });
          expect(shown!.share, `'${letter}' at ${midMs} ms`).toBeGreaterThan(0.75);
        });
      });
      // The e2e reference: the jaw the track asks for when the listener hears it (no look-ahead).
      const reader = new AvatarInputReader();
      for (const l of [0, 1, 3]) {
        const jaw = VISEME_WEIGHTS[phonemeToViseme(words[0][l])][BS.jawOpen];
        expect(reader.heardJawOpen(event.audioStartMs + MS_PER_WORD * ((l + 0.5) / 4), face), `jaw at '${words[0][l]}'`).toBeCloseTo(jaw, 5);
      }
      // Before the chunk's audio and after it: silence.
      expect(visemeAt(face, -60)?.viseme ?? 'sil').toBe('sil');
      expect(visemeAt(face, event.durationMs + 40)?.viseme ?? 'sil').toBe('sil');
    });
    // A chunk that played to its end is not cut: no stop events, and its track simply runs out.
    expect(seen.filter((s) => s.event.type === 'stop')).toHaveLength(0);
    expect(avatar.getState().timeline).not.toBeNull();
  });

  test('barge-in clears the track at once and no later chunk brings it back', async () => {
    const voice = new FakeVoice(2, 120, TIMING);
    const { avatar, conversation, seen, store } = call(voice);
    const done = conversation.userTurn('say something');
    await expect.poll(() => avatar.getState().timeline, { interval: 5, timeout: 2000 }).not.toBeNull();
    const face = avatar.getState();
    // Mid-chunk the face is mouthing phonemes, not the (zero) level.
    expect(visemeAt(face, (120 / 4) * 1.5)?.viseme).toBe(VISEMES[phonemeToViseme('o')]);
    conversation.bargeIn();
    expect(avatar.getState().timeline).toBeNull();
    await done;
    await new Promise((r) => setTimeout(r, 300));
    expect(store.getState().turns[0].interrupted).toBe(true);
    expect(seen.map((s) => s.event.type)).toEqual(['start', 'stop']);
    expect(avatar.getState().timeline).toBeNull();
    // Without a track the reader gives the driver no visemes: the mouth follows the voice level (0 now).
    expect(new AvatarInputReader().read(performance.now(), 1 / 60, 'speaking', 0, avatar.getState()).visemes).toBeNull();
  });

  test('a speculation that is dropped never reaches the face', async () => {
    const voice = new FakeVoice(2, 60, TIMING);
    const { avatar, conversation, seen } = call(voice);
    conversation.prepare('say something');
    await new Promise((r) => setTimeout(r, 100));
    conversation.dropSpeculation();
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual([]);
    expect(avatar.getState().timeline).toBeNull();
  });

  test('a voice without phoneme timings leaves the face on the level path', async () => {
    const voice = new FakeVoice(2, 30);
    const { avatar, conversation, seen } = call(voice);
    await conversation.userTurn('say something');
    expect(voice.texts('play-end')).toHaveLength(2);
    expect(seen).toEqual([]);
    expect(avatar.getState().timeline).toBeNull();
    expect(VI.sil).toBe(0);
  });
});
