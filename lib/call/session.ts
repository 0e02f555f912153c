/**
 * One call: wires media (mic frames, camera frames), the voice-activity gate, the conversation
 * (brain + voice) and the call store together. Browser-only; React components only start/stop it
 * and send user intents.
 */
import { VoiceActivityGate } from '../audio/voice-activity';
import { faceFloorCue, faceFollowsCall, facePhonemes } from '../avatar/call-face';
import { avatarStore } from '../avatar/store';
import type { BrainProvider } from '../brain/types';
import { ERROR_MESSAGES, KinError, type KinErrorCode } from '../errors';
import type { Persona } from '../persona/types';
import { createLiveMetrics, type LiveMetrics } from '../perception/live';
import { isTooDark } from '../perception/frame-stats';
import { perceptionAffect } from '../perception/affect';
import { PerceptionHub } from '../perception/hub';
import { MoodNotes } from '../perception/mood-notes';
import type { SpeechOutput } from '../speech/types';
import type { SpeechRecognizer } from '../speech/stt/types';
import type { TurnPatience } from '../turns/patience';
import type { TurnEvent } from '../turns/protocol';
import { Conversation, type ConversationDeps, type MemoryPort } from './conversation';
import { FloorController, type TranscriptPort } from './floor';
import { FloorTrace } from './floor-trace';
import { CallMedia } from './media';
import { TurnNode } from './turn-node';
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
  /** Privacy switch (off by default): keep perception sentences as episodic notes (lib/perception/mood-notes). */
  rememberMood?: boolean;
  /** The persona's documents (lib/knowledge), searched on every user turn. */
  knowledge?: ConversationDeps['knowledge'];
  /**
   * Speech-to-text for voice turns (chosen while the call starts); without one, voice turns are
   * detected and the user is told why only typing is answered (`reason`).
   */
  recognizer?: Promise<{ recognizer: SpeechRecognizer | null; reason?: string }>;
  /** Turn-taking model URL (tests); default: the shipped model. */
  turnModelUrl?: string;
  /** The user's "When I pause" setting (lib/turns/patience); default 'balanced', the model's own policy. */
  turnPatience?: TurnPatience;
}

