/**
 * Browser media for a call: one AudioContext with the mic worklet (16 kHz, 10 ms frames), the
 * camera with a frame pump into the vision worker, and device-loss / background / autoplay handling.
 * Browser-only (DOM); the logic it drives lives in lib/audio, lib/video and lib/call.
 */
import { meterPosition, toDbfs } from '../audio/level';
import { MIC_WORKLET_NAME, MIC_WORKLET_URL, type MicWorkletOutMessage } from '../audio/protocol';
import { setCompanionBus } from '../speech/companion-bus';
import { KinError, mediaErrorCode, type KinErrorCode } from '../errors';
import type { LiveMetrics } from '../perception/live';
import { RateCounter } from '../perception/live';
import { ManagedWorker, type WorkerLike } from '../perception/managed-worker';
import type { Description } from '../perception/describer';
import { FACE_MODEL_URL, MEDIAPIPE_WASM_BASE, type FaceResult, type FrameStats, type VisionBackend, type VisionInMessage, type VisionOutMessage } from '../perception/protocol';
import { FramePump } from '../video/frame-pump';

export interface MediaEvents {
  /**
   * One 10 ms, 16 kHz mono frame. The array is only valid during the call. `timeSeconds`: audio-clock
   * time of its first sample, stamped in the audio thread (so glitches and muted stretches leave gaps
   * instead of shifting every later frame).
   */
  onMicFrame(samples: Float32Array, rms: number, timeSeconds: number): void;
  onVisionStats(stats: FrameStats): void;
  /** The vision worker started: which backend really runs. */
  onVisionReady(backend: VisionBackend, detail?: string): void;
  /** The vision worker crashed: it restarts after `restartInMs` (1 s, 2 s, 4 s … 30 s), null = gave up. */
  onVisionCrash(reason: string, restartInMs: number | null): void;
  /** A face result for one frame (null when face tracking is off). */
  onFace(face: FaceResult | null, description: Description | null): void;
  onDeviceLost(kind: 'camera' | 'mic'): void;
  onAudioSuspended(suspended: boolean): void;
  /** The tab went to the background (true) or came back (false). */
  onBackground(hidden: boolean): void;
  onError(code: KinErrorCode, detail?: string): void;
}

/** Frames per second sent to the vision worker at most. */
export const VISION_MAX_FPS = 15;

export class CallMedia {
  private readonly metrics: LiveMetrics;
  private readonly events: MediaEvents;
  audioContext: AudioContext | null = null;
  /** The companion voice's bus in `audioContext` (gain 1 plus the turn worklet's gate offset). */
  companionBus: GainNode | null = null;
  private micStream: MediaStream | null = null;
  private micNode: AudioWorkletNode | null = null;
  private micSource: MediaStreamAudioSourceNode | null = null;
  private camStream: MediaStream | null = null;
  private worker: ManagedWorker<VisionInMessage, VisionOutMessage> | null = null;
  private pump: FramePump<ImageBitmap> | null = null;
  private video: HTMLVideoElement | null = null;
  private lastSeq = -1;
  private readonly audioRate = new RateCounter(256);
  private readonly videoRate = new RateCounter(128);
  private smoothedLevel = 0;
  private micMuted = false;
  private stopped = false;
  private readonly onVisibility = () => this.handleVisibility();

  constructor(metrics: LiveMetrics, events: MediaEvents) {
    this.metrics = metrics;
    this.events = events;
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', this.onVisibility);
  }

  /** Creates (or returns) the call's single AudioContext. Call from a user gesture. */
  ensureAudioContext(): AudioContext {
    if (!this.audioContext) {
      this.audioContext = new AudioContext({ latencyHint: 'interactive' });
      // The companion's voice goes through one bus whose gain the turn worklet's gate also drives,
      // so a barge-in ducks and silences it on the audio thread (lib/turns/gate.ts).
      this.companionBus = this.audioContext.createGain();
      this.companionBus.connect(this.audioContext.destination);
      setCompanionBus(this.audioContext, this.companionBus);
      const report = () => this.events.onAudioSuspended(this.audioContext?.state === 'suspended');
      this.audioContext.onstatechange = report;
      report();
    }
    return this.audioContext;
  }

  /** Resumes sound after the browser's autoplay policy suspended it. Needs a user gesture. */
  async resumeAudio(): Promise<void> {
    await this.audioContext?.resume().catch(() => undefined);
  }

