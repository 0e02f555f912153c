/** The perception store: what the panel shows (updated a few times a second, never per sample). */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FusedDescription } from './fused-describer';

export type BackendStatus = 'off' | 'starting' | 'webgpu' | 'wasm' | 'energy' | 'failed';

export interface PerceptionState {
  /** User switches. Camera perception off = the vision worker gets no frames (idle). */
  cameraPerception: boolean;
  voicePerception: boolean;
  fused: FusedDescription | null;
  /** Newest frame's capture → fused description on the main thread, ms. */
  stalenessMs: number | null;
  visionBackend: string;
  vadBackend: BackendStatus;
  fusionBackend: BackendStatus;
  /** Why a backend is not the preferred one ("no WebGPU adapter", a load error …). */
  backendDetail: string | null;
  visionFps: number;
  fusionFps: number;
  /** Prosody worker processing time / audio time. */
  prosodyRtf: number | null;
  speechProb: number;
  f0Hz: number;
  faces: number;
  tooDark: boolean;
  /** Degraded paths in words ("no face in view", "fusion worker crashed — restarting in 2 s"). */
  problems: string[];
  workerRestarts: number;
}

export type PerceptionStore = StoreApi<PerceptionState>;

export function createPerceptionStore(): PerceptionStore {
  return createStore<PerceptionState>(() => ({
    cameraPerception: true,
    voicePerception: true,
    fused: null,
    stalenessMs: null,
    visionBackend: 'off',
    vadBackend: 'off',
    fusionBackend: 'off',
    backendDetail: null,
    visionFps: 0,
    fusionFps: 0,
    prosodyRtf: null,
    speechProb: 0,
    f0Hz: 0,
    faces: 0,
    tooDark: false,
    problems: [],
    workerRestarts: 0,
  }));
}

/** Problems list from the current readings (pure, tested). */
export function perceptionProblems(s: Pick<PerceptionState, 'cameraPerception' | 'voicePerception' | 'faces' | 'tooDark' | 'vadBackend' | 'fusionBackend' | 'visionBackend' | 'backendDetail'>, crashes: string[]): string[] {
  const out: string[] = [];
  // While the vision worker is restarting (or gave up) the crash line says it; no face checks.
  if (s.cameraPerception && s.visionBackend !== 'off' && !/^(restarting|crashed)/.test(s.visionBackend)) {
    if (s.visionBackend.includes('brightness only')) out.push('face tracking unavailable (model failed)');
    else if (s.faces === 0) out.push('no face in view');
    else if (s.faces > 1) out.push(`${s.faces} faces in view — reading the nearest`);
    if (s.tooDark) out.push('picture too dark');
  }
  if (s.voicePerception && s.vadBackend === 'energy') out.push('Silero VAD failed — energy gate instead');
  if (s.fusionBackend === 'failed') out.push('fusion model failed');
  if (s.backendDetail && /webgpu/i.test(s.backendDetail)) out.push(s.backendDetail);
  return [...out, ...crashes];
}
