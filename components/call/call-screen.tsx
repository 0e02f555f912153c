'use client';
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { CompanionFace } from '@/components/avatar/companion-face';
import { selectBrain } from '@/lib/brain/registry';
import { probeCapabilities } from '@/lib/capabilities';
import { CallSession } from '@/lib/call/session';
import { callActions, createCallStore } from '@/lib/call/store';
import { createLiveMetrics } from '@/lib/perception/live';
import { findPersona } from '@/lib/persona/personas';
import { personaStore } from '@/lib/persona/store';
import type { Persona } from '@/lib/persona/types';
import { settingsStore } from '@/lib/settings/store';
import { DeferredVoice } from '@/lib/speech/deferred-voice';
import { selectVoice } from '@/lib/speech/select';
import { neuralVoiceRequest } from '@/lib/speech/piper/request';
import { selectBrowserRecognizer } from '@/lib/speech/stt/browser';
import { MemoryClient } from '@/components/memory/memory-client';
import { memoryPort } from '@/components/memory/memory-port';
import { MemoryPauseToggle } from '@/components/memory/memory-pause-toggle';
import type { PausableMemoryPort } from '@/lib/memory/pause';
import { getKnowledgeClient } from '@/components/knowledge/knowledge-client';
import { knowledgePort } from '@/components/knowledge/knowledge-port';
import { CallSidePanel } from '@/components/objectives/call-side-panel';
import { createCallTools } from '@/components/tools/call-tools';
import { ConfirmationCard } from '@/components/tools/confirmation-card';
import { toolMemory } from '@/components/tools/tool-memory';
import { CallNotices } from './call-notices';
import { Captions } from './captions';
import { AnswerNow } from './answer-now';
import { Controls } from './controls';
import { DebugHud } from './debug-hud';
import { PerceptionPanel } from '@/components/perception/perception-panel';
import { LevelMeter } from './level-meter';
import { PermissionScreen } from './permission-screen';
import { StatusLine } from './status-line';
import { TextComposer } from './text-composer';

declare global {
  interface Window {
    /** Read-only hooks for the e2e tests and `npm run bench:call`. */
    __kinCall?: { session: CallSession; state: () => ReturnType<ReturnType<typeof createCallStore>['getState']> };
  }
}

type Stage = 'consent' | 'call' | 'ended';

let memoryClient: MemoryClient | null = null;
/** One memory worker per page, started on the first call. */
function getMemoryClient(): MemoryClient {
  memoryClient ??= new MemoryClient('default');
  return memoryClient;
}

export function CallScreen({ personaId }: { personaId: string }) {
  const custom = useStore(personaStore, (s) => s.custom);
  const [hydrated, setHydrated] = useState(() => personaStore.persist.hasHydrated());
  useEffect(() => {
    if (hydrated) return;
    const off = personaStore.persist.onFinishHydration(() => setHydrated(true));
    void personaStore.persist.rehydrate();
    return off;
  }, [hydrated]);
  const persona = findPersona(personaId, custom);
  if (!persona) {
    if (!hydrated) return <p className="page-message">Loading…</p>;
    return (
      <main className="page-message" id="main">
        <h1>We couldn’t find this companion</h1>
        <p>It may have been deleted on this device.</p>
        <Link href="/" className="primary button-link">Choose a companion</Link>
      </main>
    );
  }
  return <Call persona={persona} />;
}

