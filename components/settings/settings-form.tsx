'use client';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { chooseLocalModel } from '@/lib/brain/local-llm';
import { CapabilityList } from '@/components/ui/capability-list';
import { NeuralVoiceSettings } from '@/components/settings/neural-voice-settings';
import { SpeechRecognitionSettings } from '@/components/settings/speech-recognition-settings';
import { probeCapabilities, type Capabilities } from '@/lib/capabilities';
import { settingsStore, type BrainChoice, type VoiceChoice } from '@/lib/settings/store';
import type { TurnPatience } from '@/lib/turns/patience';

const BRAINS: { value: BrainChoice; label: string; detail: string }[] = [
  { value: 'builtin', label: 'Built-in (offline)', detail: 'Simple rule-based replies. Works everywhere, nothing leaves this device.' },
  { value: 'local-llm', label: 'Language model in this browser', detail: 'Downloads a model once, then runs offline on this device.' },
  { value: 'openai-compatible', label: 'Your own model server or a cloud provider', detail: 'Ollama, LM Studio, vLLM, OpenAI… Your messages are sent to the address you enter.' },
];

const VOICES: { value: VoiceChoice; label: string }[] = [
  { value: 'auto', label: 'On-device voice (eSpeak NG, no download; each companion has its own)' },
  { value: 'neural', label: 'Neural voice on this device (Piper; a one-time download per voice)' },
  { value: 'browser', label: 'This browser’s own voices (only those that run on this device)' },
  { value: 'captions', label: 'Captions only, no voice' },
];

const PATIENCE: { value: TurnPatience; label: string; detail: string }[] = [
  { value: 'balanced', label: 'Balanced (recommended)', detail: 'Waits while what you said sounds unfinished, and answers after 2 seconds of silence at most.' },
  { value: 'patient', label: 'Give me time to think', detail: 'Waits for clearer signs that you have finished, and for up to 3 seconds of silence. Replies come a little later.' },
];

function useDevices() {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  useEffect(() => {
    const read = () => navigator.mediaDevices?.enumerateDevices().then(setDevices).catch(() => setDevices([]));
    void read();
    navigator.mediaDevices?.addEventListener?.('devicechange', read);
    return () => navigator.mediaDevices?.removeEventListener?.('devicechange', read);
  }, []);
  return devices;
}

