import { BLENDSHAPE_COUNT, BS, createWeights } from './arkit';
import { levelToVisemes } from './audio-visemes';
import { BlinkScheduler } from './blink';
import { EMOTION_ARKIT_RECIPES, writeEmotionWeights } from './emotion-recipes';
import { emotionForPhase } from './face-pose';
import { mulberry32, uniform, type Random } from './rng';
import { Spring, springArray } from './spring';
import type { Emotion } from './types';
import { visemesToArkit, VISEME_COUNT } from './visemes';

/** What the behaviour layer reads each frame. A plain object the caller mutates in place. */
export interface AvatarDriveInput {
  /** Call phase: idle|starting|listening|user-speaking|thinking|speaking|ended. */
  phase: string;
  /** Emotion chosen by the brain; null follows the call phase. */
  emotion: Emotion | null;
  /** 0..1 */
  intensity: number;
  /** Companion voice level 0..1. */
  speechLevel: number;
  /** Viseme weights for this frame (length VISEME_COUNT), or null to derive the mouth from speechLevel. */
  visemes: Float32Array | null;
  /** The user's smile 0..1 from perception, softly mirrored while listening. */
  userSmile: number;
  /** Page-clock ms of the latest backchannel cue (a nod is due when it changes). */
  backchannelAtMs: number;
  /** "Mirror me": the user's own 52 ARKit weights replace the expression layers when set. */
  mirror: Float32Array | null;
}

/** A fresh input with the face at rest. */
export function createDriveInput(): AvatarDriveInput {
  return { phase: 'idle', emotion: null, intensity: 1, speechLevel: 0, visemes: null, userSmile: 0, backchannelAtMs: 0, mirror: null };
}

// Channels the mouth layer owns while speaking (the emotion keeps the smile and the eyes).
const MOUTH_CHANNELS = Uint8Array.from(
  (['jawOpen', 'mouthClose', 'mouthFunnel', 'mouthPucker', 'mouthRollLower', 'mouthRollUpper', 'mouthShrugLower', 'mouthShrugUpper',
    'mouthPressLeft', 'mouthPressRight', 'mouthLowerDownLeft', 'mouthLowerDownRight', 'mouthUpperUpLeft', 'mouthUpperUpRight',
    'mouthStretchLeft', 'mouthStretchRight', 'tongueOut'] as const).map((n) => BS[n]),
);

/** Seconds of a nod: chin dips then returns, one damped cycle. */
const NOD_SECONDS = 0.9;

/**
 * The face's behaviour: emotion blending, blinks, micro-saccades, breathing, idle head motion,
 * listening nods and smile mirroring, thinking gaze aversion, lip sync and emphasis. One instance
 * per face; `update()` fills `weights` and the pose fields and allocates nothing.
 */
export class AvatarDriver {
  /** Final 52 ARKit weights, 0..1. */
  readonly weights = createWeights();
  /** Head rotation, radians: chin down (+), turn to subject's left (+), tilt to subject's left (+). */
  headPitch = 0;
  headYaw = 0;
  headRoll = 0;
  /** Breathing, -1..1 (inhale +). */
  breath = 0;
  /** Gaze, -1..1: toward subject's left (+), up (+). Also encoded in the eyeLook weights. */
  gazeX = 0;
  gazeY = 0;
  /** Blinks started so far (for tests and the harness). */
  get blinkCount(): number {
    return this.blink.blinkCount;
  }
  /** Nods started so far. */
  nodCount = 0;
  /** Blinks on (harness screenshots turn them off to capture a clean expression). */
  blinkEnabled = true;
  /** Idle life on: micro-saccades, breathing and head sway (off only for still screenshots). */
  idleEnabled = true;

  private readonly random: Random;
  private readonly blink: BlinkScheduler;
  private readonly emotionTarget = createWeights();
  private readonly emotionLayer = createWeights();
  private readonly emotionVelocity = createWeights();
  private readonly mouthTarget = createWeights();
  private readonly mouthLayer = createWeights();
  private readonly mouthVelocity = createWeights();
  private readonly fallbackVisemes = new Float32Array(VISEME_COUNT);
  private readonly pitch = new Spring(0, 6);
  private readonly roll = new Spring(0, 6);
  private readonly yaw = new Spring(0, 6);
  private readonly eyeX = new Spring(0, 38);
  private readonly eyeY = new Spring(0, 38);
  private readonly mirrorSmile = new Spring(0, 4);
  private readonly speaking = new Spring(0, 10);
  private readonly browFlash = new Spring(0, 14);
  private phase = 'idle';
  private phaseSinceMs = 0;
  private nodStartMs = -1e9;
  private nodAmplitude = 0;
  private lastBackchannelMs = 0;
  private saccadeAtMs = 0;
  private saccadeX = 0;
  private saccadeY = 0;
  private avertUntilMs = -1;
  private avertX = 0;
  private avertY = 0;
  private fastLevel = 0;
  private slowLevel = 0;
  private flashStartMs = -1e9;
  private breathPhase = 0;
  private breathPeriod = 4.6;
  private lastMs = -1;

