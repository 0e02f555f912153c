import { blendshapeIndex } from '../perception/face-features';
import { AudioVisemeEstimator, computeSpectralFeatures, createSpeechAudioFeatures } from './audio-visemes';
import { createDriveInput, type AvatarDriveInput } from './driver';
import type { AvatarState } from './store';
import { BS } from './arkit';
import { VISEME_COUNT, VISEME_WEIGHTS } from './visemes';

/**
 * How far ahead of the audio clock the phoneme track is sampled, ms. The mouth spring (omega 45)
 * lags its target by about 2/omega ≈ 44 ms; sampling ahead cancels that lag so lips meet sound.
 */
export const LIPSYNC_LEAD_MS = 45;

const MP_SMILE_LEFT = blendshapeIndex('mouthSmileLeft');
const MP_SMILE_RIGHT = blendshapeIndex('mouthSmileRight');

/**
 * The user's smile 0..1 from the camera's newest blendshapes (MediaPipe order, as in
 * `LiveMetrics.userBlendshapes`): the mean of both mouth corners; 0 when no face is tracked.
 */
export function userSmileFromCamera(faces: number, userBlendshapes: Float32Array): number {
  if (faces <= 0 || userBlendshapes.length <= MP_SMILE_RIGHT) return 0;
  const smile = (userBlendshapes[MP_SMILE_LEFT] + userBlendshapes[MP_SMILE_RIGHT]) / 2;
  return Number.isFinite(smile) ? Math.min(1, Math.max(0, smile)) : 0;
}

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
  private readonly heard = new Float32Array(VISEME_COUNT);
  /** What shaped the mouth in the last `read`: the TTS phoneme track, the audio spectrum, or the bare level. */
  lipSource: 'phonemes' | 'audio' | 'level' = 'level';

  /**
   * Fills and returns `input` for this frame. `dtSeconds` drives the estimator's gain. `cameraSmile`
   * (0..1, `userSmileFromCamera`) is the perception feed for the listening smile mirror; the store's
   * `userSmile` (set by a host or test) wins when larger.
   */
  read(nowMs: number, dtSeconds: number, phase: string, speechLevel: number, avatar: AvatarState, cameraSmile = 0): AvatarDriveInput {
    const input = this.input;
    input.phase = phase;
    input.speechLevel = speechLevel;
    input.emotion = avatar.emotion;
    input.intensity = avatar.intensity;
    input.userSmile = Math.max(avatar.userSmile, cameraSmile);
    input.backchannelAtMs = avatar.backchannelAtMs;
    input.mirror = avatar.mirror;
    input.visemes = null;
    this.lipSource = 'level';
    const timeline = avatar.timeline;
    const t = nowMs - avatar.timelineStartMs + LIPSYNC_LEAD_MS;
    if (timeline && t >= -timeline.blendMs && t < timeline.durationMs + timeline.blendMs) {
      input.visemes = timeline.sample(t, this.visemes);
      this.lipSource = 'phonemes';
    } else if (avatar.features) {
      input.visemes = this.estimator.estimate(avatar.features, dtSeconds, this.visemes);
      this.lipSource = 'audio';
    } else if (avatar.analyser) {
      this.lipSource = 'audio';
      const analyser = avatar.analyser;
      if (!this.spectrum || this.spectrum.length !== analyser.frequencyBinCount) this.spectrum = new Float32Array(analyser.frequencyBinCount);
      analyser.getFloatFrequencyData(this.spectrum);
      computeSpectralFeatures(this.spectrum, analyser.context.sampleRate, this.features);
      input.visemes = this.estimator.estimate(this.features, dtSeconds, this.visemes);
    }
    return input;
  }

  /**
   * The jawOpen (0..1) the phoneme track asks for at the moment the listener hears `nowMs` (no
   * look-ahead), or null without a track: the reference the e2e lip-sync check measures the face against.
   */
  heardJawOpen(nowMs: number, avatar: AvatarState): number | null {
    const timeline = avatar.timeline;
    if (!timeline) return null;
    const visemes = timeline.sample(nowMs - avatar.timelineStartMs, this.heard);
    let jaw = 0;
    for (let v = 0; v < VISEME_COUNT; v++) jaw += visemes[v] * VISEME_WEIGHTS[v][BS.jawOpen];
    return jaw;
  }
}
