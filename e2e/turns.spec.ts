import { readFileSync, existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { collectErrors } from './fixtures/console';
import { CHROMIUM_PATH, chromiumArgs, TURN_WAV, TURN_WORDS } from './fixtures/media';
import { CallPage } from './pages/call-page';

const haveFixture = existsSync(TURN_WAV) && existsSync(TURN_WORDS);

// The fake microphone plays our own recorded turn once: "I went to the shop this morning, and I was
// thinking, — 1.5 s pause — that I should call my sister Anna about the weekend." then silence, then
// a short "yeah" while the companion answers. Speech recognition is the test-mode recognizer fed
// with the fixture's known words (no speech model can be downloaded here); turn-taking is the real
// model in the real AudioWorklet.
test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: chromiumArgs({ audio: TURN_WAV, video: null }) } });

test.describe('turn-taking in a voice call', () => {
  test.skip(!haveFixture, 'turn fixture missing: make-turn-fixture.mjs needs espeak-ng and ffmpeg');

  test('waits through a mid-turn pause, answers after the turn ends, and a "yeah" does not stop the reply', async ({ page }) => {
    test.setTimeout(90_000);
    const errors = collectErrors(page);
    const fixture = JSON.parse(readFileSync(TURN_WORDS, 'utf8')) as { words: unknown[]; turnEnd: number; backchannel: { start: number } };
    await page.addInitScript((words) => window.localStorage.setItem('kin.test.transcript', JSON.stringify({ words })), fixture.words);
    const call = new CallPage(page);
    await call.goto('friend');
    await call.allowMedia();
    await call.waitConnected();
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
    const timeline = () => page.evaluate(() => {
      const { session, state } = window.__kinCall!;
      const zero = session.media.micOpenedAtMs / 1000;
      return `${session.floorTrace.events.map((e) => `${(e.time - zero).toFixed(2)} ${e.type}`).join(', ')} | phase ${state().phase} | ${JSON.stringify(state().turns)}`;
    });
    await page.waitForTimeout(Math.max(0, (fixture.backchannel.start + 2) * 1000 - 0));
    console.log(`timeline (s from mic open; turn ends ${fixture.turnEnd.toFixed(2)}, "yeah" at ${fixture.backchannel.start.toFixed(2)}):`, await timeline());
    await expect.poll(async () => page.getByTestId('hud-floor-events').textContent(), { timeout: 20_000 }).toContain('backchannel');
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-phase', 'listening', { timeout: 30_000 });
    const turns = await page.evaluate(() => window.__kinCall!.state().turns);
    const events = await page.evaluate(() => {
      const { session } = window.__kinCall!;
      const zero = session.media.micOpenedAtMs / 1000;
      return session.floorTrace.events.map((e) => `${(e.time - zero).toFixed(2)} ${e.type}`).join(', ');
    });
    console.log(`floor events (s from mic open; turn ends ${fixture.turnEnd.toFixed(2)}, "yeah" at ${fixture.backchannel.start.toFixed(2)}):`, events);
    console.log('turns:', JSON.stringify(turns), '| reply:', await companion.first().textContent());
    expect(turns).toHaveLength(1);
    expect(turns[0].interrupted).toBe(false);
    await expect(companion).toHaveCount(1);
    await expect(companion.first()).not.toContainText(' —');
    // Latencies were measured for the voice turn.
    expect(turns[0].commitMs).toBeGreaterThan(0);
    expect(turns[0].voiceToVoiceMs).toBeGreaterThan(turns[0].commitMs!);
    await expect(user).toHaveCount(1);
    expect(errors).toEqual([]);
  });
});
