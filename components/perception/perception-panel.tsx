'use client';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { CallSession } from '@/lib/call/session';
import styles from './perception-panel.module.css';

const BACKEND_WORDS: Record<string, string> = {
  off: 'off',
  starting: 'starting…',
  webgpu: 'onnxruntime-web (WebGPU)',
  wasm: 'onnxruntime-web (WASM)',
  energy: 'energy gate (Silero unavailable)',
  failed: 'failed',
};

/**
 * What Kin perceives, live: state, sentence, confidence, cues, backends, rates and staleness, with
 * separate switches for camera and voice perception. Toggled from its own button in the call.
 */
export function PerceptionPanel({ session }: { session: CallSession }) {
  const [open, setOpen] = useState(false);
  const hub = session.perception;
  const s = useStore(hub.store);
  const [framesSent, setFramesSent] = useState(session.metrics.videoFramesSent);
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => {
      setFramesSent(session.metrics.videoFramesSent);
      setNow(performance.now());
    }, 500);
    return () => clearInterval(timer);
  }, [open, session]);
  const fused = s.fused;
  const ageMs = fused ? Math.max(0, now - fused.timestampMs) : null;
  const visionWords = !s.cameraPerception ? 'vision idle (camera perception off)' : s.visionBackend;
  return (
    <>
      <button type="button" className={styles.toggle} aria-pressed={open} onClick={() => setOpen((o) => !o)} data-testid="toggle-perception">
        {open ? 'Hide perception' : `Perception: ${fused ? fused.state : s.cameraPerception || s.voicePerception ? '…' : 'off'}`}
      </button>
      {open && (
        <aside className={styles.panel} aria-label="Perception" data-testid="perception-panel">
          <h2>What I notice</h2>
          <p className={styles.sentence} data-testid="perception-sentence">
            {!s.cameraPerception && !s.voicePerception ? 'Perception is off.' : fused ? fused.sentence : 'Waiting for the first reading…'}
          </p>
          <dl>
            <dt>State</dt>
            <dd data-testid="perception-state">{fused ? `${fused.state}${fused.secondary ? ` (+ ${fused.secondary})` : ''}` : '—'}</dd>
            <dt>Confidence</dt>
            <dd>{fused ? <><span className={styles.bar} style={{ width: `${Math.round(fused.confidence * 80)}px` }} />{Math.round(fused.confidence * 100)} %</> : '—'}</dd>
            <dt>Cues</dt>
            <dd data-testid="perception-cues">{fused?.cues.length ? fused.cues.join(', ') : '—'}</dd>
            <dt>Affect</dt>
            <dd>{fused ? `valence ${fused.valence.toFixed(2)} · arousal ${fused.arousal.toFixed(2)} · engagement ${fused.engagement.toFixed(2)}` : '—'}</dd>
            <dt>Vision</dt>
            <dd data-testid="perception-vision">{visionWords} · {s.cameraPerception ? `${s.visionFps} fps` : 'no frames'} · {framesSent} frames sent</dd>
            <dt>Voice (VAD)</dt>
            <dd data-testid="perception-vad">{s.voicePerception ? BACKEND_WORDS[s.vadBackend] : 'off'}{s.voicePerception && s.prosodyRtf !== null ? ` · RTF ${s.prosodyRtf.toFixed(3)} · speech ${Math.round(s.speechProb * 100)} %${s.f0Hz ? ` · F0 ${Math.round(s.f0Hz)} Hz` : ''}` : ''}</dd>
            <dt>Fusion</dt>
            <dd data-testid="perception-fusion">{BACKEND_WORDS[s.fusionBackend]} · {s.fusionFps}/s</dd>
            <dt>Staleness</dt>
            <dd data-testid="perception-staleness">{s.stalenessMs === null ? '—' : `${s.stalenessMs} ms at arrival`}{ageMs !== null ? ` · reading is ${(ageMs / 1000).toFixed(1)} s old` : ''}</dd>
            {s.workerRestarts > 0 && <><dt>Restarts</dt><dd>{s.workerRestarts}</dd></>}
          </dl>
          <div className={styles.switches}>
            <label>
              <input type="checkbox" checked={s.cameraPerception} data-testid="switch-camera-perception"
                onChange={(e) => {
                  hub.setCameraPerception(e.target.checked);
                  session.media.setVisionPaused(!e.target.checked);
                }} /> Camera perception (face)
            </label>
            <label>
              <input type="checkbox" checked={s.voicePerception} data-testid="switch-voice-perception" onChange={(e) => hub.setVoicePerception(e.target.checked)} /> Voice perception (prosody)
            </label>
          </div>
          <p>Frames and audio stay in their workers; nothing perceived is stored.</p>
          {s.problems.length > 0 && (
            <ul className={styles.problems} data-testid="perception-problems">
              {s.problems.map((p) => <li key={p}>{p}</li>)}
            </ul>
          )}
        </aside>
      )}
    </>
  );
}
