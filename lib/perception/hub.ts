/**
 * Main-thread side of perception: feeds mic audio (32 ms blocks, copied) to the prosody worker and
 * each camera frame's visual features to the fusion worker, relays prosody features into the fusion
 * window, keeps both workers alive (restart with backoff) and publishes what the panel shows.
 * Browser-only; raw audio and frames stay in workers.
 */
import { isTooDark } from './frame-stats';
import type { FusedDescription } from './fused-describer';
import { VISUAL_FEATURES, visualFeatures } from './fusion-input';
import { FUSION_MODEL_URL } from './fusion-output';
import { RateCounter } from './live';
import { ManagedWorker, type WorkerLike } from './managed-worker';
import { PROSODY_BLOCK } from './prosody';
import { ORT_WASM_BASE, VAD_MODEL_URL, type FaceResult, type FusionInMessage, type FusionOutMessage, type ProsodyInMessage, type ProsodyOutMessage } from './protocol';
import { createPerceptionStore, perceptionProblems, type PerceptionStore } from './store';
import { BlockFramer } from './vad';

/** Blocks per message to the prosody worker (1 = 32 ms: latency over message count). */
const BLOCKS_PER_POST = 1;
/**
 * The fusion worker starts once Silero is ready (or has failed), so the two onnxruntime wasm compiles
 * do not share the CPU at the start of a call; it starts anyway after this long.
 */
export const FUSION_START_DEADLINE_MS = 15_000;

