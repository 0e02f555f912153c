/**
 * One call: wires media (mic frames, camera frames), the voice-activity gate, the conversation
 * (brain + voice) and the call store together. Browser-only; React components only start/stop it
 * and send user intents.
 */
import { VoiceActivityGate } from '../audio/voice-activity';
import type { BrainProvider } from '../brain/types';
import { ERROR_MESSAGES, KinError, type KinErrorCode } from '../errors';
import type { Persona } from '../persona/types';
import { createLiveMetrics, type LiveMetrics } from '../perception/live';
import { isTooDark } from '../perception/frame-stats';
import { perceptionAffect } from '../perception/affect';
import { PerceptionHub } from '../perception/hub';
import type { SpeechOutput } from '../speech/types';
import { Conversation, type ConversationDeps, type MemoryPort } from './conversation';
import { CallMedia } from './media';
import { callActions, type CallStore } from './store';
import { TabPresence } from './tab-presence';

export interface CallSessionOptions {
  store: CallStore;
  persona: Persona;
  brain: BrainProvider;
  speech: SpeechOutput;
  cameraId?: string;
  micId?: string;
  /** Privacy switch: let the brain see the one-line description of how the user seems. */
  shareMood?: boolean;
  memory?: MemoryPort;
  /** Privacy switch: remember what is said in this call. */
  rememberTurns?: boolean;
  /** The persona's documents (lib/knowledge), searched on every user turn. */
  knowledge?: ConversationDeps['knowledge'];
}

export interface MediaRequest {
  camera: boolean;
  mic: boolean;
}

export class CallSession {
  readonly metrics: LiveMetrics = createLiveMetrics();
  readonly media: CallMedia;
  readonly conversation: Conversation;
  /** Prosody (Silero VAD) and early fusion workers, and the perception panel's store. */
  readonly perception = new PerceptionHub();
  private readonly store: CallStore;
  private readonly options: CallSessionOptions;
  private readonly vad = new VoiceActivityGate();
  private darkFrames = 0;
  private hiddenSince: number | null = null;
  private readonly presence: TabPresence;

  constructor(options: CallSessionOptions) {
    this.options = options;
    this.store = options.store;
    this.store.setState({
      personaId: options.persona.id,
      labels: { brain: options.brain.label, voice: options.speech.label, vision: 'starting', audio: '—', memory: options.memory ? 'loading…' : 'off' },
    });
    this.conversation = new Conversation({
      store: options.store,
      brain: options.brain,
      speech: options.speech,
      persona: options.persona,
      memory: options.memory,
      rememberTurns: options.rememberTurns,
      knowledge: options.knowledge,
      affect: () => {
        if (!options.shareMood) return undefined;
        // Fused face + voice (lib/perception/hub) first, the face-only line as fallback; flags words vs face/voice mismatches.
        const userText = this.store.getState().captions.findLast((c) => c.speaker === 'user')?.text;
        const face = this.store.getState().camera === 'on' ? this.store.getState().perception : null;
        return perceptionAffect({ fused: this.perception.current, face, userText, nowMs: performance.now() });
      },
      onSpeechLevel: (level) => {
        this.metrics.speechLevel = level;
      },
    });
    this.media = new CallMedia(this.metrics, {
      onMicFrame: (samples, rms) => {
        this.perception.micFrame(samples);
        this.handleMicFrame(rms);
      },
      onVisionStats: (stats) => this.handleVision(stats.meanLuma),
      onVisionReady: (backend, detail) => {
        const words = { 'mediapipe-gpu': 'MediaPipe face landmarker (GPU)', 'mediapipe-cpu': 'MediaPipe face landmarker (CPU)', 'frame-stats': 'brightness only (face tracking unavailable)' }[backend];
        this.store.setState({ labels: { ...this.store.getState().labels, vision: detail ? `${words}; ${detail.slice(0, 120)}` : words } });
        this.perception.setVisionBackend(words);
      },
      onFace: (face, description) => {
        const m = this.metrics;
        if (face) {
          m.faces = face.faces;
          m.userBlendshapes.set(face.blendshapes);
          m.headYaw = face.pose.yaw;
          m.headPitch = face.pose.pitch;
          m.headRoll = face.pose.roll;
          m.blinks = face.blinks;
          m.blinkRatePerMinute = face.blinkRatePerMinute;
        }
        if (face && description) this.perception.visionResult(face, description.timestampMs, this.metrics.videoLuma);
        const previous = this.store.getState().perception;
        if (description && (description.sentence !== previous?.sentence || description.timestampMs - (previous?.timestampMs ?? 0) > 2000)) {
          this.store.setState({ perception: description });
        }
      },
      onDeviceLost: (kind) => {
        this.store.setState(kind === 'camera' ? { camera: 'lost' } : { mic: 'lost' });
        callActions.notify(this.store, 'media:device-lost');
      },
      onAudioSuspended: (suspended) => {
        this.store.setState({ audioSuspended: suspended });
        if (suspended) callActions.notify(this.store, 'audio:suspended');
        else callActions.clearNotice(this.store, 'audio:suspended');
      },
      onBackground: (hidden) => this.handleBackground(hidden),
      onError: (code, detail) =>
        callActions.notify(this.store, code, code === 'vision:failed' && detail ? `Face tracking is off: ${detail.replace(/^Face tracking[^:]*: /, '').slice(0, 160)}. The call goes on.` : undefined),
    });
    this.presence = new TabPresence((otherCalls) => {
      if (otherCalls > 0) callActions.notify(this.store, 'call:other-tab');
      else callActions.clearNotice(this.store, 'call:other-tab');
    });
  }

