/**
 * Browser adapter for the turn-taking worklet (worklets/turn.worklet.ts → public/worklets/): fetches
 * the model weights on the main thread (a worklet cannot fetch), runs the detector on the same mic
 * source as the mic worklet, and forwards its typed messages. Logic lives in lib/turns and ./floor.
 */
import type { TurnModelJson } from '../turns/model';
import { policyForPatience, type TurnPatience } from '../turns/patience';
import {
  TURN_MODEL_URL,
  TURN_WORKLET_NAME,
  TURN_WORKLET_URL,
  type TurnEvent,
  type TurnWorkletInMessage,
  type TurnWorkletOutMessage,
} from '../turns/protocol';

export interface TurnNodeEvents {
  onEvent(event: TurnEvent): void;
  /**
   * Every 50 ms: the floor probability, whether the user is speaking, and whether the neural VAD's
   * verdicts are arriving so that the voice gate acts on far voices (lib/turns/features.ts).
   */
  onTrace(time: number, floorProbability: number, speech: boolean, voiceGate: boolean): void;
  onError(message: string): void;
}

/** How long the model may take to arrive and load before the call falls back to the energy gate. */
const READY_TIMEOUT_MS = 8000;

let modelCache: Promise<TurnModelJson> | null = null;

function loadModel(url: string): Promise<TurnModelJson> {
  if (!modelCache) {
    modelCache = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`turn model: HTTP ${response.status}`);
      const json = (await response.json()) as TurnModelJson;
      if (!json || !Array.isArray(json.trees)) throw new Error('turn model: not a model file');
      return json;
    });
    modelCache.catch(() => (modelCache = null));
  }
  return modelCache;
}

const worklets = new WeakMap<BaseAudioContext, Promise<void>>();

/** The worklet module, added once per AudioContext (a failed try may be retried). */
function loadWorklet(context: BaseAudioContext): Promise<void> {
  let loading = worklets.get(context);
  if (!loading) {
    loading = context.audioWorklet.addModule(TURN_WORKLET_URL);
    worklets.set(context, loading);
    loading.catch(() => worklets.delete(context));
  }
  return loading;
}

export class TurnNode {
  private node: AudioWorkletNode | null = null;
  private sink: GainNode | null = null;
  /** "150 trees, 26 features; answers at p ≥ 0.88 or after 1.9 s of silence" once ready: what the worklet runs. */
  description = '';

  private constructor(private readonly events: TurnNodeEvents) {}

  /**
   * Starts fetching the weights and loading the worklet into `context`, so that both are there by
   * the time the mic opens (call it as the call starts, while the user answers the permission
   * prompt). Safe to call more than once; `start` waits for the same promises.
   */
  static prepare(context: AudioContext, modelUrl = TURN_MODEL_URL): void {
    loadModel(modelUrl).catch(() => undefined);
    loadWorklet(context).catch(() => undefined);
  }

  /**
   * Starts the detector on `source`. Rejects (with a reason) when the model or worklet can't load.
   * The worklet listens from the moment its module is in: the audio heard while the weights travel
   * waits in its backlog and runs through the model once they are in (worklets/turn.worklet.ts), so
   * a user who speaks at once is heard from their first word. Events about that audio carry its times.
   * `gate`: the companion bus's gain, which the worklet's output drives (an offset: 0 leaves it).
   * `patience`: the user's "When I pause" setting, applied to the model's policy (lib/turns/patience).
   */
  static async start(
    context: AudioContext, source: AudioNode, events: TurnNodeEvents, modelUrl = TURN_MODEL_URL, gate?: AudioParam,
    patience: TurnPatience = 'balanced',
  ): Promise<TurnNode> {
    const model = loadModel(modelUrl);
    model.catch(() => undefined);
    await loadWorklet(context);
    const turnNode = new TurnNode(events);
    const node = new AudioWorkletNode(context, TURN_WORKLET_NAME, { numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [1] });
    turnNode.node = node;
    source.connect(node);
    // A node with an output runs only while something downstream pulls it. The companion bus is not
    // pulled while no voice plays (Chrome disables a node whose inputs have all ended), and the
    // detector went deaf after a reply in e2e. A silent sink to the destination keeps it pulled.
    const sink = context.createGain();
    sink.gain.value = 0;
    node.connect(sink);
    sink.connect(context.destination);
    turnNode.sink = sink;
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('turn model did not load in time')), READY_TIMEOUT_MS);
        node.port.onmessage = (event: MessageEvent<TurnWorkletOutMessage>) => {
          const message = event.data;
          if (message.type === 'ready') {
            clearTimeout(timer);
            // What the worklet's detector runs with, so the HUD shows the user's "When I pause" choice took effect.
            turnNode.description = `${message.trees} trees, ${message.featureCount} features; answers at p ≥ ${message.commitThreshold}` +
              ` or after ${(message.maxPauseMs / 1000).toFixed(1)} s of silence${patience === 'patient' ? ' (patient)' : ''}`;
            // The backlog's events follow 'ready' on this port, so they reach receive() in order.
            node.port.onmessage = (e: MessageEvent<TurnWorkletOutMessage>) => turnNode.receive(e.data);
            resolve();
          } else if (message.type === 'error') {
            clearTimeout(timer);
            reject(new Error(message.message));
          }
        };
        model.then(
          (json) => turnNode.post({ type: 'model', model: { ...json, policy: policyForPatience(json.policy, patience) } }),
          (error: unknown) => {
            clearTimeout(timer);
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      });
    } catch (error) {
      turnNode.stop();
      throw error;
    }
    if (gate) node.connect(gate);
    return turnNode;
  }

  private receive(message: TurnWorkletOutMessage): void {
    if (message.type === 'event') this.events.onEvent(message.event);
    else if (message.type === 'trace') this.events.onTrace(message.time, message.floorProbability, message.speech, message.voiceGate);
    else if (message.type === 'error') this.events.onError(message.message);
  }

  private post(message: TurnWorkletInMessage): void {
    this.node?.port.postMessage(message);
  }

  /** Recognizer words whose speech ended at `endTime` (audio clock, s). */
  transcript(text: string, endTime: number): void {
    this.post({ type: 'transcript', text, endTime });
  }

  /** Silero's speech probability of the latest mic block: far voices in the room stop counting as the user. */
  voiceActivity(probability: number, blockEnd: number): void {
    this.post({ type: 'voice-activity', probability, blockEnd });
  }

  /** The user gave the floor by hand: the detector stops waiting for this turn's end. */
  yieldFloor(): void {
    this.post({ type: 'yield' });
  }

  companionSpeaking(speaking: boolean): void {
    this.post({ type: 'companion-speaking', speaking });
  }

  /** The companion's output level (dBFS), so its own voice leaking into the mic isn't the user. */
  echoReference(levelDb: number): void {
    this.post({ type: 'echo-reference', levelDb });
  }

  stop(): void {
    this.post({ type: 'stop' });
    this.node?.disconnect();
    this.node = null;
    this.sink?.disconnect();
    this.sink = null;
  }
}
