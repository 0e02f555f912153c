'use client';
import type { Persona } from '@/lib/persona/types';

interface Props {
  persona: Persona;
  onStart(choice: { camera: boolean; mic: boolean }): void;
}

/** Explains why camera and microphone are needed and what stays on the device, before asking. */
export function PermissionScreen({ persona, onStart }: Props) {
  return (
    <section className="permission" aria-labelledby="permission-title" data-testid="permission-screen">
      <h1 id="permission-title">Before you call {persona.name}</h1>
      <p className="lead">
        {persona.name} can see and hear you, like on a video call, so they can notice how you are and answer when you
        have finished speaking.
      </p>
      <ul className="privacy-points">
        <li><strong>Stays on this device.</strong> Your camera picture and your voice are processed here, in this browser. They are never uploaded or recorded.</li>
        <li><strong>You stay in control.</strong> Mute the microphone or turn the camera off at any time during the call.</li>
        <li><strong>No camera or mic? That’s fine.</strong> You can talk by typing instead.</li>
      </ul>
      <p className="hint">Your browser will ask for permission next. Choose “Allow” to use them.</p>
      <div className="actions">
        <button type="button" className="primary" autoFocus data-testid="allow-media" onClick={() => onStart({ camera: true, mic: true })}>
          Allow camera and microphone
        </button>
        <button type="button" className="secondary" data-testid="voice-only" onClick={() => onStart({ camera: false, mic: true })}>
          Microphone only
        </button>
        <button type="button" className="secondary" data-testid="text-only" onClick={() => onStart({ camera: false, mic: false })}>
          Type instead
        </button>
      </div>
    </section>
  );
}
