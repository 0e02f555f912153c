'use client';
import { useStore } from 'zustand';
import { Icon } from '@/components/ui/icons';
import type { CallStore } from '@/lib/call/store';

interface Props {
  store: CallStore;
  textOpen: boolean;
  hudOpen: boolean;
  onToggleMic(): void;
  onToggleCamera(): void;
  onToggleText(): void;
  onToggleHud(): void;
  /** Goals and reminders side panel (lib/objectives, lib/tools); the button shows when given. */
  panelOpen?: boolean;
  onTogglePanel?(): void;
  onEnd(): void;
}

/** Call controls: every button labelled for screen readers and reachable by keyboard. */
export function Controls({ store, textOpen, hudOpen, onToggleMic, onToggleCamera, onToggleText, onToggleHud, onEnd, panelOpen = false, onTogglePanel }: Props) {
  const mic = useStore(store, (s) => s.mic);
  const camera = useStore(store, (s) => s.camera);
  const micUsable = mic === 'on' || mic === 'muted';
  const cameraUsable = camera === 'on' || camera === 'off';
  return (
    <div className="controls" role="toolbar" aria-label="Call controls">
      <button type="button" className={`round ${mic === 'muted' ? 'is-off' : ''}`} onClick={onToggleMic} disabled={!micUsable}
        aria-pressed={mic === 'muted'} aria-label={mic === 'muted' ? 'Unmute microphone' : 'Mute microphone'} data-testid="toggle-mic">
        <Icon name={mic === 'muted' || !micUsable ? 'micOff' : 'mic'} />
        <span className="round-label">{mic === 'muted' ? 'Unmute' : 'Mute'}</span>
      </button>
      <button type="button" className={`round ${camera !== 'on' ? 'is-off' : ''}`} onClick={onToggleCamera} disabled={!cameraUsable}
        aria-pressed={camera === 'off'} aria-label={camera === 'on' ? 'Turn camera off' : 'Turn camera on'} data-testid="toggle-camera">
        <Icon name={camera === 'on' ? 'camera' : 'cameraOff'} />
        <span className="round-label">{camera === 'on' ? 'Camera' : 'Camera off'}</span>
      </button>
      <button type="button" className={`round ${textOpen ? 'is-active' : ''}`} onClick={onToggleText}
        aria-pressed={textOpen} aria-label={textOpen ? 'Close text input' : 'Open text input'} data-testid="toggle-text">
        <Icon name="keyboard" />
        <span className="round-label">Type</span>
      </button>
      {onTogglePanel && (
        <button type="button" className={`round ${panelOpen ? 'is-active' : ''}`} onClick={onTogglePanel}
          aria-pressed={panelOpen} aria-controls="call-side-panel" aria-label={panelOpen ? 'Hide goals and reminders' : 'Show goals and reminders'} data-testid="toggle-goals">
          <Icon name="goals" />
          <span className="round-label">Goals</span>
        </button>
      )}
      <button type="button" className={`round ${hudOpen ? 'is-active' : ''}`} onClick={onToggleHud}
        aria-pressed={hudOpen} aria-label="Show technical details (Shift+D)" data-testid="toggle-hud">
        <Icon name="info" />
        <span className="round-label">Details</span>
      </button>
      <button type="button" className="round end" onClick={onEnd} aria-label="End call" data-testid="end-call">
        <Icon name="hangUp" />
        <span className="round-label">End</span>
      </button>
    </div>
  );
}