function Call({ persona }: { persona: Persona }) {
  const store = useMemo(() => createCallStore(), []);
  const sessionRef = useRef<CallSession | null>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const [stage, setStage] = useState<Stage>('consent');
  const [textOpen, setTextOpen] = useState(false);
  const [hudOpen, setHudOpen] = useState(() => settingsStore.getState().showHud);
  const [panelOpen, setPanelOpen] = useState(false);
  // Tools (confirmation card, reminders) and objectives for this call; they wrap the chosen brain.
  const tools = useMemo(() => createCallTools(store, persona), [store, persona]);
  const [session, setSession] = useState<CallSession | null>(null);
  const [callMemory, setCallMemory] = useState<PausableMemoryPort | null>(null);
  const [memoryPaused, setMemoryPaused] = useState(false);
  const camera = useStore(store, (s) => s.camera);

  const start = useCallback(async (choice: { camera: boolean; mic: boolean }) => {
    const settings = settingsStore.getState();
    const caps = await probeCapabilities();
    const { brain, fallbackReason } = selectBrain(settings, (code, detail) => callActions.notify(store, code, code === 'model:load' || code === 'brain:failed' ? `${detail} Your companion answers with the built-in brain.` : undefined), {
      deviceMemoryGb: caps.deviceMemoryGb,
      onProgress: (progress) => {
        store.setState({ brainLoading: progress });
        // Loading finished (or failed): show which brain really answers.
        if (!progress) store.setState({ labels: { ...store.getState().labels, brain: brain.label } });
      },
    });
    setStage('call');
    if (!choice.mic) setTextOpen(true);
    // The call starts at once; the voice loads beside it and the first reply waits for it.
    let media: CallSession['media'] | null = null;
    const loading = selectVoice(settings.voice, persona.voice, () => media?.audioContext ?? null, (reason, next) =>
      callActions.notify(store, 'speech:failed', next === 'espeak' ? reason : `${reason} Replies are shown as captions or spoken by the browser.`),
    settings.voice === 'neural' ? neuralVoiceRequest(settings, { id: persona.id, espeakVoice: persona.voice.espeak }, (label) => store.setState({ labels: { ...store.getState().labels, voice: label } })) : undefined);
    const speech = new DeferredVoice(loading);
    const recognizer = choice.mic ? selectBrowserRecognizer(settings, {
      onProgress: (p) => store.setState({ sttLoading: p.fraction === 1 ? null : { label: 'the speech recognition model', loaded: p.loadedBytes, total: p.totalBytes } }),
    }).then(({ plan, recognizer: r }) => ({ recognizer: r, reason: plan.kind === 'none' ? plan.reason : undefined })) : undefined;
    const toolBrain = tools.wrap(brain, { memory: settings.privacy.rememberConversations ? toolMemory(getMemoryClient(), 'default', `call-${Date.now()}`) : undefined });
    const memory = memoryPort(getMemoryClient(), 'default', `call-${Date.now()}`, { personaId: persona.id });
    setCallMemory(memory);
    setMemoryPaused(false);
    const s = new CallSession({ store, persona, brain: toolBrain, speech, cameraId: settings.cameraId, micId: settings.micId, shareMood: settings.privacy.shareMoodWithBrain,
      memory, rememberTurns: settings.privacy.rememberConversations, rememberMood: settings.privacy.rememberMood, recognizer, knowledge: knowledgePort(persona.id), turnPatience: settings.turnPatience });
    media = s.media;
    void getMemoryClient().ready.then((ready) => store.setState({
      labels: { ...store.getState().labels, memory: `ready: ${ready.records} records, ${ready.embedder ? `search by meaning (${ready.embedder})` : 'search by words only'}${settings.privacy.rememberConversations ? '' : '; not remembering this call'}` },
    }));
    void loading.then((voice) => store.setState({ labels: { ...store.getState().labels, voice: voice.label } }));
    sessionRef.current = s;
    setSession(s);
    window.__kinCall = { session: s, state: () => store.getState() };
    if (fallbackReason) callActions.notify(store, 'brain:failed', fallbackReason);
    // Wait until React has mounted the self-view <video> (a frame or two; longer on a busy device).
    for (let i = 0; i < 120 && !videoRef.current; i++) await new Promise((r) => requestAnimationFrame(r));
    await s.start(choice, videoRef.current);
    if (store.getState().mic !== 'on') setTextOpen(true);
  }, [persona, store, tools]);

  const [memorySaved, setMemorySaved] = useState<boolean | null>(null);
  const end = useCallback(async () => {
    const session = sessionRef.current;
    await session?.end();
    setStage('ended');
    if (!session || !settingsStore.getState().privacy.rememberConversations) return;
    setMemorySaved(null);
    setMemorySaved(await session.flushMemory());
  }, []);

  useEffect(() => tools.setEndCall(() => void end()), [tools, end]);
  useEffect(() => () => { void sessionRef.current?.end(); }, []);
  // Start the memory worker (and its model) while the user reads the permission screen.
  useEffect(() => { getMemoryClient(); }, []);
  // Index the persona's knowledge pack (once per browser) while the user reads the permission screen.
  useEffect(() => { void getKnowledgeClient().ensurePack(persona.id).catch(() => {}); }, [persona.id]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return;
      if (event.shiftKey && (event.key === 'D' || event.key === 'd')) setHudOpen((open) => !open);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (stage === 'consent') return <main id="main" className="page"><PermissionScreen persona={persona} onStart={(c) => void start(c)} /></main>;

  if (stage === 'ended') {
    const turns = store.getState().captions.filter((c) => c.speaker === 'user').length;
    return (
      <main id="main" className="page-message" data-testid="call-ended">
        <h1>Call with {persona.name} ended</h1>
        <p>{turns === 0 ? 'Come back any time.' : `You exchanged ${turns} message${turns === 1 ? '' : 's'}.`} Your camera and microphone are off.</p>
        {turns > 0 && settingsStore.getState().privacy.rememberConversations && (
          <p className="muted" role="status" data-testid="memory-save-status">
            {memorySaved === null ? 'Saving what you talked about on this device…' : memoryPaused ? 'Memory was paused, so nothing said after that was saved. See or delete the rest under Memories.' : memorySaved ? 'What you talked about is saved on this device. See or delete it under Memories.' : 'Some memories of this call may not have been saved.'}
          </p>
        )}
        <div className="actions">
          <button type="button" className="primary" onClick={() => { store.setState({ captions: [], turns: [], notices: [], phase: 'idle' }); setStage('consent'); }}>Call again</button>
          <Link href="/" className="secondary button-link">Back to companions</Link>
        </div>
      </main>
    );
  }

  const retryCamera = () => { if (videoRef.current) void session?.openCamera(videoRef.current); };
  return (
    <main id="main" className="call" data-testid="call-screen">
      <h1 className="visually-hidden">Call with {persona.name}</h1>
      <div className="call-stage">
        <div className="call-face">
          <CompanionFace persona={persona} store={store} metrics={session?.metrics ?? EMPTY_METRICS} />
          <span className="call-name">{persona.name}</span>
        </div>
        <div className={`self-view ${camera === 'on' ? '' : 'self-view-off'}`} data-testid="self-view">
          <video ref={videoRef} playsInline muted aria-label="Your camera (mirrored)" />
          {camera !== 'on' && <span className="self-view-label">{camera === 'off' ? 'Camera off' : 'No camera'}</span>}
        </div>
        {panelOpen && <CallSidePanel tools={tools} personaName={persona.name} />}
        {hudOpen && session && <DebugHud store={store} metrics={session.metrics} floor={session.floorTrace} />}
        {session && <PerceptionPanel session={session} />}
      </div>
      <CallNotices store={store} onRetryCamera={retryCamera} onRetryMic={() => void session?.openMic()} onResumeAudio={() => void session?.resumeAudio()} />
      <Captions store={store} companionName={persona.name} />
      <div className="call-bottom">
        <StatusLine store={store} />
        {session && <AnswerNow store={store} onAnswer={() => session.answerNow()} />}
        {session && <LevelMeter metrics={session.metrics} />}
        <ConfirmationCard confirmations={tools.confirmations} />
        {session && <MemoryPauseToggle port={callMemory} offReason={settingsStore.getState().privacy.rememberConversations ? undefined : 'memory is off in Settings'} onChange={setMemoryPaused} />}
        {textOpen && <TextComposer autoFocus onSend={(text) => void session?.sendText(text)} />}
        <Controls store={store} textOpen={textOpen} hudOpen={hudOpen}
          onToggleMic={() => session?.setMicMuted(store.getState().mic !== 'muted')}
          onToggleCamera={() => session?.setCameraOff(store.getState().camera === 'on')}
          onToggleText={() => setTextOpen((o) => !o)}
          onToggleHud={() => setHudOpen((o) => !o)}
          panelOpen={panelOpen} onTogglePanel={() => setPanelOpen((o) => !o)}
          onEnd={() => void end()} />
      </div>
    </main>
  );
}

const EMPTY_METRICS = createLiveMetrics();
