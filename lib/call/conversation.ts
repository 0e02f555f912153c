import type { BrainProvider, ChatMessage } from '../brain/types';
import { warmUpGuardrails } from '../guardrails/detector';
import { checkUserTurn, fixedReplyBrain, ReplyGuard, type TurnDecision } from '../guardrails/guard';
import { logSafetyEvent } from '../guardrails/store';
import { adaptationStore } from '../persona/adaptation-store';
import { TurnStyle } from '../persona/turn-style';
import type { Persona } from '../persona/types';
import { citedSources } from '../knowledge/cite';
import type { KnowledgeHit } from '../knowledge/types';
import { openingClause, speechChunkingForPage, speechChunks, type SpeechChunking } from '../speech/chunker';
import { SpeechPipeline } from '../speech/pipeline';
import type { SpeakCallbacks, SpeechOutput } from '../speech/types';
import { callActions, type CallStore, type TurnLatency } from './store';

/** What the conversation needs from memory (lib/memory behind a worker in the app). */
export interface MemoryPort {
  /** Memories relevant to this user turn, best first. */
  recall(text: string): Promise<{ id: string; text: string; tier?: string }[]>;
  /** Stores what the user said (the write path extracts, resolves and merges). */
  remember(text: string, turnId: string): void;
  /** Embeds the user's words while they are still speaking, so recall at the turn's end is fast. */
  prefetch?(partialText: string): void;
  /** Records that these memories were used in a reply (strengthens them). */
  markUsed(ids: string[]): void;
  /** Resolves when everything sent so far has been written. */
  flush(): Promise<void>;
}

/** Longest memory recall and the document search may take before a reply goes on without them, ms. */
export const RECALL_BUDGET_MS = 400;

/**
 * Longest a voice reply waits for them once the turn is committed, ms. They start at `speculate`,
 * so by the commit they have usually finished; when not, the reply uses what is ready (the lookup
 * for the same words without the last few) rather than keep the user waiting in silence.
 */
export const COMMIT_RECALL_BUDGET_MS = 80;

type Recalled = { id: string; text: string };

/** Memory recall and document search for one text, started once and shared by speculations and the commit. */
interface Lookup {
  words: string;
  memories: Promise<Recalled[]>;
  knowledge: Promise<KnowledgeHit[]>;
  ready: { memories?: Recalled[]; knowledge?: KnowledgeHit[] };
}

/** Lookups kept for the turn in progress (each re-prepared partial adds one). */
const LOOKUPS_KEPT = 8;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface ConversationDeps {
  store: CallStore;
  brain: BrainProvider;
  speech: SpeechOutput;
  persona: Persona;
  /** One-sentence description of how the user seems, when perception and privacy allow. */
  affect?: () => string | undefined;
  /** Companion voice level for the face, 0..1. */
  onSpeechLevel?: (level: number) => void;
  /** Phoneme timings of each chunk as it is scheduled, and `stop` when one is cut off (lip sync). */
  onPhonemes?: SpeakCallbacks['onPhonemes'];
  now?: () => number;
  memory?: MemoryPort;
  /** False for an incognito call: nothing new is remembered. */
  rememberTurns?: boolean;
  /** The persona's documents (lib/knowledge behind a worker): chunks relevant to a user turn, best first. */
  knowledge?: { search(text: string): Promise<KnowledgeHit[]> };
  /** The first audio of a reply was scheduled (once per reply). */
  onReplyAudioStart?: () => void;
  /** Check and repair each streamed sentence against the persona's style targets (default: for LLM providers). */
  styleCheck?: boolean;
  /** Replies reach the voice clause by clause (default), or whole sentences (the latency eval's baseline). */
  speechChunking?: SpeechChunking;
  /** BCP 47 tag for crisis resources (default navigator.language). */
  locale?: string;
  /** Records a crisis for the user's safety log (default: lib/guardrails/store, in localStorage). */
  onSafetyEvent?: typeof logSafetyEvent;
}

/** Lower-case words only, one space apart. */
function wordsOf(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}' ]+/gu, ' ').split(/\s+/).filter(Boolean).join(' ');
}

/** Lower-case words only: how a speculative reply's text is compared with the final transcript. */
export function sameWords(a: string, b: string): boolean {
  return wordsOf(a) === wordsOf(b);
}

interface Speculation {
  text: string;
  open: (keep: boolean) => void;
  done: Promise<void>;
}