  /** Opens the microphone and starts 10 ms frames. Throws KinError with a media code on failure. */
  async startMic(deviceId = ''): Promise<void> {
    if (!navigator.mediaDevices?.getUserMedia) throw new KinError('media:insecure-context', 'no getUserMedia');
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: {
          deviceId: deviceId ? { ideal: deviceId } : undefined,
          echoCancellation: true,
          noiseSuppression: true,
          autoGainControl: true,
          channelCount: 1,
        },
      });
    } catch (error) {
      throw new KinError(mediaErrorCode(error, 'mic'), String(error), { cause: error });
    }
    if (this.stopped) return stream.getTracks().forEach((t) => t.stop());
    this.micStream = stream;
    const context = this.ensureAudioContext();
    this.micOpenedAtMs = context.currentTime * 1000;
    try {
      await context.audioWorklet.addModule(MIC_WORKLET_URL);
    } catch (error) {
      stream.getTracks().forEach((t) => t.stop());
      this.micStream = null;
      throw new KinError('audio:worklet', String(error), { cause: error });
    }
    this.micSource = context.createMediaStreamSource(stream);
    this.micNode = new AudioWorkletNode(context, MIC_WORKLET_NAME, { numberOfInputs: 1, numberOfOutputs: 0 });
    this.micNode.port.onmessage = (event: MessageEvent<MicWorkletOutMessage>) => this.handleMicMessage(event.data);
    this.micSource.connect(this.micNode);
    for (const track of stream.getAudioTracks()) track.onended = () => this.lost('mic');
  }

  private handleMicMessage(message: MicWorkletOutMessage): void {
    if (message.type === 'frame') {
      if (this.lastSeq >= 0 && message.seq > this.lastSeq + 1) this.metrics.audioFramesDropped += message.seq - this.lastSeq - 1;
      this.lastSeq = message.seq;
      this.metrics.audioFrames++;
      const now = performance.now();
      this.audioRate.tick(now);
      if ((this.metrics.audioFrames & 15) === 0) this.metrics.audioFps = this.audioRate.rate(now);
      const level = this.micMuted ? 0 : meterPosition(toDbfs(message.rms));
      // Fast attack, slow release, like a hardware meter.
      this.smoothedLevel = level > this.smoothedLevel ? level : this.smoothedLevel * 0.9 + level * 0.1;
      this.metrics.micLevel = this.smoothedLevel;
      if (!this.micMuted) this.events.onMicFrame(message.samples, message.rms, message.time);
    } else if (message.type === 'stats') {
      // Render quanta the worklet missed are counted on top of sequence gaps.
      this.workletDropped = message.framesDropped;
      this.workletGaps = message.gaps;
    } else {
      this.events.onError('audio:worklet', message.message);
    }
  }

  private workletDropped = 0;
  private workletGaps: { atSeconds: number; samples: number }[] = [];

  /**
   * Asks the worklet for its counters. `sequenceGaps`: frames lost between worklet and main thread;
   * `renderGaps`: 10 ms frames of input the audio thread never processed (render glitches).
   */
  async audioDropStats(): Promise<{ sequenceGaps: number; renderGaps: number; total: number; gaps: { atSeconds: number; samples: number }[] }> {
    const node = this.micNode;
    if (node) {
      node.port.postMessage({ type: 'stats' });
      await new Promise((r) => setTimeout(r, 100));
    }
    const sequenceGaps = this.metrics.audioFramesDropped;
    return { sequenceGaps, renderGaps: this.workletDropped, total: sequenceGaps + this.workletDropped, gaps: this.workletGaps };
  }

  setMicMuted(muted: boolean): void {
    this.micMuted = muted;
    this.micStream?.getAudioTracks().forEach((t) => (t.enabled = !muted));
  }

  /** Opens the camera into `video` and starts the frame pump to the vision worker. */
  async startCamera(video: HTMLVideoElement, deviceId = ''): Promise<void> {
    if (!navigator.mediaDevices?.getUserMedia) throw new KinError('media:insecure-context', 'no getUserMedia');
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        video: { deviceId: deviceId ? { ideal: deviceId } : undefined, width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 30 } },
      });
    } catch (error) {
      throw new KinError(mediaErrorCode(error, 'camera'), String(error), { cause: error });
    }
    if (this.stopped) return stream.getTracks().forEach((t) => t.stop());
    this.camStream = stream;
    this.video = video;
    video.srcObject = stream;
    video.muted = true;
    await video.play().catch(() => undefined);
    for (const track of stream.getVideoTracks()) track.onended = () => this.lost('camera');
    this.startVision(video);
  }

  private startVision(video: HTMLVideoElement): void {
    // Restarts with backoff after a crash (lib/perception/managed-worker, like prosody and fusion).
    this.worker = new ManagedWorker<VisionInMessage, VisionOutMessage>({
      create: () => new Worker(new URL('../../workers/vision.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike,
      onStart: (worker) => {
        worker.postMessage({ type: 'init', modelUrl: FACE_MODEL_URL, wasmBase: MEDIAPIPE_WASM_BASE, preferGpu: true } satisfies VisionInMessage);
        // A restart: the crashed worker's frame never comes back, so free the pump and resume it.
        this.pump?.frameDone();
        if (!this.visionPaused && !document.hidden && this.camStream?.getVideoTracks().some((t) => t.enabled)) this.pump?.start();
      },
      onMessage: (message) => this.handleVisionMessage(message),
      onCrash: (reason, restartInMs) => {
        this.pump?.stop();
        this.events.onVisionCrash(reason, restartInMs);
      },
      maxRestarts: 5,
    });
    this.worker.start();
    this.createPump(video);
  }

  private handleVisionMessage(message: VisionOutMessage): void {
    if (message.type === 'result') {
      this.pump?.frameDone();
      this.metrics.videoFramesProcessed++;
      this.metrics.videoLuma = message.stats.meanLuma;
      this.metrics.videoProcessMs = message.stats.processMs;
      this.events.onVisionStats(message.stats);
      this.events.onFace(message.face, message.description);
    } else if (message.type === 'ready') {
      this.events.onVisionReady(message.backend, message.detail);
    } else if (message.type === 'error') {
      this.events.onError(message.code, message.message);
    }
  }

  private createPump(video: HTMLVideoElement): void {
    const hasRvfc = 'requestVideoFrameCallback' in HTMLVideoElement.prototype;
    this.pump = new FramePump<ImageBitmap>(
      {
        onNextFrame: (callback) => {
          if (hasRvfc) {
            const handle = video.requestVideoFrameCallback((now) => callback(now));
            return () => video.cancelVideoFrameCallback(handle);
          }
          const handle = requestAnimationFrame((now) => callback(now));
          return () => cancelAnimationFrame(handle);
        },
        capture: async () => {
          if (video.readyState < 2 || video.videoWidth === 0) return null;
          return createImageBitmap(video);
        },
        send: (bitmap, seq, timestampMs) => {
          if (!this.worker?.alive) return bitmap.close(); // crashed, waiting to restart
          const now = performance.now();
          this.videoRate.tick(now);
          this.metrics.videoFramesSent++;
          this.metrics.videoFps = this.videoRate.rate(now);
          this.post({ type: 'frame', seq, timestampMs, bitmap }, [bitmap]);
        },
        release: (bitmap) => bitmap.close(),
      },
      VISION_MAX_FPS,
    );
    if (!this.visionPaused) this.pump.start();
    this.syncPumpStats();
  }

  private statsTimer: ReturnType<typeof setInterval> | null = null;

  private syncPumpStats(): void {
    this.statsTimer = setInterval(() => {
      if (!this.pump) return;
      this.metrics.videoFramesDropped = this.pump.stats.droppedBusy;
      this.metrics.videoFps = this.videoRate.rate(performance.now());
    }, 500);
  }

  private post(message: VisionInMessage, transfer: Transferable[] = []): void {
    this.worker?.post(message, transfer);
  }

  /** Camera perception switch: paused = no frames reach the vision worker (it idles); the picture stays. */
  setVisionPaused(paused: boolean): void {
    this.visionPaused = paused;
    if (paused) this.pump?.stop();
    else if (!document.hidden && this.camStream?.getVideoTracks().some((t) => t.enabled)) this.pump?.start();
  }

  private visionPaused = false;

  /** Turns the camera picture off (and the pump) without releasing the device permission. */
  setCameraOff(off: boolean): void {
    this.camStream?.getVideoTracks().forEach((t) => (t.enabled = !off));
    if (off) this.pump?.stop();
    else if (!document.hidden && !this.visionPaused) this.pump?.start();
  }

  get hasCamera(): boolean {
    return this.camStream !== null;
  }

  /** Audio-clock time (ms) when the microphone opened: the start of its audio. */
  micOpenedAtMs = 0;

  /** The microphone's source node, for other audio processors (turn-taking) on the same input. */
  get micSourceNode(): MediaStreamAudioSourceNode | null {
    return this.micSource;
  }

  get hasMic(): boolean {
    return this.micStream !== null;
  }

  private lost(kind: 'camera' | 'mic'): void {
    if (this.stopped) return;
    if (kind === 'camera') {
      this.pump?.stop();
      this.camStream = null;
      if (this.video) this.video.srcObject = null;
    } else {
      this.micNode?.disconnect();
      this.micSource?.disconnect();
      this.micStream = null;
    }
    this.events.onDeviceLost(kind);
  }

  private handleVisibility(): void {
    // Browsers stop presenting video frames in background tabs; pause the pump cleanly and resume.
    if (document.hidden) this.pump?.stop();
    else if (!this.visionPaused && this.camStream?.getVideoTracks().some((t) => t.enabled)) this.pump?.start();
    this.events.onBackground(document.hidden);
  }

  /** Releases every device, the worker and the AudioContext. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', this.onVisibility);
    if (this.statsTimer) clearInterval(this.statsTimer);
    this.pump?.stop();
    this.worker?.dispose({ type: 'dispose' });
    this.worker = null;
    this.micNode?.port.postMessage({ type: 'stop' });
    this.micNode?.disconnect();
    this.micSource?.disconnect();
    for (const stream of [this.micStream, this.camStream]) stream?.getTracks().forEach((t) => t.stop());
    this.micStream = this.camStream = null;
    if (this.video) this.video.srcObject = null;
    await this.audioContext?.close().catch(() => undefined);
    this.audioContext = null;
    this.companionBus = null;
  }
}
