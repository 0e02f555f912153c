import { expect, test } from '@playwright/test';
import { TURN_WAV, TURN_WORDS } from './fixtures/media';
import { fixtureClockShift, micSeconds, playCallFixture, readCallFixture, readCallRecord, recordPhases, startTranscriptCall, type PhaseChange } from './fixtures/voice-call';

// The fake microphone plays our own recorded turn once: "I went to the shop this morning, and I was
// thinking, — 1.5 s pause — that I should call my sister Anna about the weekend." then silence, then
// a short "yeah" while the companion answers. Speech recognition is the test-mode recognizer fed
// with the fixture's known words (no speech model can be downloaded here); turn-taking is the real
// model in the real AudioWorklet.
playCallFixture(TURN_WAV, TURN_WORDS, 'turn fixture missing: make-turn-fixture.mjs needs espeak-ng and ffmpeg');

test.describe('turn-taking in a voice call', () => {
  test('waits through a mid-turn pause, answers after the turn ends, and a "yeah" does not stop the reply', async ({ page }) => {
    test.setTimeout(90_000);
    const fixture = readCallFixture<{ words: unknown[]; holdStart: number; turnEnd: number; backchannel: { start: number; end: number } }>(TURN_WORDS);
    await recordPhases(page);
    const { call, errors } = await startTranscriptCall(page, 'friend', fixture.words);
    await call.openHud();
    await expect(page.getByTestId('hud-turns-backend')).toContainText('turn model in an AudioWorklet', { timeout: 15_000 });
    await expect(page.getByTestId('hud-stt')).toContainText('Test transcript');

    // The companion answers once, after the whole turn, not in the 1.5 s pause.
    const companion = page.getByTestId('caption-companion');
    await expect(companion.first()).toBeVisible({ timeout: 30_000 });
    const user = page.getByTestId('caption-user');
    await page.waitForTimeout(1000);
    if ((await user.count()) !== 1) {
      console.log('early events:', await page.evaluate(() => {
        const { session } = window.__kinCall!;
        const zero = session.media.micOpenedAtMs / 1000;
        return session.floorTrace.events.map((e) => `${(e.time - zero).toFixed(2)} ${e.type}`).join(', ');
      }));
    }
    await expect(user).toHaveCount(1);
    await expect(user.first()).toContainText(/shop this morning and i was thinking that i should call my sister anna about the weekend/i);

    // Let the "yeah" happen over the reply and the reply finish.
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-phase', 'listening', { timeout: 40_000 });
    await page.waitForTimeout(Math.max(0, (fixture.backchannel.end + 1.5) * 1000 - (await page.evaluate(() => {
      const { session } = window.__kinCall!;
      return (session.media.audioContext!.currentTime * 1000 - session.media.micOpenedAtMs);
    }))));
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-phase', 'listening', { timeout: 40_000 });
    const { events, phases, turns } = await readCallRecord(page);
    const fmt = (list: { t: number }[], key: string) => list.map((e) => `${e.t.toFixed(2)} ${(e as unknown as Record<string, string>)[key]}`).join(', ');
    // Fixture times on the page's clock (the fake microphone's file start drifts from mic open under load).
    const shift = fixtureClockShift(events, fixture.holdStart);
    const turnEnd = fixture.turnEnd + shift;
    const yeah = { start: fixture.backchannel.start + shift, end: fixture.backchannel.end + shift };
    console.log(`turn ends ${turnEnd.toFixed(2)} s, "yeah" ${yeah.start.toFixed(2)}–${yeah.end.toFixed(2)} s (from mic open, fixture shifted ${shift.toFixed(2)} s)`);
    console.log('floor events:', fmt(events, 'type'));
    console.log('phases:', fmt(phases, 'phase'));
    console.log('turns:', JSON.stringify(turns), '| reply:', await companion.first().textContent());
    // The status line said so while the user spoke, even when they began before the call had connected.
    expect(phases.map((p) => p.phase)).toContain('user-speaking');
    // Nothing was said or prepared for display while the user held the floor in the pause.
    const firstReply = phases.find((p) => p.phase === 'thinking' || p.phase === 'speaking');
    expect(firstReply!.t).toBeGreaterThan(turnEnd - 0.15);
    // The "yeah": when the companion was speaking over it, it is a backchannel and the reply goes on.
    const speakingAt = (t: number) => {
      let phase = '';
      for (const p of phases) if (p.t <= t) phase = p.phase;
      return phase === 'speaking';
    };
    if (speakingAt(yeah.start) && speakingAt(yeah.end + 0.4)) {
      expect(events.map((e) => e.type)).toContain('backchannel');
      expect(events.filter((e) => e.t > firstReply!.t).map((e) => e.type)).not.toContain('user-start');
    } else {
      test.info().annotations.push({ type: 'not exercised', description: 'the reply was not playing while the recorded "yeah" played (slow machine); backchannel handling is covered by unit tests' });
      console.log('backchannel not exercised: the reply was not playing during the "yeah"');
    }
    expect(turns).toHaveLength(1);
    expect(turns[0].interrupted).toBe(false);
    // The detector still listens after the reply: its trace (every 50 ms) is current.
    const traceLag = await page.evaluate(() => {
      const { session } = window.__kinCall!;
      return session.media.audioContext!.currentTime - session.floorTrace.latestTime;
    });
    console.log(`trace lag after the reply ${traceLag.toFixed(3)} s`);
    expect(traceLag).toBeLessThan(0.5);
    await expect(companion).toHaveCount(1);
    await expect(companion.first()).not.toContainText(' —');
    // Latencies were measured for the voice turn.
    expect(turns[0].commitMs).toBeGreaterThan(0);
    expect(turns[0].voiceToVoiceMs).toBeGreaterThan(turns[0].commitMs!);
    await expect(user).toHaveCount(1);
    // Silero's verdicts reach the worklet's voice gate (lib/turns/features.ts) once the perception
    // worker has loaded: 12-16 s into a call on this 2-core machine (bench:call's voice_gate_on_s;
    // 30-38 s before session 14 staged the workers' start). Until then the energy rule decides alone.
    test.setTimeout(150_000);
    await expect(page.getByTestId('hud-turns-backend')).toContainText('voice gate on (Silero VAD)', { timeout: 50_000 });
    expect(errors).toEqual([]);
  });

  test('the "When I pause" setting reaches the detector: "Give me time to think" waits for a surer model and 3 s of silence', async ({ page }) => {
    test.setTimeout(90_000);
    const fixture = readCallFixture<{ words: unknown[]; holdStart: number; turnEnd: number }>(TURN_WORDS);
    await page.goto('/settings');
    await expect(page.getByTestId('patience-balanced')).toBeChecked();
    await page.getByTestId('patience-patient').check();
    await expect(page.getByTestId('settings-saved')).toHaveText('Saved on this device.');
    const { call, errors } = await startTranscriptCall(page, 'friend', fixture.words);
    await call.openHud();
    // The worklet reports the policy its detector runs with.
    await expect(page.getByTestId('hud-turns-backend')).toContainText('answers at p ≥ 0.96 or after 3.0 s of silence (patient)', { timeout: 15_000 });
    await expect(page.getByTestId('caption-companion').first()).toBeVisible({ timeout: 30_000 });
    const { events } = await readCallRecord(page);
    const shift = fixtureClockShift(events, fixture.holdStart);
    const commits = events.filter((e) => e.type === 'commit').map((e) => e.t - shift);
    console.log(`turn ends ${fixture.turnEnd.toFixed(2)} s; commits at ${commits.map((t) => t.toFixed(2)).join(', ')} s (fixture clock)`);
    // Nothing in the mid-turn pause; the turn is answered within the 3 s fallback.
    expect(commits[0]).toBeGreaterThan(fixture.turnEnd - 0.15);
    expect(commits[0]).toBeLessThan(fixture.turnEnd + 3.1);
    expect(errors).toEqual([]);
  });

  test('"Answer now" in the mid-turn pause hands over the floor at once, with the words said so far', async ({ page }) => {
    test.setTimeout(90_000);
    const fixture = readCallFixture<{ words: unknown[]; holdStart: number; holdEnd: number }>(TURN_WORDS);
    await recordPhases(page);
    const { call, errors } = await startTranscriptCall(page, 'friend', fixture.words);
    await call.openHud();
    await expect(page.getByTestId('hud-turns-backend')).toContainText('turn model in an AudioWorklet', { timeout: 15_000 });
    const button = page.getByTestId('answer-now');
    // Hidden (its place kept) until the user speaks.
    await expect(button).toHaveAttribute('data-open', 'true', { timeout: 30_000 });
    // 0.25 s into the 1.5 s pause (the words end on "thinking,") the detector is still waiting. The
    // page taps the button itself at that moment: Playwright's click waits for the busy page to
    // settle, which here took up to 2 s and ran past the pause.
    const clickedAt = await page.evaluate((at) => new Promise<number>((resolve) => {
      const { session } = window.__kinCall!;
      const micSeconds = () => session.media.audioContext!.currentTime - session.media.micOpenedAtMs / 1000;
      const timer = setInterval(() => {
        if (micSeconds() < at) return;
        clearInterval(timer);
        (document.querySelector('[data-testid="answer-now"]') as HTMLButtonElement).click();
        resolve(micSeconds());
      }, 10);
    }), fixture.holdStart + 0.25);
    expect(clickedAt, 'the tap landed in the pause').toBeLessThan(fixture.holdEnd - 0.5);
    await expect(button).toHaveAttribute('data-open', 'false');
    const user = page.getByTestId('caption-user');
    await expect(user.first()).toContainText(/shop this morning and i was thinking$/i, { timeout: 10_000 });
    await expect(page.getByTestId('caption-companion').first()).toBeVisible({ timeout: 30_000 });
    const { phases, commits } = await page.evaluate(() => {
      const { session } = window.__kinCall!;
      const zero = session.media.micOpenedAtMs / 1000;
      return {
        phases: (window as unknown as { __phases: PhaseChange[] }).__phases,
        commits: session.floorTrace.events.filter((e) => e.type === 'commit').map((e) => e.time - zero),
      };
    });
    const thinking = phases.find((p) => p.phase === 'thinking');
    console.log(`pause ${fixture.holdStart.toFixed(2)}–${fixture.holdEnd.toFixed(2)} s, clicked ${clickedAt.toFixed(2)} s, commits ${commits.map((t) => t.toFixed(2)).join(', ')}, thinking from ${thinking?.t.toFixed(2)} s`);
    // The first commit is the tap's (the detector was still waiting), not one of its own before it.
    expect(Math.abs(commits[0] - clickedAt)).toBeLessThan(0.1);
    // The companion took the floor before the user went on (the main thread can take a while to show
    // it on a busy page: 0.59 s after the tap once in CI).
    expect(thinking!.t).toBeLessThan(fixture.holdEnd);
    expect(errors).toEqual([]);
  });

  test.describe('when the turn model is late or broken', () => {
    // page.route does not see requests a service worker answers.
    test.use({ serviceWorkers: 'block' });

    test('the user who speaks at once is heard from the first word, and the pause is not taken for the end', async ({ page }) => {
      test.setTimeout(90_000);
      const fixture = readCallFixture<{ words: { start: number }[]; holdStart: number; holdEnd: number; turnEnd: number }>(TURN_WORDS);
      // The weights (1 MB) come late, as on a slow connection: held back until the recording is 1 s
      // into its 1.5 s pause (the user began at 1.0 s; the pause starts at 4.2 s).
      let arrivedAt: number | null = null;
      await page.route('**/models/turns/turn-model.json', async (route) => {
        const until = Date.now() + 30_000;
        while (Date.now() < until && ((await micSeconds(page).catch(() => null)) ?? 0) < fixture.holdStart + 1) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        arrivedAt = await micSeconds(page).catch(() => null);
        await route.continue();
      });
      await recordPhases(page);
      const { call, errors } = await startTranscriptCall(page, 'friend', fixture.words);
      await call.openHud();
      await expect(page.getByTestId('hud-turns-backend')).toContainText('turn model in an AudioWorklet', { timeout: 20_000 });
      expect(arrivedAt, 'the model arrived after the pause began').toBeGreaterThan(fixture.holdStart + 0.6);

      const user = page.getByTestId('caption-user');
      await expect(page.getByTestId('caption-companion').first()).toBeVisible({ timeout: 30_000 });
      // The turn's record (with its latencies) is written once the reply has been spoken.
      await expect.poll(() => page.evaluate(() => window.__kinCall!.state().turns.length), { timeout: 30_000 }).toBeGreaterThan(0);
      await expect(user.first()).toBeVisible();
      await expect(user.first()).toContainText(/shop this morning and i was thinking that i should call my sister anna about the weekend/i);
      const { events, phases, turns } = await readCallRecord(page);
      const shift = fixtureClockShift(events, fixture.holdStart);
      console.log(`model arrived ${arrivedAt!.toFixed(2)} s; floor events: ${events.map((e) => `${e.t.toFixed(2)} ${e.type}`).join(', ')} (fixture shifted ${shift.toFixed(2)} s)`);
      // The detector heard the turn from its first word (1.0 s), from the audio it kept while it waited.
      const firstStart = events.find((e) => e.type === 'user-start');
      expect(firstStart!.t - shift).toBeLessThan(fixture.words[0].start + 0.3);
      // Nothing answered in the pause: the first reply came after the whole turn.
      const firstReply = phases.find((p) => p.phase === 'thinking' || p.phase === 'speaking');
      expect(firstReply!.t).toBeGreaterThan(fixture.turnEnd + shift - 0.15);
      // One commit for the turn (the "yeah" at 11 s may make a second turn if no reply plays then).
      expect(events.filter((e) => e.type === 'commit' && e.t - shift < fixture.turnEnd + 2)).toHaveLength(1);
      expect(turns[0].interrupted).toBe(false);
      // Serwist's register() throws "reading 'waiting'" when service workers are blocked.
      expect(errors.filter((e) => !/reading 'waiting'/.test(e))).toEqual([]);
    });

    test('a broken model file: the call says so and goes on with the silence rule', async ({ page }) => {
      test.setTimeout(90_000);
      const fixture = readCallFixture<{ words: unknown[] }>(TURN_WORDS);
      await page.route('**/models/turns/turn-model.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"trees": [{"feature": 3, "thre' }));
      const { call, errors } = await startTranscriptCall(page, 'friend', fixture.words);
      const notice = page.getByTestId('notice-turns:fallback');
      await expect(notice).toContainText('turn-taking model could not load', { timeout: 20_000 });
      await call.openHud();
      await expect(page.getByTestId('hud-turns-backend')).toContainText('energy gate (turn model unavailable');
      // The user is still heard and answered (after the energy gate's 500 ms of silence).
      await expect(page.getByTestId('caption-user').first()).toContainText(/went to the shop/i, { timeout: 30_000 });
      await expect(page.getByTestId('caption-companion').first()).toBeVisible({ timeout: 30_000 });
      // The notice can be put away.
      await notice.getByRole('button').first().click();
      await expect(notice).toHaveCount(0);
      expect(errors.filter((e) => !/reading 'waiting'/.test(e))).toEqual([]);
    });
  });
});
