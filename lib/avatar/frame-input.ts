import { AudioVisemeEstimator, computeSpectralFeatures, createSpeechAudioFeatures } from './audio-visemes';
import { createDriveInput, type AvatarDriveInput } from './driver';
import type { AvatarState } from './store';
import { VISEME_COUNT } from './visemes';

/**
 * How far ahead of the audio clock the phoneme track is sampled, ms. The mouth spring (omega 45)
 * lags its target by about 2/omega ≈ 44 ms; sampling ahead cancels that lag so lips meet sound.
 */
export const LIPSYNC_LEAD_MS = 45;

/**
 * Turns the stores' state into the driver's per-frame input: phoneme track first, then the
 * analyser's spectrum, then the bare voice level. Buffers are allocated once (the spectrum
 * buffer again only if the analyser's size changes).
 */
export class AvatarInputReader {
  readonly input: AvatarDriveInput = createDriveInput();
  private readonly visemes = new Float32Array(VISEME_COUNT);
  private readonly features = createSpeechAudioFeatures();
  private readonly estimator = new AudioVisemeEstimator();
  private spectrum: Float32Array<ArrayBuffer> | null = null;

  /** Fills and returns `input` for this frame. `dtSeconds` drives the estimator's gain. */
  read(nowMs: number, dtSeconds: number, phase: string, speechLevel: number, avatar: AvatarState): AvatarDriveInput {
    const input = this.input;
    input.phase = phase;
    input.speechLevel = speechLevel;
    input.emotion = avatar.emotion;
    input.intensity = avatar.intensity;
    input.userSmile = avatar.userSmile;
    input.backchannelAtMs = avatar.backchannelAtMs;
    input.mirror = avatar.mirror;
    input.visemes = null;
    const timeline = avatar.timeline;
    const t = nowMs - avatar.timelineStartMs + LIPSYNC_LEAD_MS;
    if (timeline && t >= -timeline.blendMs && t < timeline.durationMs + timeline.blendMs) {
      input.visemes = timeline.sample(t, this.visemes);
    } else if (avatar.features) {
      input.visemes = this.estimator.estimate(avatar.features, dtSeconds, this.visemes);
    } else if (avatar.analyser) {
      const analyser = avatar.analyser;
      if (!this.spectrum || this.spectrum.length !== analyser.frequencyBinCount) this.spectrum = new Float32Array(analyser.frequencyBinCount);
      analyser.getFloatFrequencyData(this.spectrum);
      computeSpectralFeatures(this.spectrum, analyser.context.sampleRate, this.features);
      input.visemes = this.estimator.estimate(this.features, dtSeconds, this.visemes);
    }
    return input;
  }
}
