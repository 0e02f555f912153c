import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { MEDIA_DIR } from './fixtures/media';
import { fixtureClockShift, micSeconds, playCallFixture, readCallFixture, startTranscriptCall } from './fixtures/voice-call';

const WAV = resolve(MEDIA_DIR, 'barge-in-call.wav');
const WORDS = resolve(MEDIA_DIR, 'barge-in-call.words.json');

/**
 * The main thread's own duck and stop follow the events on a busy page too, only later: the voice is
 * already down by then (the audio thread's gate, below), so they are held to a looser bound.
 */
const MAIN_THREAD_WITHIN_MS = 600;
/**
 * From this long after `barge-in` every sample of the companion bus must be ducked, s. Issue 8 asks
 * for the voice to stop within 150 ms of the user's speech; the detector decides after 120 ms of it.
 */
const GATE_SETTLE_S = 0.03;

/** Init script: samples the companion bus's output level every 5 ms as [audio time, rms] in window.__levels. */
function sampleCompanionBus(): void {
  const levels: number[][] = ((window as unknown as { __levels: number[][] }).__levels = []);
  let analyser: AnalyserNode | null = null;
  const data = new Float32Array(256);
  setInterval(() => {
    const bus = window.__kinCall?.session.media.companionBus;
    if (!bus) return;
    if (!analyser) {
      analyser = bus.context.createAnalyser();
      analyser.fftSize = 256;
      bus.connect(analyser);
    }
    analyser.getFloatTimeDomainData(data);
    let sum = 0;
    for (const v of data) sum += v * v;
    levels.push([bus.context.currentTime, Math.sqrt(sum / data.length)]);
  }, 5);
}

/**
 * What the user hears around a barge-in at `from` (audio clock, s) until `until`: the voice's level
 * before it, and the samples from GATE_SETTLE_S after it that were not ducked (should be none).
 * A sample's time is the audio clock when the page read it, so a late read makes no sample loud.
 */
function voiceAroundBargeIn(levels: number[][], from: number, until: number) {
  const before = levels.filter(([t]) => t > from - 0.5 && t <= from).map(([, rms]) => rms).sort((a, b) => a - b);
  // The voice's loud level: the 90th percentile (its gaps between words pull a median down).
  const speaking = before[Math.floor(before.length * 0.9)] ?? 0;
  const after = levels.filter(([t]) => t >= from + GATE_SETTLE_S && t < until);
  // Ducked to 0.15, even a syllable 3 times as loud stays under half of it.
  const loud = after.filter(([, rms]) => rms >= speaking / 2);
  const firstLow = levels.find(([t, rms]) => t > from && rms < speaking / 2);
  return {
    voice_rms_before: Number(speaking.toFixed(4)),
    samples_after: after.length,
    loud_samples_after: loud.length,
    first_low_sample_after_barge_in_ms: firstLow ? Math.round((firstLow[0] - from) * 1000) : null,
  };
}

// The fake microphone plays our own recorded call once (make-barge-in-fixture.mjs): a long statement
// the built-in brain echoes in a long reply, then, while the companion speaks, the user talks over it
// for ~2.5 s. Words come from the test-mode recognizer fed with the fixture's transcript (no speech
// model can be downloaded here); turn-taking is the real model in the real AudioWorklet; the voice
// is eSpeak. The page taps the output graph (buffer starts and stops, gain changes) on the audio clock.
playCallFixture(WAV, WORDS, 'barge-in fixture missing: make-barge-in-fixture.mjs needs espeak-ng and ffmpeg');