export interface PerceptionHubOptions {
  createProsodyWorker?: () => WorkerLike;
  createFusionWorker?: () => WorkerLike;
  preferWebGpu?: boolean;
  /** Every fused description as it arrives (evals, tests). */
  onFused?: (description: FusedDescription) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class PerceptionHub {
  readonly store: PerceptionStore;
  /** Staleness samples (capture → description on the main thread), ms; bounded. */
  readonly stalenessSamples: number[] = [];
  private readonly prosody: ManagedWorker<ProsodyInMessage, ProsodyOutMessage>;
  private readonly fusion: ManagedWorker<FusionInMessage, FusionOutMessage>;
  private readonly framer: BlockFramer;
  private batch = new Float32Array(PROSODY_BLOCK * BLOCKS_PER_POST);
  private batchFill = 0;
  private readonly visual = new Float32Array(VISUAL_FEATURES.length);
  private previousPose: FaceResult['pose'] | null = null;
  private readonly visionRate = new RateCounter(64);
  private readonly fusionRate = new RateCounter(64);
  private readonly crashes = new Map<string, string>();
  private lastPublish = 0;
  /**
   * Silero's probability of every 32 ms mic block and the block's end on the audio clock (null when
   * micFrame had no time); the call forwards it to the turn detector's voice gate.
   */
  onVoiceActivity: ((probability: number, audioTime: number | null) => void) | null = null;
  /** Audio-clock end of the latest mic frame, s. */
  private micTime: number | undefined;
  private readonly onFusedCallback?: (description: FusedDescription) => void;
  /**
   * True once the current prosody worker has said 'ready' (reset by each fresh worker's onStart; a
   * stopped or crashed one is not `alive`). Audio sent before that would queue behind the model's
   * start-up and be run late (a backlog of seconds, its VAD values too old for the turn detector)
   * while the CPU is busiest, so mic frames are dropped until then.
   */
  private prosodyReady = false;
  private fusionStarted = false;
  private fusionDeadline: unknown = null;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(options: PerceptionHubOptions = {}) {
    this.store = createPerceptionStore();
    const preferWebGpu = options.preferWebGpu ?? true;
    this.onFusedCallback = options.onFused;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
    this.prosody = new ManagedWorker({
      create: options.createProsodyWorker ?? (() => new Worker(new URL('../../workers/prosody.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike),
      onStart: (w) => {
        this.crashes.delete('prosody');
        this.prosodyReady = false;
        this.store.setState({ vadBackend: 'starting' });
        w.postMessage({ type: 'init', modelUrl: VAD_MODEL_URL, wasmBase: ORT_WASM_BASE } satisfies ProsodyInMessage);
      },
      onMessage: (m) => this.onProsody(m),
      onCrash: (reason, restartIn) => this.onCrash('prosody', reason, restartIn),
    });
    this.fusion = new ManagedWorker({
      create: options.createFusionWorker ?? (() => new Worker(new URL('../../workers/fusion.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike),
      onStart: (w) => {
        this.crashes.delete('fusion');
        this.store.setState({ fusionBackend: 'starting' });
        w.postMessage({ type: 'init', modelUrl: FUSION_MODEL_URL, wasmBase: ORT_WASM_BASE, preferWebGpu } satisfies FusionInMessage);
      },
      onMessage: (m) => this.onFusion(m),
      onCrash: (reason, restartIn) => this.onCrash('fusion', reason, restartIn),
    });
    this.framer = new BlockFramer((block) => {
      this.batch.set(block, this.batchFill);
      this.batchFill += PROSODY_BLOCK;
      if (this.batchFill < this.batch.length) return;
      // Transfer this batch and start a fresh one (the mic's buffers are reused, so never send those).
      const samples = this.batch;
      this.batch = new Float32Array(PROSODY_BLOCK * BLOCKS_PER_POST);
      this.batchFill = 0;
      this.prosody.post({ type: 'audio', samples, timestampMs: performance.now(), audioTime: this.micTime }, [samples.buffer]);
    });
  }

  /** Starts the prosody worker first and the fusion worker once Silero is up (FUSION_START_DEADLINE_MS at most). */
  start(): void {
    if (!this.store.getState().voicePerception) {
      this.startFusion();
      return;
    }
    this.prosody.start();
    if (!this.fusionStarted && this.fusionDeadline === null) this.fusionDeadline = this.setTimer(() => this.startFusion(), FUSION_START_DEADLINE_MS);
  }

  private startFusion(): void {
    this.clearFusionDeadline();
    if (this.fusionStarted) return;
    this.fusionStarted = true;
    this.fusion.start();
  }

  private clearFusionDeadline(): void {
    if (this.fusionDeadline !== null) this.clearTimer(this.fusionDeadline);
    this.fusionDeadline = null;
  }

  /** One 10 ms, 16 kHz mic frame (from CallSession.onMicFrame), ending at `timeSeconds` of the audio clock when given. */
  micFrame(samples: Float32Array, timeSeconds?: number): void {
    if (!this.store.getState().voicePerception || !this.prosody.alive || !this.prosodyReady) return;
    this.micTime = timeSeconds;
    this.framer.push(samples);
  }

  /** The vision worker finished a frame captured at `timestampMs` (null face = tracking unavailable). */
  visionResult(face: FaceResult | null, timestampMs: number, meanLuma: number): void {
    if (!this.store.getState().cameraPerception) return;
    const now = performance.now();
    this.visionRate.tick(now);
    const visual = face
      ? visualFeatures({ faces: face.faces, blendshapes: face.blendshapes, pose: face.pose, gaze: face.gaze, blinkRatePerMinute: face.blinkRatePerMinute }, this.previousPose, this.visual)
      : visualFeatures({ faces: 0, blendshapes: [], pose: { yaw: 0, pitch: 0, roll: 0 }, gaze: { x: 0, y: 0 }, blinkRatePerMinute: 0 }, null, this.visual);
    this.previousPose = face && face.faces > 0 ? face.pose : null;
    this.fusion.post({ type: 'frame', timestampMs, visual: Float32Array.from(visual) });
    const s = this.store.getState();
    const faces = face?.faces ?? 0;
    if (faces !== s.faces || isTooDark(meanLuma) !== s.tooDark) {
      this.store.setState({ faces, tooDark: isTooDark(meanLuma) });
      this.refreshProblems();
    }
  }

  /** Names the vision backend (from the vision worker's 'ready'; a restarted worker clears its crash). */
  setVisionBackend(label: string): void {
    this.crashes.delete('vision');
    this.store.setState({ visionBackend: label });
    this.refreshProblems();
  }

  /** Camera perception switch: off → no frames reach the vision worker (the caller pauses the pump). */
  setCameraPerception(on: boolean): void {
    this.store.setState({ cameraPerception: on, faces: 0, tooDark: false, visionFps: 0 });
    this.previousPose = null;
    this.fusion.post({ type: 'reset' });
    this.refreshProblems();
  }

  /** Voice perception switch: off → the prosody worker is stopped and no audio is sent. */
  setVoicePerception(on: boolean): void {
    this.store.setState({ voicePerception: on, speechProb: 0, f0Hz: 0, prosodyRtf: null, vadBackend: on ? 'starting' : 'off' });
    if (on) this.prosody.start();
    else {
      this.prosody.stop({ type: 'dispose' });
      this.startFusion();
    }
    this.fusion.post({ type: 'reset' });
    this.refreshProblems();
  }

  /** The newest description, or null when perception is off or has nothing yet. */
  get current(): FusedDescription | null {
    const s = this.store.getState();
    return s.cameraPerception || s.voicePerception ? s.fused : null;
  }

  dispose(): void {
    this.clearFusionDeadline();
    this.prosody.dispose({ type: 'dispose' });
    this.fusion.dispose({ type: 'dispose' });
  }

  private onProsody(m: ProsodyOutMessage): void {
    if (m.type === 'ready') {
      this.prosodyReady = true;
      this.store.setState({ vadBackend: m.backend, backendDetail: m.detail ?? this.store.getState().backendDetail });
      this.refreshProblems();
      this.startFusion();
    } else if (m.type === 'vad') {
      this.onVoiceActivity?.(m.probability, m.audioTime);
    } else if (m.type === 'features') {
      this.fusion.post({ type: 'audio', timestampMs: m.timestampMs, vector: m.vector }, [m.vector.buffer]);
      // Without camera perception, audio updates drive the fusion window (≈10 Hz).
      if (!this.store.getState().cameraPerception) this.fusion.post({ type: 'frame', timestampMs: m.timestampMs, visual: null });
      this.store.setState({ speechProb: m.speechProb, f0Hz: m.f0Hz, prosodyRtf: m.realTimeFactor });
    } else {
      this.crashes.set('prosody', m.message.slice(0, 160));
      this.refreshProblems();
    }
  }

  private onFusion(m: FusionOutMessage): void {
    if (m.type === 'ready') {
      this.store.setState({ fusionBackend: m.backend, backendDetail: m.detail ?? this.store.getState().backendDetail });
      this.refreshProblems();
      return;
    }
    if (m.type === 'error') {
      this.store.setState({ fusionBackend: 'failed' });
      this.crashes.set('fusion', m.message.slice(0, 160));
      this.refreshProblems();
      return;
    }
    this.onFusedCallback?.(m.description);
    const now = performance.now();
    this.fusionRate.tick(now);
    const staleness = now - m.description.timestampMs;
    if (this.stalenessSamples.length >= 5000) this.stalenessSamples.shift();
    this.stalenessSamples.push(staleness);
    const previous = this.store.getState().fused;
    // The panel needs a few updates a second, not one per frame.
    if (previous?.sentence !== m.description.sentence || now - this.lastPublish > 250) {
      this.lastPublish = now;
      this.store.setState({ fused: m.description, stalenessMs: Math.round(staleness), visionFps: this.visionRate.rate(now), fusionFps: this.fusionRate.rate(now) });
    }
  }

  private visionRestarts = 0;

  /**
   * The vision worker (a ManagedWorker in lib/call/media) crashed; `restartIn` null = it gave up.
   * The panel says "restarting" until the fresh worker's 'ready' names its backend again.
   */
  visionCrashed(reason: string, restartIn: number | null): void {
    if (restartIn !== null) this.visionRestarts++;
    this.store.setState({ visionBackend: restartIn === null ? 'crashed — face tracking off' : 'restarting', faces: 0 });
    this.onCrash('vision', reason, restartIn);
  }

  private onCrash(which: 'prosody' | 'fusion' | 'vision', reason: string, restartIn: number | null): void {
    this.crashes.set(which, restartIn === null ? `${which} worker crashed (${reason}) — gave up` : `${which} worker crashed — restarting in ${Math.round(restartIn / 1000)} s`);
    const failed = which === 'fusion' ? { fusionBackend: 'failed' as const } : which === 'prosody' ? { vadBackend: 'failed' as const } : {};
    this.store.setState({ workerRestarts: this.prosody.restarts + this.fusion.restarts + this.visionRestarts, ...failed });
    this.refreshProblems();
    if (which === 'prosody') this.startFusion();
  }

  private refreshProblems(): void {
    this.store.setState({ problems: perceptionProblems(this.store.getState(), [...this.crashes.values()]) });
  }
}