/** Mic audio kept for a recognizer that is still loading: 20 s of 10 ms frames. */
const EARLY_FRAMES_MAX = 2000;
/** Mic audio the recognizer should have after the end of speech before the turn's words are taken, ms. */
const TAKE_TURN_TAIL_MS = 150;
/** Longest wait for those frames, ms (a dropped frame must not hold the reply up). */
const TAKE_TURN_WAIT_MS = 400;

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
  /** Fallback turn decisions: 800 ms of silence (interrupts less than 500 ms, answers sooner than 1200 ms). */
  private readonly vad = new VoiceActivityGate({ releaseFrames: 80 });
  private darkFrames = 0;
  private hiddenSince: number | null = null;
  private readonly presence: TabPresence;
  /** Live floor probability and turn events for the HUD. */
  readonly floorTrace = new FloorTrace();
  private readonly floor: FloorController;
  private turnNode: TurnNode | null = null;
  /** Audio-clock time the recognizer's latest words (partialWords) end at, s: posted late to a model that loads late. */
  private partialWordsEnd = 0;
  /** Counts startTurnTaking calls: a model that loads after a newer start (or the call's end) is dropped. */
  private turnAttempt = 0;
  /**
   * Whether the energy gate decides turns: until the mic opens, and for good when the turn model
   * can't run. While the model loads the worklet keeps the audio, so the gate stays out of it.
   */
  private useEnergyGate = true;
  private recognizer: SpeechRecognizer | null = null;
  private noRecognizerReason = '';
  private recognizerStarted = false;
  /** Whether the recognizer is running or known to be unavailable (no more early frames kept). */
  private recognizerSettled = false;
  private earlyFrames: { samples: Float32Array; timeMs: number }[] = [];
  /** Audio-clock end (ms) of the latest mic frame received; 0 before the first. */
  private micEndMs = 0;
  /** Audio-clock time (ms) of the latest speech end the turn detector reported, for takeTurn. */
  private speechEndMs: number | null = null;
  private partialWords = '';
  private pendingVoiceTurn: { speechEnd: number; commit: number } | null = null;
  private unsubscribers: (() => void)[] = [];

  constructor(options: CallSessionOptions) {
    this.options = options;
    this.store = options.store;
    this.store.setState({
      personaId: options.persona.id,
      labels: { brain: options.brain.label, voice: options.speech.label, vision: 'starting', audio: '—', memory: options.memory ? 'loading…' : 'off', turns: '—', stt: '—' },
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
        this.turnNode?.echoReference(level > 0 ? 20 * Math.log10(level) : -100);
      },
      onReplyAudioStart: () => this.noteReplyAudio(),
      onPhonemes: (event) => facePhonemes(event, avatarStore),
    });
    this.floor = new FloorController({
      phase: () => this.store.getState().phase,
      dispatch: (event) => this.store.getState().dispatch(event),
      replies: this.conversation,
      transcript: null,
      duck: (ducked) => options.speech.duck?.(ducked),
      onNoWords: (reason) => {
        if (reason === 'no-recognizer') {
          // While the on-device model is still loading the recognizer is not "off": say so, and that typing works.
          const detail = !this.recognizerSettled
            ? 'I heard you speak, but speech recognition is still loading on this device. Give it a few seconds, or type your message.'
            : this.noRecognizerReason ? `I heard you speak, but I can’t understand spoken words yet: ${this.noRecognizerReason}` : undefined;
          callActions.notify(this.store, 'stt:off', detail);
        }
      },
      onCommit: (speechEnd, commit) => {
        this.pendingVoiceTurn = { speechEnd, commit };
      },
      onEvent: (event) => {
        this.floorTrace.mark(event.type, event.time);
        faceFloorCue(event, avatarStore, performance.now());
      },
    });
    this.unsubscribers.push(
      faceFollowsCall(this.store, options.persona, avatarStore, () => this.perception.current?.state ?? null),
      this.store.subscribe((state, previous) => {
        if ((state.phase === 'speaking') !== (previous.phase === 'speaking')) this.turnNode?.companionSpeaking(state.phase === 'speaking');
      }),
    );
    // Only with permission, and only the sentence: at most one note per change of state and per 2 minutes.
    const moodNotes = new MoodNotes({ enabled: Boolean(options.rememberMood && options.rememberTurns !== false && options.memory) });
    this.unsubscribers.push(
      this.perception.store.subscribe((state, previous) => {
        if (state.fused === previous.fused) return;
        const note = moodNotes.offer(this.perception.current, Date.now());
        if (note) options.memory?.remember(note, `mood-${Date.now()}`);
      }),
    );
    this.media = new CallMedia(this.metrics, {
      onMicFrame: (samples, rms, timeSeconds) => {
        this.perception.micFrame(samples, timeSeconds);
        this.handleMicFrame(samples, rms, timeSeconds);
      },
      onVisionStats: (stats) => this.handleVision(stats.meanLuma),
      onVisionReady: (backend, detail) => {
        const words = { 'mediapipe-gpu': 'MediaPipe face landmarker (GPU)', 'mediapipe-cpu': 'MediaPipe face landmarker (CPU)', 'frame-stats': 'brightness only (face tracking unavailable)' }[backend];
        this.store.setState({ labels: { ...this.store.getState().labels, vision: detail ? `${words}; ${detail.slice(0, 120)}` : words } });
        this.perception.setVisionBackend(words);
      },
      onVisionCrash: (reason, restartInMs) => {
        this.perception.visionCrashed(reason, restartInMs);
        const vision = restartInMs === null ? 'vision worker crashed — gave up' : `vision worker crashed — restarting in ${Math.round(restartInMs / 1000)} s`;
        this.store.setState({ labels: { ...this.store.getState().labels, vision } });
        if (restartInMs === null) callActions.notify(this.store, 'worker:start', 'Face tracking stopped: the vision worker kept crashing. The call goes on.');
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
    // Silero's verdict on each mic block reaches the turn detector, whose voice gate then stops
    // counting far voices in the room (TV, another person) as the user's speech.
    this.perception.onVoiceActivity = (probability, audioTime) => {
      if (audioTime !== null) this.turnNode?.voiceActivity(probability, audioTime);
    };
    this.perception.start();
    this.presence.announce();
    // Create the AudioContext inside the user's click so sound is allowed.
    try {
      const context = this.media.ensureAudioContext();
      // The turn model's weights and worklet load while the user answers the permission prompt.
      if (request.mic) TurnNode.prepare(context, this.options.turnModelUrl);
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
    // The user began to speak while the call was still connecting: their turn is already open.
    if (this.floor.userTurnOpen) store.getState().dispatch({ type: 'user-speech-start' });
  }

  /** (Re)tries the microphone, e.g. after the user unblocked it. */
  async openMic(): Promise<void> {
    this.store.setState({ mic: 'starting' });
    try {
      await this.media.startMic(this.options.micId);
      this.store.setState({ mic: 'on' });
      // Neither holds up the call: early mic audio waits for the turn model in its worklet and for
      // the recognizer in a short buffer.
      void this.startTurnTaking();
      void this.startRecognizer();
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

  /** Starts the turn-taking model on the mic; on failure the energy gate keeps deciding turns. */
  private async startTurnTaking(): Promise<void> {
    const context = this.media.audioContext;
    const source = this.media.micSourceNode;
    this.turnNode?.stop();
    this.turnNode = null;
    if (!context || !source) return;
    // The detector hears the mic from now on (audio that comes before its weights waits in the
    // worklet), so the energy gate must not also decide the user's first turn.
    this.useEnergyGate = false;
    const attempt = ++this.turnAttempt;
    // The call ended, or the mic was opened again, while the model loaded.
    const stale = () => attempt !== this.turnAttempt || this.store.getState().phase === 'ended';
    try {
      const turnNode = await TurnNode.start(context, source, {
        onEvent: (event) => this.floor.handle(event),
        onTrace: (time, probability, speech, voiceGate) => {
          this.floorTrace.push(time, probability, speech);
          if (voiceGate !== this.floorTrace.voiceGate) {
            this.floorTrace.voiceGate = voiceGate;
            this.setLabel('turns', this.floorTrace.label());
          }
        },
        onError: (message) => this.fallBackToEnergyGate(message),
      }, this.options.turnModelUrl, this.media.companionBus?.gain, this.options.turnPatience);
      if (stale()) {
        turnNode.stop();
        return;
      }
      this.turnNode = turnNode;
      // Words heard while the model loaded: the worklet applies them when its replay reaches their end.
      if (this.partialWords) turnNode.transcript(this.partialWords, this.partialWordsEnd);
      this.floorTrace.backend = `turn model in an AudioWorklet (${this.turnNode.description})`;
      this.turnNode.companionSpeaking(this.store.getState().phase === 'speaking');
      this.setLabel('turns', this.floorTrace.label());
    } catch (error) {
      if (stale()) return;
      this.fallBackToEnergyGate(error instanceof Error ? error.message : String(error));
    }
  }

  private fallBackToEnergyGate(reason: string): void {
    this.turnNode?.stop();
    this.turnNode = null;
    this.useEnergyGate = true;
    this.floorTrace.voiceGate = false;
    this.floorTrace.backend = `energy gate (turn model unavailable: ${reason.slice(0, 80)})`;
    this.setLabel('turns', this.floorTrace.label());
    callActions.notify(this.store, 'turns:fallback');
  }

  /** Loads speech recognition; without it voice turns are detected but only typed turns get replies. */
  private async startRecognizer(): Promise<void> {
    if (this.recognizerStarted) return;
    this.recognizerStarted = true;
    let choice: { recognizer: SpeechRecognizer | null; reason?: string } = { recognizer: null, reason: 'speech recognition is off. You can type.' };
    try {
      if (this.options.recognizer) choice = await this.options.recognizer;
    } catch (error) {
      choice = { recognizer: null, reason: String(error) };
    }
    const recognizer = choice.recognizer;
    if (!recognizer) {
      this.recognizerSettled = true;
      this.earlyFrames = [];
      this.noRecognizerReason = choice.reason ?? '';
      this.setLabel('stt', `none — ${this.noRecognizerReason || 'type to talk'}`);
      return;
    }
    this.setLabel('stt', `${recognizer.label} (loading…)`);
    try {
      await recognizer.start();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      callActions.notify(this.store, 'stt:failed', `Speech recognition could not start (${message}). Type to talk; the call goes on.`);
      this.noRecognizerReason = `speech recognition could not start (${message}). You can type.`;
      this.recognizerSettled = true;
      this.earlyFrames = [];
      this.setLabel('stt', 'failed — type to talk');
      return;
    }
    this.recognizer = recognizer;
    this.store.setState({ sttLoading: null });
    this.unsubscribers.push(
      recognizer.onPartial((text, heardUntilMs) => {
        this.partialWords = text;
        this.floor.partialWords(text);
        if (text) this.options.memory?.prefetch?.(text);
        const context = this.media.audioContext;
        // Words cover the audio up to heardUntilMs when the recognizer knows it; otherwise assume they
        // arrive about 0.3 s after they were spoken. Old words must not pass for the latest speech.
        if (context) {
          const endTime = heardUntilMs !== undefined ? Math.min(heardUntilMs / 1000, context.currentTime) : context.currentTime - 0.3;
          this.partialWordsEnd = endTime;
          this.turnNode?.transcript(text, endTime);
        }
      }),
    );
    const port: TranscriptPort = {
      partial: () => this.partialWords,
      takeTurn: async () => {
        // The turn detector (audio thread) can decide before the main thread has received the mic
        // frames up to the end of speech (two message channels, no order between them; later under
        // load): wait briefly for them, or the recognizer never hears the last word.
        const until = this.speechEndMs === null ? null : this.speechEndMs + TAKE_TURN_TAIL_MS;
        for (let waited = 0; until !== null && this.micEndMs < until && waited < TAKE_TURN_WAIT_MS && this.recognizer === recognizer; waited += 10) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        this.speechEndMs = null;
        const words = await recognizer.takeTurn();
        this.partialWords = '';
        return words;
      },
      speechStart: (t) => recognizer.speechStart(t * 1000),
      speechEnd: (t) => {
        this.speechEndMs = t * 1000;
        recognizer.speechEnd(t * 1000);
      },
    };
    this.floor.setTranscript(port);
    for (const frame of this.earlyFrames) recognizer.pushFrame(frame.samples, frame.timeMs);
    this.earlyFrames = [];
    this.recognizerSettled = true;
    this.setLabel('stt', recognizer.label);
  }

  private setLabel(key: 'turns' | 'stt', value: string): void {
    this.store.setState({ labels: { ...this.store.getState().labels, [key]: value } });
  }

  /** The first audio of a reply was scheduled: per-turn voice latency for the HUD. */
  private noteReplyAudio(): void {
    const pending = this.pendingVoiceTurn;
    const context = this.media.audioContext;
    this.pendingVoiceTurn = null;
    if (!pending || !context) return;
    const audioOut = context.currentTime + 0.01 + (context.outputLatency || context.baseLatency || 0);
    this.conversation.annotateTurn({
      commitMs: Math.round((pending.commit - pending.speechEnd) * 1000),
      voiceToVoiceMs: Math.round((audioOut - pending.speechEnd) * 1000),
    });
  }

  private handleMicFrame(samples: Float32Array, rms: number, timeSeconds: number): void {
    const context = this.media.audioContext;
    // Frames carry their audio-clock time from the audio thread, so the recognizer's clock matches
    // the audio even when frames were lost to a glitch or the mic was muted for a while (counting
    // frames would fall behind by every missing one).
    const timeMs = timeSeconds * 1000;
    if (this.micEndMs === 0) {
      // An empty frame at the moment the device opened: the audio before the first delivered frame
      // (while the worklet loaded) counts in the recognizer's clock too.
      this.earlyFrames.push({ samples: new Float32Array(0), timeMs: Math.min(this.media.micOpenedAtMs, timeMs) });
    }
    this.micEndMs = timeMs + (samples.length / 16000) * 1000;
    if (this.recognizer) this.recognizer.pushFrame(samples, timeMs);
    else if (!this.recognizerSettled && this.earlyFrames.length < EARLY_FRAMES_MAX) this.earlyFrames.push({ samples: samples.slice(), timeMs });
    if (!this.useEnergyGate) return;
    const event = this.vad.update(rms);
    const time = context?.currentTime ?? 0;
    if (event === 'speech-start') {
      const speaking = this.store.getState().phase === 'speaking';
      this.floor.handle(this.gateEvent(speaking ? 'barge-in' : 'user-start', time));
      if (speaking) this.floor.handle(this.gateEvent('user-start', time));
    } else if (event === 'speech-end') {
      this.floor.handle({ ...this.gateEvent('commit', time), pauseMs: this.vad.hangoverMs });
    }
  }

  private gateEvent(type: TurnEvent['type'], time: number): TurnEvent {
    return { type, time, floorProbability: type === 'commit' ? 1 : 0, pauseMs: 0 };
  }

  private handleVision(luma: number): void {
    // ~2 s of dark frames at 15 fps before saying so; one bright frame clears it.
    this.darkFrames = isTooDark(luma) ? this.darkFrames + 1 : 0;
    const hint = this.darkFrames > 30 ? 'Your picture looks dark. More light in front of you helps.' : null;
    if (hint !== this.store.getState().videoHint) this.store.setState({ videoHint: hint });
  }

  /**
   * "Answer now": the user hands over the floor by hand when the companion waits (a noisy room, a
   * pause it reads as thinking). Commits the turn in progress; the detector then stops waiting.
   */
  answerNow(): boolean {
    const context = this.media.audioContext;
    if (!context || !this.floor.answerNow(context.currentTime, this.floorTrace.lastSpeechTime)) return false;
    this.turnNode?.yieldFloor();
    return true;
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
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    this.unsubscribers = [];
    this.turnNode?.stop();
    this.turnNode = null;
    this.recognizer?.dispose();
    this.recognizer = null;
    this.conversation.dispose();
    this.presence.dispose();
    this.options.speech.dispose?.();
    this.store.getState().dispatch({ type: 'end' });
    await this.media.stop();
  }
}