/** Splits finished sentences off the front of a streamed buffer. */
export function takeSentences(buffer: string, final: boolean): { sentences: string[]; rest: string } {
  const sentences: string[] = [];
  let rest = buffer;
  const pattern = /^(.+?[.!?…]+["”’)]?)(\s+)/s;
  for (let m = pattern.exec(rest); m; m = pattern.exec(rest)) {
    sentences.push(m[1].trim());
    rest = rest.slice(m[0].length);
  }
  if (final && rest.trim()) {
    sentences.push(rest.trim());
    rest = '';
  }
  return { sentences, rest };
}

/**
 * The conversational half of a call: a user turn goes to the brain, the streamed reply is spoken
 * sentence by sentence as soon as each sentence is complete, captions follow what has been spoken,
 * and a new user turn (typed or barge-in) cancels the reply in flight.
 */
export class Conversation {
  private readonly deps: ConversationDeps;
  private readonly now: () => number;
  readonly history: ChatMessage[] = [];
  private current: AbortController | null = null;
  private currentTurn: TurnLatency | null = null;
  private turnCount = 0;
  private speculation: Speculation | null = null;

  constructor(deps: ConversationDeps) {
    this.deps = deps;
    this.now = deps.now ?? (() => performance.now());
    setTimeout(warmUpGuardrails, 0);
  }

  get replying(): boolean {
    return this.current !== null;
  }

  /** A finished user turn (typed, or transcribed speech). Resolves when the reply is done or cancelled. */
  async userTurn(text: string, until?: Promise<unknown>): Promise<void> {
    const clean = text.trim().slice(0, 2000);
    if (!clean) return;
    const { store } = this.deps;
    this.dropSpeculation();
    this.cancelReply();
    callActions.addCaption(store, 'user', clean, true);
    store.getState().dispatch({ type: 'user-text' });
    // Guardrails first: a crisis or a refused topic is answered at once with a fixed reply, no brain,
    // no recall; a crisis turn is not stored as a memory (it is in the user's safety log instead).
    const decision = checkUserTurn(clean, this.deps.persona, this.locale());
    if (decision.kind !== 'ok') {
      this.lookups.length = 0;
      return this.reply(clean, [], undefined, decision);
    }
    // Recall is sent before the turn is stored, so a turn never recalls itself; the write path then
    // runs in the memory worker while the companion answers. A typed turn waits for the lookups (up
    // to RECALL_BUDGET_MS); a voice turn only COMMIT_RECALL_BUDGET_MS, as its lookups started earlier.
    const found = this.gather(clean, until);
    this.lookups.length = 0;
    if (this.deps.rememberTurns !== false) this.deps.memory?.remember(clean, `u${this.turnCount + 1}`);
    const { memories, knowledge } = await found;
    await this.reply(clean, memories, undefined, undefined, knowledge);
  }

  /**
   * Turn-taking says the user's turn is probably ending: start the reply for `text` now (recall and
   * brain generation) but play nothing until `commit` keeps it. A newer speculation replaces it.
   */
  prepare(text: string): void {
    const clean = text.trim().slice(0, 2000);
    this.dropSpeculation();
    if (!clean || checkUserTurn(clean, this.deps.persona, this.locale()).kind !== 'ok') return;
    let open: (keep: boolean) => void = () => undefined;
    const gate = new Promise<boolean>((resolve) => (open = resolve));
    // The brain starts when recall and search are done, or shortly after the commit keeps the reply.
    const done = this.gather(clean, gate.then(() => delay(COMMIT_RECALL_BUDGET_MS))).then(({ memories, knowledge }) => this.reply(clean, memories, gate, undefined, knowledge));
    this.speculation = { text: clean, open, done };
  }

  /** The speculative reply, if any, is dropped without any audio having played. */
  dropSpeculation(): void {
    const speculation = this.speculation;
    if (!speculation) return;
    this.speculation = null;
    speculation.open(false);
  }

  /** Whether a speculative reply is being prepared. */
  get speculating(): boolean {
    return this.speculation !== null;
  }

  /**
   * The user's turn ended with `text`: keep the speculative reply when it answered the same words,
   * otherwise answer afresh. Resolves when the reply is done or cancelled.
   */
  async commit(text: string): Promise<void> {
    const clean = text.trim().slice(0, 2000);
    const speculation = this.speculation;
    if (!clean) {
      this.dropSpeculation();
      return;
    }
    if (!speculation || !sameWords(speculation.text, clean)) return this.userTurn(clean, delay(COMMIT_RECALL_BUDGET_MS));
    this.speculation = null;
    this.lookups.length = 0;
    const { store } = this.deps;
    callActions.addCaption(store, 'user', clean, true);
    store.getState().dispatch({ type: 'user-text' });
    if (this.deps.rememberTurns !== false) this.deps.memory?.remember(clean, `u${this.turnCount + 1}`);
    speculation.open(true);
    await speculation.done;
  }

  private locale(): string | undefined {
    return this.deps.locale ?? (typeof navigator === 'undefined' ? undefined : navigator.language);
  }

  private readonly lookups: Lookup[] = [];

  /** Starts (or finds) memory recall and the document search for `text`, each capped at RECALL_BUDGET_MS. */
  private lookUp(text: string): Lookup {
    const words = wordsOf(text);
    const found = this.lookups.find((l) => l.words === words);
    if (found) return found;
    const ready: Lookup['ready'] = {};
    const capped = <T>(work: Promise<T>, empty: T) => Promise.race([work.catch(() => empty), delay(RECALL_BUDGET_MS).then(() => empty)]);
    const { memory, knowledge } = this.deps;
    const lookup: Lookup = {
      words,
      ready,
      memories: memory ? capped(memory.recall(text), []).then((list) => (ready.memories = list)) : Promise.resolve((ready.memories = [])),
      knowledge: knowledge ? capped(knowledge.search(text), []).then((hits) => (ready.knowledge = hits)) : Promise.resolve((ready.knowledge = [])),
    };
    this.lookups.push(lookup);
    if (this.lookups.length > LOOKUPS_KEPT) this.lookups.shift();
    return lookup;
  }

  /**
   * Memories and document chunks for a reply to `text`: waits for its lookups until they finish (at
   * most RECALL_BUDGET_MS) or `until` resolves, then takes what is ready. A part still running is
   * replaced by the finished lookup for the same words minus at most a few at the end (the partial
   * words a speculation was prepared for), or left out.
   */
  private async gather(text: string, until?: Promise<unknown>): Promise<{ memories: Recalled[]; knowledge: KnowledgeHit[] }> {
    const lookup = this.lookUp(text);
    const earlier = [...this.lookups];
    const both = Promise.all([lookup.memories, lookup.knowledge]);
    await (until ? Promise.race([both, until]) : both);
    const standIns = earlier.filter((l) => l !== lookup && lookup.words.startsWith(l.words + ' ') && lookup.words.length - l.words.length <= 24).reverse();
    const take = <K extends keyof Lookup['ready']>(key: K): NonNullable<Lookup['ready'][K]> =>
      (lookup.ready[key] ?? standIns.find((l) => l.ready[key] !== undefined)?.ready[key] ?? []) as NonNullable<Lookup['ready'][K]>;
    return { memories: take('memories'), knowledge: take('knowledge') };
  }

  /** Adds measurements (e.g. voice latencies from turn-taking) to the reply in progress. */
  annotateTurn(patch: Partial<Pick<TurnLatency, 'commitMs' | 'voiceToVoiceMs'>>): void {
    if (this.currentTurn) Object.assign(this.currentTurn, patch);
  }

  /** The user started talking over the companion: stop talking at once. */
  bargeIn(): void {
    if (!this.current) return;
    this.cancelReply();
    this.deps.store.getState().dispatch({ type: 'barge-in' });
  }

  dispose(): void {
    this.dropSpeculation();
    this.cancelReply();
  }

  private cancelReply(): void {
    if (!this.current) return;
    this.current.abort();
    this.current = null;
    if (this.currentTurn) {
      this.currentTurn.interrupted = true;
      callActions.recordTurn(this.deps.store, { ...this.currentTurn });
      this.currentTurn = null;
    }
  }

  /**
   * Generates and speaks a reply. With a `gate` (speculation) the brain starts at once but nothing is
   * shown, spoken or stored until the gate opens with true; false aborts it silently.
   */
  private async reply(
    userText: string,
    memories: { id: string; text: string }[] = [],
    gate?: Promise<boolean>,
    guarded?: Exclude<TurnDecision, { kind: 'ok' }>,
    knowledge: KnowledgeHit[] = [],
  ): Promise<void> {
    const { store, speech, persona } = this.deps;
    const brain = guarded ? fixedReplyBrain(guarded.reply) : this.deps.brain;
    const replyGuard = new ReplyGuard(persona, userText);
    // Persona style: this turn's adaptation (prompt, voice rate, HUD) and, for LLM replies, the sentence-wise style check.
    const style = new TurnStyle(persona, { affect: this.deps.affect?.(), userText, memories, dialogue: this.history.filter((m) => m.role === 'user').map((m) => m.content), check: this.deps.styleCheck ?? (brain.kind === 'local-llm' || brain.kind === 'openai-compatible') });
    speech.setRate?.(style.adaptation.rate);
    adaptationStore.setState({ adaptation: style.adaptation });
    const checked: string[] = [];
    const controller = new AbortController();
    const signal = controller.signal;
    const turn: TurnLatency = { turn: 0, firstTokenMs: null, speechStartMs: null, totalMs: null, interrupted: false, speculated: Boolean(gate) };
    let started = this.now();
    turn.startedAtMs = started;
    let captionId = -1;
    const begin = () => {
      this.cancelReply();
      this.current = controller;
      turn.turn = ++this.turnCount;
      this.currentTurn = turn;
      captionId = callActions.addCaption(store, 'companion', '', false, memories.map((m) => m.text));
      if (guarded?.kind === 'crisis') {
        const eventId = `${Date.now().toString(36)}-${captionId}`;
        callActions.attachSafety(store, captionId, { ...guarded.card, eventId });
        const { category, confidence } = guarded.result;
        (this.deps.onSafetyEvent ?? logSafetyEvent)({ id: eventId, at: new Date().toISOString(), category: category!, confidence, text: userText, personaId: persona.id });
      }
    };
    let opened: Promise<void> = Promise.resolve();
    if (gate) {
      opened = gate.then((keep) => {
        if (!keep) controller.abort();
        else {
          // Latencies count from the commit, as for a typed turn.
          const gained = this.now() - started;
          started = this.now();
          turn.startedAtMs = started;
          if (turn.firstTokenMs !== null) turn.firstTokenMs = Math.max(0, turn.firstTokenMs - gained);
          begin();
          audio.release();
        }
      });
    } else begin();
    // Speech goes out clause by clause: a speculation synthesizes its first chunk before the commit.
    const byClause = (this.deps.speechChunking ?? speechChunkingForPage()) === 'clauses';
    const audio = new SpeechPipeline(speech, signal, { held: Boolean(gate), after: opened, ahead: byClause });
    let spoken = '';
    let pending = '';
    let full = '';
    const say = (raw: string) => {
      // Every brain's reply is post-checked sentence by sentence (claims to be human, diagnoses).
      const sentence = guarded ? raw : replyGuard.check(raw);
      if (!sentence) return;
      const opening = checked.length === 0;
      checked.push(sentence);
      for (const chunk of byClause ? speechChunks(sentence, opening) : [sentence]) {
        audio.add(chunk, async (prepared) => {
          const before = spoken ? spoken + ' ' : '';
          await prepared.play(signal, {
            onStart: () => {
              if (turn.speechStartMs === null) {
                turn.speechStartMs = this.now() - started;
                store.getState().dispatch({ type: 'reply-started' });
                this.deps.onReplyAudioStart?.();
              }
            },
            onProgress: (chars) => {
              if (!signal.aborted) callActions.updateCaption(store, captionId, before + chunk.slice(0, chars), false);
            },
            onLevel: this.deps.onSpeechLevel,
            onPhonemes: this.deps.onPhonemes,
          });
          spoken = before + chunk;
        });
      }
    };
    try {
      const history = this.history.slice(-20);
      for await (const chunk of brain.generate(
        { persona, history, userText, affect: this.deps.affect?.(), memories: memories.map((m) => m.text), knowledge, now: new Date(), adaptation: style.adaptation },
        signal,
      )) {
        if (signal.aborted) break;
        if (chunk.type !== 'token') continue;
        if (turn.firstTokenMs === null) turn.firstTokenMs = this.now() - started;
        full += chunk.text;
        pending += chunk.text;
        const { sentences, rest } = takeSentences(pending, false);
        pending = rest;
        style.filter(sentences).forEach(say);
        // The opening clause is synthesized while the rest of its sentence streams; it plays only
        // once the whole sentence has passed the checks unchanged.
        if (byClause && checked.length === 0) {
          const clause = openingClause(pending);
          if (clause) audio.prefetchFirst(clause);
        }
        if (style.done) break;
      }
      if (!signal.aborted) [...style.filter(takeSentences(pending, true).sentences), ...style.finish()].forEach(say);
      await audio.done;
    } catch {
      await opened;
      if (!signal.aborted) {
        callActions.notify(store, 'brain:failed');
        callActions.updateCaption(store, captionId, spoken || '…', true);
        store.getState().dispatch({ type: 'reply-failed' });
        this.finish(controller, turn, started);
        return;
      }
    }
    await opened;
    if (captionId < 0) return; // a speculation that was dropped: nothing was shown or said
    const said = signal.aborted ? spoken : replyGuard.repairs.length || style.checking ? checked.join(' ') : full.trim();
    callActions.updateCaption(store, captionId, said ? (signal.aborted ? `${said} —` : said) : '…', true);
    const sources = said ? citedSources(said, knowledge) : [];
    if (sources.length) callActions.attachSources(store, captionId, sources);
    this.history.push({ role: 'user', content: userText });
    if (said) this.history.push({ role: 'assistant', content: said });
    if (memories.length && said) this.deps.memory?.markUsed(memories.map((m) => m.id));
    if (!signal.aborted) {
      adaptationStore.setState({ style: style.report(said) });
      store.getState().dispatch({ type: 'reply-finished' });
      this.finish(controller, turn, started);
    }
  }

  private finish(controller: AbortController, turn: TurnLatency, started: number): void {
    if (this.current !== controller) return;
    turn.totalMs = this.now() - started;
    callActions.recordTurn(this.deps.store, { ...turn });
    this.current = null;
    this.currentTurn = null;
  }
}
