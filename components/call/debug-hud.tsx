'use client';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { CapabilityList } from '@/components/ui/capability-list';
import type { CallStore } from '@/lib/call/store';
import type { FloorTrace } from '@/lib/call/floor-trace';
import type { LiveMetrics } from '@/lib/perception/live';
import { describeAdaptation } from '@/lib/persona/adaptation';
import { adaptationStore } from '@/lib/persona/adaptation-store';
import { FloorTraceView } from './floor-trace-view';

const fmt = (ms: number | null) => (ms === null ? '—' : `${Math.round(ms)} ms`);

/** Technical details: capabilities, backends, frame rates and per-turn latencies. Refreshes twice a second. */
export function DebugHud({ store, metrics, floor }: { store: CallStore; metrics: LiveMetrics; floor?: FloorTrace }) {
  const [snapshot, setSnapshot] = useState<LiveMetrics>({ ...metrics });
  const labels = useStore(store, (s) => s.labels);
  const turns = useStore(store, (s) => s.turns);
  const perception = useStore(store, (s) => s.perception);
  const adaptation = useStore(adaptationStore, (s) => s.adaptation);
  const style = useStore(adaptationStore, (s) => s.style);
  useEffect(() => {
    const timer = setInterval(() => setSnapshot({ ...metrics, userBlendshapes: metrics.userBlendshapes }), 500);
    return () => clearInterval(timer);
  }, [metrics]);
  return (
    <aside className="hud" aria-label="Technical details" data-testid="debug-hud">
      <h2>Details</h2>
      {floor && <FloorTraceView trace={floor} />}
      <h3>Turns</h3>
      {turns.length === 0 ? <p className="muted">No turns yet.</p> : (
        <table className="turns" data-testid="hud-turns">
          <thead><tr><th scope="col">#</th><th scope="col">first token</th><th scope="col">voice start</th><th scope="col">total</th><th scope="col" title="your speech end → decision">end→commit</th><th scope="col" title="your speech end → companion audio">voice→voice</th></tr></thead>
          <tbody>
            {turns.slice(-5).map((t) => (
              <tr key={t.turn}><td>{t.turn}{t.interrupted ? ' (cut)' : ''}</td><td>{fmt(t.firstTokenMs)}</td><td>{fmt(t.speechStartMs)}</td><td>{fmt(t.totalMs)}</td><td>{fmt(t.commitMs ?? null)}</td><td data-testid="hud-v2v">{fmt(t.voiceToVoiceMs ?? null)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>How it runs</h3>
      <dl>
        <dt>Brain</dt><dd data-testid="hud-brain">{labels.brain}</dd>
        <dt>Voice</dt><dd>{labels.voice}</dd>
        <dt>Vision</dt><dd>{labels.vision}</dd>
        <dt>Audio</dt><dd>{labels.audio}</dd>
        <dt>Memory</dt><dd data-testid="hud-memory">{labels.memory}</dd>
        <dt>Turn-taking</dt><dd data-testid="hud-turns-backend">{labels.turns}</dd>
        <dt>Speech recognition</dt><dd data-testid="hud-stt">{labels.stt}</dd>
        <dt>Video → worker</dt>
        <dd><span data-testid="hud-video-frames">{snapshot.videoFramesSent}</span> frames · {snapshot.videoFps} fps · {snapshot.videoFramesDropped} dropped (busy) · {snapshot.videoProcessMs.toFixed(1)} ms</dd>
        <dt>Mic frames</dt>
        <dd><span data-testid="hud-audio-frames">{snapshot.audioFrames}</span> · {snapshot.audioFps}/s · <span data-testid="hud-audio-dropped">{snapshot.audioFramesDropped}</span> dropped</dd>
        <dt>Picture brightness</dt><dd>{Math.round(snapshot.videoLuma * 100)}%</dd>
        <dt>Face</dt>
        <dd data-testid="hud-face">{snapshot.faces} · yaw {Math.round(snapshot.headYaw)}° pitch {Math.round(snapshot.headPitch)}° · {snapshot.blinks} blinks ({Math.round(snapshot.blinkRatePerMinute)}/min)</dd>
        <dt>You seem</dt>
        <dd data-testid="hud-perception">{perception ? `${perception.sentence} (${Math.round(perception.confidence * 100)}%)${perception.cues.length ? ` — ${perception.cues.join(', ')}` : ''}` : '—'}</dd>
        <dt>Persona style</dt>
        <dd data-testid="hud-adaptation">{adaptation ? describeAdaptation(adaptation) : '—'}{style ? ` · last reply ${style.inBand ? 'in style' : `off style (${style.violations.join(', ')})`}${style.repaired.length ? `, repaired: ${style.repaired.join(', ')}` : ''}` : ''}</dd>
      </dl>
      <h3>This browser</h3>
      <CapabilityList testId="hud-capabilities" />
    </aside>
  );
}