  constructor(seed = 1, startMs = 0) {
    this.random = mulberry32(seed);
    this.blink = new BlinkScheduler(this.random, startMs);
    this.saccadeAtMs = startMs + 500;
    this.phaseSinceMs = startMs;
  }

  /** Starts a nod of `amplitude` radians now (backchannel, user pause, emphasis). */
  nod(nowMs: number, amplitude = 0.06): void {
    if (nowMs - this.nodStartMs < NOD_SECONDS * 1000 * 0.8) return;
    this.nodStartMs = nowMs;
    this.nodAmplitude = amplitude;
    this.nodCount++;
  }

  /** Advances the face to `nowMs` (page clock) from `input`; dt is derived and clamped to 0..100 ms. */
  update(nowMs: number, input: AvatarDriveInput): void {
    const dt = this.lastMs < 0 ? 1 / 60 : Math.min(0.1, Math.max(0, (nowMs - this.lastMs) / 1000));
    this.lastMs = nowMs;
    this.observePhase(nowMs, input.phase);
    if (input.backchannelAtMs > this.lastBackchannelMs) {
      this.lastBackchannelMs = input.backchannelAtMs;
      this.nod(nowMs, 0.05);
    }

    // Expression layer: spring every weight toward the chosen emotion at its intensity.
    const emotion = input.emotion ?? emotionForPhase(input.phase);
    const recipe = EMOTION_ARKIT_RECIPES[emotion];
    const intensity = Math.min(1, Math.max(0, input.intensity));
    writeEmotionWeights(emotion, intensity, this.emotionTarget);
    springArray(this.emotionLayer, this.emotionVelocity, this.emotionTarget, dt, 7);

    // Mouth layer: visemes while the companion speaks, closed otherwise. Fast spring: lips lag
    // the target by ~2/omega ≈ 45 ms, which the analyser's lead over the speaker output offsets.
    const speaking = input.phase === 'speaking';
    const speakingMix = this.speaking.step(speaking ? 1 : 0, dt);
    if (speaking) {
      visemesToArkit(input.visemes ?? levelToVisemes(input.speechLevel, this.fallbackVisemes), 1, this.mouthTarget);
    } else {
      this.mouthTarget.fill(0);
    }
    springArray(this.mouthLayer, this.mouthVelocity, this.mouthTarget, dt, 45);
    this.updateEmphasis(nowMs, dt, speaking ? input.speechLevel : 0);

    const w = this.weights;
    if (input.mirror) {
      w.set(input.mirror);
    } else {
      w.set(this.emotionLayer);
      const yieldMouth = 1 - 0.75 * speakingMix;
      for (let i = 0; i < MOUTH_CHANNELS.length; i++) {
        const c = MOUTH_CHANNELS[i];
        w[c] = w[c] * yieldMouth + this.mouthLayer[c];
      }
      const listening = input.phase === 'listening' || input.phase === 'user-speaking';
      const mirror = this.mirrorSmile.step(listening ? 0.45 * Math.min(1, Math.max(0, input.userSmile)) : 0, dt);
      w[BS.mouthSmileLeft] += mirror;
      w[BS.mouthSmileRight] += mirror;
      w[BS.cheekSquintLeft] += mirror * 0.5;
      w[BS.cheekSquintRight] += mirror * 0.5;
      const flash = this.browFlash.value;
      w[BS.browInnerUp] += 0.3 * flash;
      w[BS.browOuterUpLeft] += 0.35 * flash;
      w[BS.browOuterUpRight] += 0.35 * flash;
    }

    // Blink on top of whatever the lids are doing.
    const closure = this.blinkEnabled ? this.blink.update(nowMs) : 0;
    w[BS.eyeBlinkLeft] += (1 - w[BS.eyeBlinkLeft]) * closure;
    w[BS.eyeBlinkRight] += (1 - w[BS.eyeBlinkRight]) * closure;

    this.updateGaze(nowMs, dt, input.mirror ? 0 : recipe.gazeX * intensity, input.mirror ? 0 : recipe.gazeY * intensity);
    this.updateHead(nowMs, dt, recipe.pitch * intensity, recipe.roll * intensity, recipe.yaw * intensity, speakingMix, input.speechLevel);
    if (!input.mirror) this.writeGazeWeights();
    for (let i = 0; i < BLENDSHAPE_COUNT; i++) w[i] = w[i] < 0 ? 0 : w[i] > 1 ? 1 : w[i];
  }

