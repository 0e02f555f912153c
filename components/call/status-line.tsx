'use client';
import { useStore } from 'zustand';
import { PHASE_LABELS } from '@/lib/call/machine';
import type { CallStore, DeviceStatus } from '@/lib/call/store';

const DEVICE_WORDS: Record<DeviceStatus, string> = {
  off: 'off', starting: 'starting', on: 'on', muted: 'muted', denied: 'blocked', unavailable: 'not found', lost: 'disconnected',
};

/** One compact line: connection, what the companion is doing, and device states. */
export function StatusLine({ store }: { store: CallStore }) {
  const phase = useStore(store, (s) => s.phase);
  const camera = useStore(store, (s) => s.camera);
  const mic = useStore(store, (s) => s.mic);
  const connected = phase !== 'idle' && phase !== 'starting' && phase !== 'ended';
  return (
    <div className="status-line" role="status" data-testid="status-line" data-phase={phase}>
      <span className={`dot ${connected ? 'dot-on' : ''}`} aria-hidden="true" />
      <span>{connected ? 'Connected' : PHASE_LABELS[phase]}</span>
      {connected && <span className="status-phase" data-testid="call-phase">· {PHASE_LABELS[phase]}</span>}
      <span className="status-devices">Mic {DEVICE_WORDS[mic]} · Camera {DEVICE_WORDS[camera]}</span>
    </div>
  );
}
