'use client';
import { useState } from 'react';
import type { PausableMemoryPort } from '@/lib/memory/pause';

/**
 * "Pause memory" for the running call: a keyboard-reachable toggle button that stops every memory
 * write at once, and a visible, announced line while it is on. `offReason` replaces the toggle when
 * memory is off for every call (Settings).
 */
export function MemoryPauseToggle({ port, offReason, onChange }: { port: PausableMemoryPort | null; offReason?: string; onChange?: (paused: boolean) => void }) {
  const [paused, setPaused] = useState(() => port?.paused ?? false);
  if (offReason) return <p className="muted memory-pause" role="status" data-testid="memory-paused">Not remembering this call ({offReason}).</p>;
  if (!port) return null;
  const toggle = () => {
    port.setPaused(!paused);
    setPaused(port.paused);
    onChange?.(port.paused);
  };
  return (
    <div className="memory-pause">
      <button type="button" aria-pressed={paused} onClick={toggle} data-testid="toggle-memory-pause"
        title={paused ? 'Remember what is said from now on' : 'Stop remembering anything said in this call from now on'}>
        {paused ? 'Resume memory' : 'Pause memory'}
      </button>
      <span role="status" aria-live="polite" data-testid="memory-paused">{paused ? 'Not remembering this call.' : ''}</span>
    </div>
  );
}