  private handleBackground(hidden: boolean): void {
    if (hidden) {
      this.hiddenSince = performance.now();
      return;
    }
    const away = this.hiddenSince === null ? 0 : performance.now() - this.hiddenSince;
    this.hiddenSince = null;
    // Only worth saying when the camera was on and the user was away long enough to notice.
    if (away > 1000 && this.store.getState().camera === 'on') callActions.notify(this.store, 'call:background');
  }

  /**
   * Starts the call with the devices the user agreed to. Each device that fails degrades the call
   * (video → voice → text) with a notice; the call itself always starts.
   */
  async start(request: MediaRequest, video: HTMLVideoElement | null): Promise<void> {
    const { store } = this;
    store.getState().dispatch({ type: 'start' });
    this.perception.start();
    this.presence.announce();
    // Create the AudioContext inside the user's click so sound is allowed.
    try {
      this.media.ensureAudioContext();
    } catch {
      callActions.notify(store, 'audio:worklet');
    }
    store.setState({ mic: request.mic ? 'starting' : 'off', camera: request.camera && video ? 'starting' : 'off' });
    const tasks: Promise<void>[] = [];
    if (request.mic) tasks.push(this.openMic());
    if (request.camera && video) tasks.push(this.openCamera(video));
    await Promise.all(tasks);
    if (this.media.audioContext) {
      const ctx = this.media.audioContext;
      store.setState({ labels: { ...store.getState().labels, audio: `${ctx.sampleRate} Hz → 16 kHz, 10 ms frames` } });
    }
    store.getState().dispatch({ type: 'ready' });
  }

  /** (Re)tries the microphone, e.g. after the user unblocked it. */
  async openMic(): Promise<void> {
    this.store.setState({ mic: 'starting' });
    try {
      await this.media.startMic(this.options.micId);
      this.store.setState({ mic: 'on' });
      for (const code of ['media:mic-denied', 'media:no-mic', 'media:in-use', 'media:device-lost'] as KinErrorCode[]) {
        callActions.clearNotice(this.store, code);
      }
    } catch (error) {
      const code = error instanceof KinError ? error.code : 'media:no-mic';
      this.store.setState({ mic: code === 'media:mic-denied' ? 'denied' : 'unavailable' });
      callActions.notify(this.store, code, ERROR_MESSAGES[code]);
    }
  }

  /** (Re)tries the camera. */
  async openCamera(video: HTMLVideoElement): Promise<void> {
    this.store.setState({ camera: 'starting' });
    try {
      await this.media.startCamera(video, this.options.cameraId);
      this.store.setState({ camera: 'on', labels: { ...this.store.getState().labels, vision: 'frame stats (OffscreenCanvas worker)' } });
      for (const code of ['media:camera-denied', 'media:no-camera', 'media:in-use', 'media:device-lost'] as KinErrorCode[]) {
        callActions.clearNotice(this.store, code);
      }
    } catch (error) {
      const code = error instanceof KinError ? error.code : 'media:no-camera';
      this.store.setState({ camera: code === 'media:camera-denied' ? 'denied' : 'unavailable', labels: { ...this.store.getState().labels, vision: 'off' } });
      callActions.notify(this.store, code, ERROR_MESSAGES[code]);
    }
  }

  private handleMicFrame(rms: number): void {
    const event = this.vad.update(rms);
    if (event === 'speech-start') {
      if (this.store.getState().phase === 'speaking') this.conversation.bargeIn();
      this.store.getState().dispatch({ type: 'user-speech-start' });
    } else if (event === 'speech-end') {
      // No on-device transcript yet (the speech issue adds one): back to listening.
      this.store.getState().dispatch({ type: 'user-speech-end', hasTranscript: false });
    }
  }

  private handleVision(luma: number): void {
    // ~2 s of dark frames at 15 fps before saying so; one bright frame clears it.
    this.darkFrames = isTooDark(luma) ? this.darkFrames + 1 : 0;
    const hint = this.darkFrames > 30 ? 'Your picture looks dark. More light in front of you helps.' : null;
    if (hint !== this.store.getState().videoHint) this.store.setState({ videoHint: hint });
  }

  /** Sends a typed message. */
  sendText(text: string): Promise<void> {
    return this.conversation.userTurn(text);
  }

  setMicMuted(muted: boolean): void {
    if (!this.media.hasMic) return;
    this.media.setMicMuted(muted);
    this.store.setState({ mic: muted ? 'muted' : 'on' });
  }

  setCameraOff(off: boolean): void {
    if (!this.media.hasCamera) return;
    this.media.setCameraOff(off);
    this.store.setState({ camera: off ? 'off' : 'on' });
  }

  async resumeAudio(): Promise<void> {
    await this.media.resumeAudio();
  }

  /** Resolves when this call's memories are written (at most `timeoutMs`); true when confirmed. */
  async flushMemory(timeoutMs = 10000): Promise<boolean> {
    if (!this.options.memory) return true;
    return Promise.race([
      this.options.memory.flush().then(() => true, () => false),
      new Promise<boolean>((r) => setTimeout(() => r(false), timeoutMs)),
    ]);
  }

  async end(): Promise<void> {
    this.perception.dispose();
    this.conversation.dispose();
    this.presence.dispose();
    this.options.speech.dispose?.();
    this.store.getState().dispatch({ type: 'end' });
    await this.media.stop();
  }
}