  private observePhase(nowMs: number, phase: string): void {
    if (phase === this.phase) return;
    const previous = this.phase;
    this.phase = phase;
    this.phaseSinceMs = nowMs;
    // The user paused (turn-taking moved from their speech back to listening): a small nod.
    if (previous === 'user-speaking' && phase === 'listening') this.nod(nowMs, 0.055);
    if (phase === 'thinking') {
      // Brief gaze aversion, to one side and up, as people do while retrieving words.
      this.avertUntilMs = nowMs + uniform(this.random, 900, 2200);
      this.avertX = (this.random() < 0.5 ? -1 : 1) * uniform(this.random, 0.45, 0.7);
      this.avertY = uniform(this.random, 0.35, 0.6);
      this.blink.trigger(nowMs);
    }
    if (phase === 'speaking') this.avertUntilMs = -1;
  }

  private updateEmphasis(nowMs: number, dt: number, level: number): void {
    // Emphasis: a fast envelope jumping well above the slow one is a stressed syllable.
    this.fastLevel += (level - this.fastLevel) * Math.min(1, dt * 18);
    this.slowLevel += (level - this.slowLevel) * Math.min(1, dt * 1.5);
    if (this.fastLevel - this.slowLevel > 0.16 && this.fastLevel > 0.3 && nowMs - this.flashStartMs > 1400) {
      this.flashStartMs = nowMs;
      this.nod(nowMs, 0.035);
    }
    const sinceFlash = (nowMs - this.flashStartMs) / 1000;
    this.browFlash.step(sinceFlash < 0.25 ? 1 : 0, dt);
  }

  private updateGaze(nowMs: number, dt: number, biasX: number, biasY: number): void {
    // Micro-saccades: small jumps every 0.35–1.8 s while holding the user's gaze.
    if (nowMs >= this.saccadeAtMs) {
      this.saccadeAtMs = nowMs + uniform(this.random, 350, 1800);
      this.saccadeX = uniform(this.random, -0.07, 0.07);
      this.saccadeY = uniform(this.random, -0.05, 0.05);
    }
    const averting = nowMs < this.avertUntilMs;
    const idle = this.idleEnabled ? 1 : 0;
    const targetX = averting ? this.avertX : biasX + this.saccadeX * idle;
    const targetY = averting ? this.avertY : biasY + this.saccadeY * idle;
    this.gazeX = this.eyeX.step(targetX, dt);
    this.gazeY = this.eyeY.step(targetY, dt);
  }

  private updateHead(nowMs: number, dt: number, pitch: number, roll: number, yaw: number, speakingMix: number, level: number): void {
    const t = nowMs / 1000;
    this.breathPhase += (dt * 2 * Math.PI) / this.breathPeriod;
    if (this.breathPhase > 2 * Math.PI) {
      this.breathPhase -= 2 * Math.PI;
      this.breathPeriod = uniform(this.random, 4, 5.4);
    }
    this.breath = this.idleEnabled ? Math.sin(this.breathPhase) : 0;
    const sway = this.idleEnabled ? 1 + 0.8 * speakingMix : 0;
    const idlePitch = sway * (0.012 * Math.sin(t * 0.43) + 0.008 * Math.sin(t * 1.13 + 0.5)) + 0.006 * this.breath;
    const idleYaw = sway * (0.025 * Math.sin(t * 0.31 + 1) + 0.01 * Math.sin(t * 0.87 + 2));
    const idleRoll = sway * (0.012 * Math.sin(t * 0.27 + 2) + 0.006 * Math.sin(t * 0.71));
    const nodT = (nowMs - this.nodStartMs) / 1000;
    const nod = nodT >= 0 && nodT < NOD_SECONDS ? this.nodAmplitude * Math.sin((nodT / NOD_SECONDS) * 2 * Math.PI * 1.1) * Math.exp(-nodT * 2.2) : 0;
    this.headPitch = this.pitch.step(pitch + idlePitch + 0.02 * level * speakingMix, dt) + nod;
    this.headYaw = this.yaw.step(yaw + idleYaw + 0.12 * this.gazeX, dt);
    this.headRoll = this.roll.step(roll + idleRoll, dt);
  }

  private writeGazeWeights(): void {
    const w = this.weights;
    const x = this.gazeX;
    const y = this.gazeY;
    // Subject's left is +x: the left eye looks "out", the right eye looks "in".
    w[BS.eyeLookOutLeft] = x > 0 ? x : 0;
    w[BS.eyeLookInLeft] = x < 0 ? -x : 0;
    w[BS.eyeLookInRight] = x > 0 ? x : 0;
    w[BS.eyeLookOutRight] = x < 0 ? -x : 0;
    const up = y > 0 ? y : 0;
    const down = y < 0 ? -y : 0;
    w[BS.eyeLookUpLeft] = up;
    w[BS.eyeLookUpRight] = up;
    w[BS.eyeLookDownLeft] = Math.max(down, w[BS.eyeLookDownLeft]);
    w[BS.eyeLookDownRight] = Math.max(down, w[BS.eyeLookDownRight]);
  }

  /** Time of the last `update` (the last frame drawn), ms; -1 before the first. */
  lastUpdateMs(): number {
    return this.lastMs;
  }

  /** Milliseconds since the current phase began. */
  phaseAgeMs(nowMs: number): number {
    return nowMs - this.phaseSinceMs;
  }
}