test.describe('barge-in in a voice call', () => {
  test('talking over the companion mid-sentence stops its voice at once, and the new words are answered', async ({ page }) => {
    test.setTimeout(120_000);
    const fixture = readCallFixture<{ words: unknown[]; turnEnd: number; bargeIn: { start: number; end: number } }>(WORDS);
    await page.addInitScript(() => {
      const tap = ((window as unknown as { __tap: unknown }).__tap = { starts: [] as number[][], stops: [] as number[], gains: [] as number[][] });
      const start = AudioBufferSourceNode.prototype.start;
      AudioBufferSourceNode.prototype.start = function (when?: number, ...rest: number[]) {
        const at = Math.max(when ?? 0, this.context.currentTime);
        tap.starts.push([at, at + (this.buffer?.duration ?? 0)]);
        return start.call(this, when, ...rest);
      };
      const stop = AudioBufferSourceNode.prototype.stop;
      AudioBufferSourceNode.prototype.stop = function (when?: number) {
        tap.stops.push(this.context.currentTime);
        return stop.call(this, when);
      };
      const setTarget = AudioParam.prototype.setTargetAtTime;
      AudioParam.prototype.setTargetAtTime = function (value: number, startTime: number, constant: number) {
        tap.gains.push([value, startTime]);
        return setTarget.call(this, value, startTime, constant);
      };
    });
    await page.addInitScript(sampleCompanionBus);
    const { call, errors } = await startTranscriptCall(page, 'friend', fixture.words);
    await call.openHud();
    await expect(page.getByTestId('hud-turns-backend')).toContainText('turn model in an AudioWorklet', { timeout: 15_000 });

    // Until the recording has played past the barge-in, plus time for the stop to show.
    await expect.poll(() => micSeconds(page), { timeout: 60_000, intervals: [500] }).toBeGreaterThan(fixture.bargeIn.end + 1.5);
    const { events, tap, zero, captions, turns, levels } = await page.evaluate(() => {
      const { session, state } = window.__kinCall!;
      return {
        levels: (window as unknown as { __levels: number[][] }).__levels,
        zero: session.media.micOpenedAtMs / 1000,
        events: session.floorTrace.events.map((e) => ({ type: e.type, time: e.time })),
        tap: (window as unknown as { __tap: { starts: number[][]; stops: number[]; gains: number[][] } }).__tap,
        captions: state().captions.map((c) => ({ speaker: c.speaker, text: c.text })),
        turns: state().turns,
      };
    });
    const rel = (t: number) => (t - zero).toFixed(2);
    console.log(`turn ends ${fixture.turnEnd.toFixed(2)} s, user talks over ${fixture.bargeIn.start.toFixed(2)}–${fixture.bargeIn.end.toFixed(2)} s (from mic open)`);
    console.log('floor events:', events.map((e) => `${rel(e.time)} ${e.type}`).join(', '));
    console.log('audio:', tap.starts.map(([a, b]) => `${rel(a)}–${rel(b)}`).join(', '), '| stops:', tap.stops.map(rel).join(', '), '| gains:', tap.gains.map(([v, t]) => `${v}@${rel(t)}`).join(', '));
    console.log('captions:', JSON.stringify(captions));

    // The reply was playing when the user started to talk over it (fixture times on the page's clock).
    const shift = fixtureClockShift(events.map((e) => ({ type: e.type, t: e.time - zero })), fixture.turnEnd);
    console.log(`fixture clock shift ${shift.toFixed(2)} s`);
    const overlapStart = zero + shift + fixture.bargeIn.start;
    expect(tap.starts.filter(([a]) => a < overlapStart).length, 'the companion had not started answering before the user talked over it').toBeGreaterThan(0);

    // The turn detector heard the overlap (barge-in: duck) and took it for a turn (user-start: stop).
    const bargeIn = events.find((e) => e.type === 'barge-in' && e.time > overlapStart - 0.1);
    expect(bargeIn, 'no barge-in event').toBeTruthy();
    const decided = events.find((e) => e.type === 'user-start' && e.time >= bargeIn!.time);
    expect(decided, 'no user-start after the barge-in').toBeTruthy();
    const duck = tap.gains.find(([value, t]) => value < 0.5 && t >= bargeIn!.time - 0.01);
    const stoppedAt = tap.stops.find((t) => t >= bargeIn!.time);
    expect(stoppedAt, 'the reply audio was never stopped').toBeDefined();
    // It was cut off mid-chunk: the buffer playing at the stop had more to say.
    const cut = tap.starts.filter(([a]) => a < stoppedAt!);
    expect(Math.max(...cut.map(([, b]) => b)), 'the reply had ended before it was stopped').toBeGreaterThan(stoppedAt! + 0.1);
    const ms = (x: number) => Math.round(x * 1000);
    const figures = {
      duck_after_barge_in_ms: duck ? ms(duck[1] - bargeIn!.time) : null,
      stop_after_user_start_ms: ms(stoppedAt! - decided!.time),
      stop_after_barge_in_ms: ms(stoppedAt! - bargeIn!.time),
      stop_after_overlap_onset_ms: ms(stoppedAt! - overlapStart),
    };
    const heard = voiceAroundBargeIn(levels, bargeIn!.time, stoppedAt!);
    console.log('barge-in figures:', JSON.stringify({ ...figures, ...heard }));
    test.info().annotations.push({ type: 'barge-in', description: JSON.stringify({ ...figures, ...heard }) });
    // What the user hears: the voice is down from GATE_SETTLE_S after the barge-in (the audio thread's
    // gate, without waiting for the main thread) until the stop.
    expect(heard.voice_rms_before, 'the companion was speaking before the barge-in').toBeGreaterThan(0.005);
    expect(heard.samples_after).toBeGreaterThan(0);
    expect(heard.loud_samples_after).toBe(0);
    // The main thread then ducks too, and stops the reply once the overlap is a turn, not a "mm-hm".
    expect(figures.duck_after_barge_in_ms).not.toBeNull();
    expect(figures.duck_after_barge_in_ms!).toBeLessThanOrEqual(MAIN_THREAD_WITHIN_MS);
    expect(figures.stop_after_user_start_ms).toBeLessThanOrEqual(MAIN_THREAD_WITHIN_MS);
    // Nothing of the interrupted reply plays after the stop (the next buffer is the answer to the new turn).
    const nextCommit = events.find((e) => e.type === 'commit' && e.time > stoppedAt!);
    expect(tap.starts.filter(([a]) => a > stoppedAt! && (!nextCommit || a < nextCommit.time))).toEqual([]);

    // The interrupted reply is marked as such and the user's words over it become the next turn.
    const companion = captions.filter((c) => c.speaker === 'companion');
    expect(companion[0].text).toMatch(/ —$/);
    expect(turns[0].interrupted).toBe(true);
    await expect(page.getByTestId('caption-user').nth(1)).toContainText(/hold on a second/i, { timeout: 20_000 });
    expect(errors).toEqual([]);
  });

  test('the audio thread ducks the voice at the barge-in by itself, without the main thread', async ({ page }) => {
    test.setTimeout(120_000);
    const fixture = readCallFixture<{ words: unknown[]; turnEnd: number; bargeIn: { start: number; end: number } }>(WORDS);
    // The main thread's duck is switched off (its gain ramps below 0.5 are dropped), so only the turn
    // worklet's gate on the companion bus can lower the voice; the page samples the bus's output.
    await page.addInitScript(() => {
      const setTarget = AudioParam.prototype.setTargetAtTime;
      AudioParam.prototype.setTargetAtTime = function (value: number, startTime: number, constant: number) {
        return value < 0.5 ? this : setTarget.call(this, value, startTime, constant);
      };
    });
    await page.addInitScript(sampleCompanionBus);
    const { errors } = await startTranscriptCall(page, 'friend', fixture.words);
    await expect.poll(() => micSeconds(page), { timeout: 60_000, intervals: [500] }).toBeGreaterThan(fixture.bargeIn.end + 1.5);
    const { events, levels } = await page.evaluate(() => ({
      events: window.__kinCall!.session.floorTrace.events.map((e) => ({ type: e.type, time: e.time })),
      levels: (window as unknown as { __levels: number[][] }).__levels,
    }));
    const bargeIn = events.find((e) => e.type === 'barge-in');
    expect(bargeIn, 'no barge-in event').toBeTruthy();
    const turn = events.find((e) => e.type === 'user-start' && e.time >= bargeIn!.time);
    expect(turn, 'no user-start after the barge-in').toBeTruthy();
    // The main thread never ducked; the bus is down from GATE_SETTLE_S after the barge-in until the
    // user-start all the same (the stop that follows it is the main thread's).
    const heard = voiceAroundBargeIn(levels, bargeIn!.time, turn!.time);
    console.log('audio-thread gate:', JSON.stringify(heard));
    test.info().annotations.push({ type: 'audio-thread gate', description: JSON.stringify(heard) });
    expect(heard.voice_rms_before, 'the companion was speaking before the barge-in').toBeGreaterThan(0.005);
    expect(heard.samples_after).toBeGreaterThan(0);
    expect(heard.loud_samples_after).toBe(0);
    expect(errors).toEqual([]);
  });
});