export function SettingsForm() {
  const s = useStore(settingsStore);
  const devices = useDevices();
  const [caps, setCaps] = useState<Capabilities | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => { void probeCapabilities().then(setCaps); }, []);
  useEffect(() => settingsStore.subscribe(() => setSaved(true)), []);
  const cameras = devices.filter((d) => d.kind === 'videoinput');
  const mics = devices.filter((d) => d.kind === 'audioinput');
  const needsCloud = s.brain === 'openai-compatible';
  return (
    <form className="settings-form" onSubmit={(e) => e.preventDefault()} data-testid="settings-form">
      <fieldset>
        <legend>Brain</legend>
        {BRAINS.map((b) => (
          <label key={b.value} className="choice">
            <input type="radio" name="brain" value={b.value} checked={s.brain === b.value} onChange={() => s.update({ brain: b.value })} data-testid={`brain-${b.value}`} />
            <span><strong>{b.label}</strong><br /><span className="muted">{b.detail}</span></span>
          </label>
        ))}
        {s.brain === 'local-llm' && (
          <div className="endpoint">
            <label htmlFor="local-model">Model file (GGUF address)</label>
            <input id="local-model" type="url" placeholder="Leave empty to pick one that fits this device" value={s.localModelUrl}
              onChange={(e) => s.update({ localModelUrl: e.target.value })} data-testid="local-model-url" />
            <p className="muted">
              {(() => {
                const spec = chooseLocalModel({ deviceMemoryGb: caps?.deviceMemoryGb ?? null }, s.localModelUrl);
                if (!spec) return 'This device has too little memory for an in-browser model; the built-in brain will answer.';
                return `Will use ${spec.label}${spec.sizeMb ? ` (${(spec.sizeMb / 1024).toFixed(1)} GB download, once)` : ''}. It is downloaded on your first call and stays on this device.`;
              })()}
            </p>
          </div>
        )}
        {needsCloud && (
          <div className="endpoint">
            <label htmlFor="base-url">Server address</label>
            <input id="base-url" type="url" value={s.endpoint.baseUrl} onChange={(e) => s.update({ endpoint: { ...s.endpoint, baseUrl: e.target.value } })} />
            <label htmlFor="model">Model</label>
            <input id="model" type="text" value={s.endpoint.model} onChange={(e) => s.update({ endpoint: { ...s.endpoint, model: e.target.value } })} />
            <label htmlFor="api-key">API key <span className="muted">(kept in this browser; sent only to that server)</span></label>
            <input id="api-key" type="password" autoComplete="off" value={s.endpoint.apiKey} onChange={(e) => s.update({ endpoint: { ...s.endpoint, apiKey: e.target.value } })} />
            {!s.privacy.allowCloud && <p className="field-error">Turn on “Allow a cloud or server model” below to use this.</p>}
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend>Voice</legend>
        {VOICES.map((v) => (
          <label key={v.value} className="choice">
            <input type="radio" name="voice" value={v.value} checked={s.voice === v.value} onChange={() => s.update({ voice: v.value })} data-testid={`voice-${v.value}`} />
            <span>{v.label}</span>
          </label>
        ))}
        {s.voice === 'neural' && <NeuralVoiceSettings />}
      </fieldset>
      <SpeechRecognitionSettings />
      <fieldset>
        <legend>When I pause</legend>
        {PATIENCE.map((p) => (
          <label key={p.value} className="choice">
            <input type="radio" name="turn-patience" value={p.value} checked={s.turnPatience === p.value} onChange={() => s.update({ turnPatience: p.value })} data-testid={`patience-${p.value}`} />
            <span><strong>{p.label}</strong><br /><span className="muted">{p.detail}</span></span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Camera and microphone</legend>
        <label htmlFor="camera">Camera</label>
        <select id="camera" value={s.cameraId} onChange={(e) => s.update({ cameraId: e.target.value })} data-testid="camera-select">
          <option value="">System default</option>
          {cameras.map((d, i) => <option key={d.deviceId || i} value={d.deviceId}>{d.label || `Camera ${i + 1}`}</option>)}
        </select>
        <label htmlFor="mic">Microphone</label>
        <select id="mic" value={s.micId} onChange={(e) => s.update({ micId: e.target.value })}>
          <option value="">System default</option>
          {mics.map((d, i) => <option key={d.deviceId || i} value={d.deviceId}>{d.label || `Microphone ${i + 1}`}</option>)}
        </select>
        {devices.length > 0 && !devices.some((d) => d.label) && <p className="muted">Device names appear after you allow access during a call.</p>}
      </fieldset>
      <fieldset>
        <legend>Privacy</legend>
        <label className="choice">
          <input type="checkbox" checked={s.privacy.rememberConversations} onChange={(e) => s.updatePrivacy({ rememberConversations: e.target.checked })} data-testid="privacy-remember" />
          <span>Remember our conversations on this device</span>
        </label>
        <label className="choice">
          <input type="checkbox" checked={s.privacy.shareMoodWithBrain} onChange={(e) => s.updatePrivacy({ shareMoodWithBrain: e.target.checked })} />
          <span>Let my companion know how I seem (a short description — never pictures or audio)</span>
        </label>
        <label className="choice">
          <input type="checkbox" checked={s.privacy.rememberMood} onChange={(e) => s.updatePrivacy({ rememberMood: e.target.checked })} data-testid="privacy-remember-mood" />
          <span>Remember how I seemed in calls (only a sentence like “seemed tired”, at most every 2 minutes — never pictures, audio or numbers)</span>
        </label>
        <label className="choice">
          <input type="checkbox" checked={s.privacy.allowCloud} onChange={(e) => s.updatePrivacy({ allowCloud: e.target.checked })} />
          <span>Allow a cloud or server model (your messages are sent to it)</span>
        </label>
        <label className="choice">
          <input type="checkbox" checked={s.showHud} onChange={(e) => s.update({ showHud: e.target.checked })} />
          <span>Show technical details during calls (or press Shift+D)</span>
        </label>
      </fieldset>
      <p role="status" className="saved" data-testid="settings-saved">{saved ? 'Saved on this device.' : ''}</p>
      <section aria-labelledby="caps-title" className="caps-section">
        <h2 id="caps-title">What this browser can do</h2>
        <CapabilityList testId="settings-capabilities" />
      </section>
      <button type="button" className="secondary" onClick={() => s.reset()}>Reset all settings</button>
    </form>
  );
}
