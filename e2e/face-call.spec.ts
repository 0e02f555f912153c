import { expect, test } from '@playwright/test';
import { bestLag, pearson } from '../lib/avatar/lipsync-stats';
import { CallPage } from './pages/call-page';

/**
 * In-call lip sync: in a typed call with the default on-device voice (eSpeak NG), the face's jawOpen
 * (window.__kinFace) is sampled together with the voice level (session.metrics.speechLevel) every
 * ~30 ms while the companion speaks. The mouth must follow the voice (Pearson r > 0.5 at the measured lag), stay near
 * closed when the voice is silent, and the lag of best cross-correlation is printed as the offset. With eSpeak
 * the mouth is shaped by its phoneme timings (visemes), so most speaking samples must come from that track.
 */
test('the mouth moves with the companion’s voice in a call', async ({ page }) => {
  test.setTimeout(150_000);
  const call = new CallPage(page);
  await call.goto('friend');
  await call.typeInstead();
  await call.waitConnected();
  await expect.poll(() => page.evaluate(() => typeof window.__kinFace?.jawOpen === 'function')).toBe(true);
  // The voice label says "Loading…" until eSpeak (or its fallback) is ready.
  const voiceLabel = () => page.evaluate(() => window.__kinCall?.state().labels.voice ?? '');
  await expect.poll(voiceLabel, { timeout: 30_000 }).not.toMatch(/loading|^$/i);
  const voice = await voiceLabel();
  console.log('voice:', voice, '| face:', await page.evaluate(() => window.__kinFace?.renderer));
  test.skip(!/espeak/i.test(voice), `no eSpeak voice in this browser (${voice})`);

  // Sampling starts before the reply so the silent lead-in is in the record too.
  await page.evaluate(() => {
    const w = window as unknown as { __kinSamples: { t: number; jaw: number; level: number; phase: string; lip: string; heard: number; frameAt: number }[]; __kinSampler: number };
    w.__kinSamples = [];
    w.__kinSampler = window.setInterval(() => {
      const kin = window.__kinCall;
      const face = window.__kinFace;
      if (!kin || !face) return;
      w.__kinSamples.push({ t: performance.now(), jaw: face.jawOpen(), level: kin.session.metrics.speechLevel, phase: kin.state().phase, lip: face.lipSource(), heard: face.heardJawOpen() ?? 0, frameAt: face.frameAtMs() });
    }, 30);
  });
  await call.sendText('Tell me about a lovely walk you would take on a sunny morning.');
  await expect(call.status).toHaveAttribute('data-phase', 'speaking', { timeout: 60_000 });
  await expect(call.status).not.toHaveAttribute('data-phase', 'speaking', { timeout: 90_000 });
  await page.waitForTimeout(600);
  const samples = await page.evaluate(() => {
    const w = window as unknown as { __kinSamples: { t: number; jaw: number; level: number; phase: string; lip: string; heard: number; frameAt: number }[]; __kinSampler: number };
    clearInterval(w.__kinSampler);
    return w.__kinSamples;
  });

  const speaking = samples.filter((s) => s.phase === 'speaking');
  expect(speaking.length, 'samples while speaking').toBeGreaterThan(30);
  const level = speaking.map((s) => s.level);
  const jaw = speaking.map((s) => s.jaw);
  const stepMs = (speaking[speaking.length - 1].t - speaking[0].t) / (speaking.length - 1);
  const r = pearson(level, jaw);
  const { fine, r: rAtLag } = bestLag(level, jaw, Math.round(300 / stepMs));
  // Positive: the mouth comes after the voice. Refined between samples (parabola through the peak).
  const offsetMs = Math.round(fine * stepMs);
  // With eSpeak the mouth is shaped by phonemes, not loudness (an /s/ is loud with the jaw nearly shut,
  // /i/ opens it less than /a/), so the offset that matters is jawOpen against the jawOpen the phoneme
  // track asks for at the moment the listener hears it (audio clock + output latency, no look-ahead).
  const heard = speaking.map((s) => s.heard);
  const phonemeLag = bestLag(heard, jaw, Math.round(300 / stepMs));
  const phonemeOffsetMs = Math.round(phonemeLag.fine * stepMs);
  // Silent: the voice level is below the mouth's opening threshold (levelToVisemes: 0.03) (pauses between words while speaking, and all the time outside speaking)
  // and has been for the measured offset plus the mouth spring's closing time (omega 45: ~60 ms from
  // half open to near closed). Without that window the statistic counted the mouth still closing in
  // the first sample of every short gap between words, which on a loaded box (samples every 40+ ms,
  // offset ~50 ms) decided the p90 by itself; a mouth that moves in real silence still fails it.
  const settleMs = Math.max(0, fine * stepMs) + 60;
  // Silence is judged only on samples of a face that has drawn a frame since the previous sample: in
  // headless Chromium requestAnimationFrame sometimes stalls for 150+ ms right after a reply ends
  // (timers keep running), and the stalled face still shows the last spoken frame's open jaw.
  const fresh = (s: (typeof samples)[number], i: number) => i > 0 && s.frameAt > samples[i - 1].frameAt;
  const silentJaw = samples
    .filter((s, i) => {
      if (!fresh(s, i)) return false;
      for (let j = i; j >= 0 && s.t - samples[j].t <= settleMs; j--) if (samples[j].level >= 0.03) return false;
      return true;
    })
    .map((s) => s.jaw)
    .sort((a, b) => a - b);
  const loudJaw = speaking.filter((s) => s.level >= 0.2).map((s) => s.jaw);
  const quiet = samples.filter((s, i) => s.phase !== 'speaking' && fresh(s, i)).map((s) => s.jaw);
  const p90 = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(0.9 * (xs.length - 1))] : NaN);
  const result = {
    samples: samples.length,
    speaking_samples: speaking.length,
    // Share of speaking samples whose mouth came from the eSpeak phoneme track (the rest: the voice level).
    phoneme_share: Math.round((speaking.filter((s) => s.lip === 'phonemes').length / speaking.length) * 1000) / 1000,
    sample_step_ms: Math.round(stepMs * 10) / 10,
    // jawOpen vs the phoneme track's jawOpen at the heard time: the audio-visual offset of the lips.
    av_offset_ms: phonemeOffsetMs,
    r_at_offset: Math.round(phonemeLag.r * 1000) / 1000,
    // jawOpen vs the loudness envelope (what the mouth followed before phonemes were wired).
    pearson_r: Math.round(r * 1000) / 1000,
    level_offset_ms: offsetMs,
    level_r_at_offset: Math.round(rAtLag * 1000) / 1000,
    silent_samples: silentJaw.length,
    silent_window_ms: Math.round(settleMs),
    jaw_silent_p90: Math.round(p90(silentJaw) * 1000) / 1000,
    jaw_not_speaking_p90: Math.round(p90(quiet) * 1000) / 1000,
    not_speaking_samples: quiet.length,
    stale_samples: samples.filter((s, i) => i > 0 && !fresh(s, i)).length,
    jaw_loud_mean: Math.round((loudJaw.reduce((a, b) => a + b, 0) / Math.max(1, loudJaw.length)) * 1000) / 1000,
  };
  console.log(JSON.stringify(result));

  expect(Math.max(...level), 'the voice level moved').toBeGreaterThan(0.05);
  expect(result.phoneme_share, 'the mouth follows eSpeak’s phonemes while speaking').toBeGreaterThan(0.6);
  // The mouth follows the phonemes through a spring (the track is sampled 45 ms ahead to cancel its
  // lag), so the correlation is judged at the measured offset. Against loudness only the contrast is
  // asserted (open when loud, near closed in silence, below).
  expect(phonemeLag.r, 'jawOpen follows the heard phonemes (at the offset)').toBeGreaterThan(0.5);
  expect(silentJaw.length, 'silent samples (lead-in and pauses)').toBeGreaterThan(20);
  expect(result.jaw_silent_p90, 'mouth near closed when the voice is silent').toBeLessThan(0.1);
  expect(quiet.length, 'fresh samples outside speaking').toBeGreaterThan(10);
  expect(result.jaw_not_speaking_p90, 'mouth closed outside speaking').toBeLessThan(0.05);
  expect(result.jaw_loud_mean).toBeGreaterThan(3 * Math.max(0.01, result.jaw_silent_p90));
  // Goal ≤ 40 ms (issue 7); on a loaded 2-core box frames come every ~35 ms, so allow three frames.
  expect(Math.abs(phonemeOffsetMs), 'audio-visual offset').toBeLessThanOrEqual(100);
});
