/**
 * The avatar harness page, bundled by bench/avatar/build.mjs (no Next.js). It mounts the real
 * CompanionFace pieces with a local call store and avatar store and exposes `window.kinAvatar`
 * so the bench and the e2e spec can steer states and read frame timings.
 */
import { useFrame } from '@react-three/fiber';
import { lazy, Suspense, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { CompanionFace2d } from '@/components/avatar/companion-face-2d';
import type { HeadHandles } from '@/components/avatar/head-scene';
import { probeGl } from '@/lib/avatar/gl-probe';
import { avatarActions, createAvatarStore } from '@/lib/avatar/store';
import { EMOTIONS, type Emotion } from '@/lib/avatar/types';
import type { TimedPhoneme } from '@/lib/avatar/visemes';
import { createCallStore } from '@/lib/call/store';
import type { CallPhase } from '@/lib/call/machine';
import { createLiveMetrics } from '@/lib/perception/live';
import { DEMO_PERSONAS } from '@/lib/persona/personas';

const CompanionHead3d = lazy(() => import('@/components/avatar/companion-head-3d'));

const params = new URLSearchParams(location.search);
const persona = DEMO_PERSONAS.find((p) => p.id === params.get('persona')) ?? DEMO_PERSONAS[0];
const renderer = params.get('renderer') === '2d' ? 'canvas2d' : 'webgl2';
const size = Number(params.get('size') ?? 640);
// Same policy as CompanionFace: software GL gets the light head and an adaptive pixel ratio;
// ?quality=high forces the full head at full resolution with MSAA (the hardware look).
const lowPower = params.get('quality') === 'high' ? false : probeGl().software;
const callStore = createCallStore();
const metrics = createLiveMetrics();
const avatar = createAvatarStore();
callStore.setState({ phase: 'listening' });

const FRAME_CAPACITY = 4096;
const frameMs = new Float64Array(FRAME_CAPACITY);
const frameAt = new Float64Array(FRAME_CAPACITY);
const heapAt = new Float64Array(FRAME_CAPACITY);
const dprAt = new Float64Array(FRAME_CAPACITY);
const bufferWidthAt = new Float64Array(FRAME_CAPACITY);
const bufferHeightAt = new Float64Array(FRAME_CAPACITY);
let frameCount = 0;
let frameStart = 0;
let handles: HeadHandles | null = null;

interface MemoryInfo {
  usedJSHeapSize: number;
}
const perf = performance as Performance & { memory?: MemoryInfo };

function FrameStart() {
  useFrame(() => {
    frameStart = performance.now();
  }, -1000);
  return null;
}

function FrameEnd() {
  useFrame((state) => {
    const end = performance.now();
    const slot = frameCount % FRAME_CAPACITY;
    frameMs[slot] = end - frameStart;
    frameAt[slot] = end;
    heapAt[slot] = perf.memory ? perf.memory.usedJSHeapSize : 0;
    // The effective internal resolution this frame was drawn at (adaptive on software GL).
    dprAt[slot] = state.gl.getPixelRatio();
    bufferWidthAt[slot] = state.gl.domElement.width;
    bufferHeightAt[slot] = state.gl.domElement.height;
    frameCount++;
  }, 1000);
  return null;
}

let speechTimer = 0;
/** Drives a synthetic voice: a syllable-rate envelope on metrics.speechLevel plus a phoneme track. */
function startSpeaking(durationMs: number): void {
  const words: Array<[string, number]> = [
    ['HH', 60], ['AH0', 70], ['L', 60], ['OW1', 160], ['sil', 120], ['DH', 50], ['EH1', 110], ['R', 90], ['sil', 100],
    ['HH', 50], ['AW1', 150], ['AA1', 60], ['R', 80], ['Y', 50], ['UW1', 170], ['sil', 140], ['T', 60], ['AH0', 60], ['D', 60], ['EY1', 180],
    ['sil', 160], ['F', 80], ['IY1', 120], ['L', 70], ['IH0', 60], ['NG', 90], ['sil', 100], ['S', 110], ['M', 70], ['AY1', 160], ['L', 60], ['IH0', 70], ['NG', 80], ['sil', 240],
  ];
  const phonemes: TimedPhoneme[] = [];
  let t = 0;
  while (t < durationMs) {
    for (const [phoneme, duration] of words) {
      phonemes.push({ phoneme, startMs: t, durationMs: duration });
      t += duration;
    }
  }
  const start = performance.now();
  avatarActions.speakPhonemes(avatar, phonemes, start);
  callStore.setState({ phase: 'speaking' });
  const tick = () => {
    const elapsed = performance.now() - start;
    // ~4.5 syllables/s with a slower phrase contour; zero in the phoneme track's pauses.
    const syllable = 0.5 + 0.5 * Math.sin(elapsed / 1000 * 2 * Math.PI * 4.5);
    const phrase = 0.6 + 0.4 * Math.sin(elapsed / 1000 * 2 * Math.PI * 0.35);
    metrics.speechLevel = Math.min(1, syllable * phrase);
    if (elapsed < durationMs) speechTimer = window.setTimeout(tick, 10);
    else {
      metrics.speechLevel = 0;
      callStore.setState({ phase: 'listening' });
    }
  };
  tick();
}

const api = {
  persona: persona.id,
  renderer,
  lowPower,
  emotions: EMOTIONS,
  ready: false,
  setEmotion(emotion: Emotion | null, intensity = 1) {
    avatarActions.setEmotion(avatar, emotion, intensity);
  },
  setPhase(phase: CallPhase) {
    callStore.setState({ phase });
  },
  setBlinks(enabled: boolean) {
    if (handles) handles.driver.blinkEnabled = enabled;
  },
  /** Still mode for screenshots: no blinks, saccades, breathing or sway (expressions only). */
  setStill(still: boolean) {
    if (handles) {
      handles.driver.blinkEnabled = !still;
      handles.driver.idleEnabled = !still;
    }
  },
  startSpeaking,
  stopSpeaking() {
    window.clearTimeout(speechTimer);
    metrics.speechLevel = 0;
    avatarActions.stopPhonemes(avatar);
    callStore.setState({ phase: 'listening' });
  },
  /** Resolves once at least `minMs` have passed AND `minFrames` frames were drawn (slow GL safe). */
  settle(minMs: number, minFrames: number): Promise<number> {
    const startCount = frameCount;
    const startAt = performance.now();
    return new Promise((done) => {
      const check = () => {
        if (performance.now() - startAt >= minMs && frameCount - startCount >= minFrames) done(frameCount - startCount);
        else window.setTimeout(check, 20);
      };
      check();
    });
  },
  resetFrames() {
    frameCount = 0;
  },
  /** Frame timings since the last reset (the ring keeps the newest FRAME_CAPACITY). */
  frames() {
    const n = Math.min(frameCount, FRAME_CAPACITY);
    const first = frameCount - n;
    const ms: number[] = [];
    const at: number[] = [];
    const heap: number[] = [];
    const dpr: number[] = [];
    const bufferWidth: number[] = [];
    const bufferHeight: number[] = [];
    for (let i = first; i < frameCount; i++) {
      const slot = i % FRAME_CAPACITY;
      ms.push(frameMs[slot]);
      at.push(frameAt[slot]);
      heap.push(heapAt[slot]);
      dpr.push(dprAt[slot]);
      bufferWidth.push(bufferWidthAt[slot]);
      bufferHeight.push(bufferHeightAt[slot]);
    }
    return { count: frameCount, ms, at, heap, dpr, bufferWidth, bufferHeight };
  },
  debug() {
    return handles ? { blinks: handles.driver.blinkCount, nods: handles.driver.nodCount, jawOpen: handles.driver.weights[17] } : null;
  },
};
declare global {
  interface Window {
    kinAvatar: typeof api;
  }
}
window.kinAvatar = api;

function Harness() {
  const caption = useRef<HTMLDivElement>(null);
  const face =
    renderer === 'canvas2d' ? (
      <CompanionFace2d persona={persona} store={callStore} metrics={metrics} avatar={avatar} />
    ) : (
      <Suspense fallback={null}>
        <CompanionHead3d
          persona={persona}
          store={callStore}
          metrics={metrics}
          avatar={avatar}
          seed={7}
          lowPower={lowPower}
          onReady={(h) => {
            handles = h;
            api.ready = true;
          }}
        >
          <FrameStart />
          <FrameEnd />
        </CompanionHead3d>
      </Suspense>
    );
  if (renderer === 'canvas2d') api.ready = true;
  return (
    <div id="card" style={{ width: size, background: persona.look.background, fontFamily: 'system-ui, sans-serif' }}>
      <div id="face" style={{ width: size, height: size }}>
        {face}
      </div>
      <div id="caption" ref={caption} style={{ padding: '6px 0 10px', textAlign: 'center', fontSize: Math.max(14, size / 18), fontWeight: 600, color: '#2b2b2b' }} />
    </div>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(<Harness />);
