'use client';
import { useCallback, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { isVoiceCached, PERSONA_DEFAULT_VOICE, PERSONA_PIPER_VOICES, PIPER_VOICES, piperVoiceSpec, piperVoiceUrls, type PiperVoiceSpec } from '@/lib/speech/piper/catalogue';
import { PiperVoice, type PiperLoadProgress } from '@/lib/speech/piper/piper-voice';
import { formatBytes, formatProgress } from '@/lib/speech/piper/request';
import { DEMO_PERSONAS } from '@/lib/persona/personas';
import { normalizeHost } from '@/lib/speech/stt/models';
import { settingsStore } from '@/lib/settings/store';

const SETTINGS_PERSONA = { espeak: 'en-us', rate: 175, pitch: 50 };

type RowState = { cached: boolean | null; size: number | null; busy: boolean; progress: PiperLoadProgress | null; message: string; error: boolean };

/** The download size from the server before anything is downloaded (HEAD, Content-Length), or null. */
async function probeSize(url: string): Promise<number | null> {
  try {
    const response = await fetch(url, { method: 'HEAD' });
    const size = Number(response.headers.get('content-length'));
    return response.ok && size > 0 ? size : null;
  } catch {
    return null;
  }
}

function VoiceRow({ spec, host, who }: { spec: PiperVoiceSpec; host: string; who: string }) {
  const [state, setState] = useState<RowState>({ cached: null, size: null, busy: false, progress: null, message: '', error: false });
  const urls = piperVoiceUrls(host, spec);
  const refresh = useCallback(async () => {
    const cached = await isVoiceCached(typeof caches === 'undefined' ? undefined : caches, host, spec);
    const size = cached || !urls ? null : await probeSize(urls.model);
    setState((s) => ({ ...s, cached, size: size ?? s.size }));
  }, [host, spec, urls?.model]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const download = async () => {
    setState((s) => ({ ...s, busy: true, progress: null, message: 'Downloading…', error: false }));
    try {
      const voice = await PiperVoice.create(() => null, {
        host,
        spec,
        persona: SETTINGS_PERSONA,
        allowDownload: true,
        onProgress: (progress) => setState((s) => ({ ...s, progress, size: progress.totalBytes || s.size })),
      });
      setState((s) => ({ ...s, busy: false, message: `Ready: ${voice.fromCache ? 'already on this device' : `downloaded ${formatBytes(voice.bytes)}`}, runs on ${voice.backend}. Kept on this device; works offline.`, error: false }));
      voice.dispose();
    } catch (error) {
      setState((s) => ({ ...s, busy: false, message: `${error instanceof Error ? error.message : String(error)} Calls use eSpeak NG instead.`, error: true }));
    } finally {
      void refresh();
    }
  };

  const sizeText = state.size ? formatBytes(state.size) : 'size shown once the download starts';
  const { progress } = state;
  return (
    <li data-testid={`piper-voice-${spec.id}`}>
      <strong>{spec.label}</strong> <span className="muted">({spec.id}{who ? `, ${who}` : ''})</span>
      <br />
      <span className="muted">Licence: {spec.licence} — <a href={spec.modelCardUrl} target="_blank" rel="noreferrer">model card</a></span>
      <br />
      <span data-testid="piper-state">
        {state.cached === null ? 'Checking this device…' : state.cached ? 'Downloaded: on this device, works offline.' : `Not downloaded (${sizeText}).`}
      </span>
      {state.cached === false && (
        <div>
          <button type="button" className="secondary" onClick={() => void download()} disabled={state.busy || !urls} data-testid="piper-download">
            {state.busy ? 'Downloading…' : `I agree: download ${spec.label} (${sizeText}) from ${urls ? new URL(urls.model).host : '?'}`}
          </button>
        </div>
      )}
      {state.busy && (
        <p className="muted">
          <progress max={progress?.totalBytes || 1} value={progress?.totalBytes ? progress.loadedBytes : undefined} aria-label={`${spec.label} download progress`} data-testid="piper-progress" />{' '}
          <span data-testid="piper-progress-text">{progress ? formatProgress(progress.loadedBytes, progress.totalBytes) : 'starting…'}</span>
        </p>
      )}
      {state.message && <p className={state.error ? 'field-error' : 'muted'} data-testid="piper-result">{state.message}</p>}
    </li>
  );
}

/** Neural voice (Piper) choice, download consent with size and licence, progress, and cache state. */
export function NeuralVoiceSettings() {
  const s = useStore(settingsStore);
  const host = normalizeHost(s.piperHost);
  const custom = s.piperVoice !== PERSONA_DEFAULT_VOICE && !PIPER_VOICES.some((v) => v.id === s.piperVoice);
  const rows: { spec: PiperVoiceSpec; who: string }[] = s.piperVoice === PERSONA_DEFAULT_VOICE
    ? Object.entries(PERSONA_PIPER_VOICES).map(([persona, id]) => ({ spec: piperVoiceSpec(id)!, who: `${DEMO_PERSONAS.find((p) => p.id === persona)?.name ?? persona}’s voice` }))
    : [piperVoiceSpec(s.piperVoice)].filter((v): v is PiperVoiceSpec => v !== null).map((spec) => ({ spec, who: '' }));
  return (
    <div className="endpoint" data-testid="piper-settings">
      <p className="muted">
        A neural voice (Piper) sounds far more natural than eSpeak. Each voice is a one-time download kept in this browser’s storage; nothing is downloaded until you agree below (to show sizes, Kin only asks the download address how big each file is).
        Text is turned into speech on this device. A companion whose voice is not downloaded, or fails to load, speaks with eSpeak NG and you are told why.
      </p>
      <label htmlFor="piper-voice">Which voice</label>
      <select id="piper-voice" value={custom ? '' : s.piperVoice} onChange={(e) => s.update({ piperVoice: e.target.value || s.piperVoice })} data-testid="piper-voice-select">
        <option value={PERSONA_DEFAULT_VOICE}>Each companion’s own voice</option>
        {PIPER_VOICES.map((v) => <option key={v.id} value={v.id}>{v.label}</option>)}
        {custom && <option value="">Another voice: {s.piperVoice}</option>}
      </select>
      {host ? (
        <ul className="plain-list">
          {rows.map(({ spec, who }) => <VoiceRow key={`${host}|${spec.id}`} spec={spec} host={host} who={who} />)}
        </ul>
      ) : (
        <p className="field-error">Enter an http(s) download address below.</p>
      )}
      {!piperVoiceSpec(s.piperVoice) && s.piperVoice !== PERSONA_DEFAULT_VOICE && <p className="field-error">A voice id looks like en_US-lessac-medium.</p>}
      <details>
        <summary>Voice id and download address</summary>
        <label htmlFor="piper-voice-id">Voice id (any Piper voice: language_REGION-name-quality)</label>
        <input id="piper-voice-id" type="text" value={s.piperVoice} onChange={(e) => s.update({ piperVoice: e.target.value.trim() })} data-testid="piper-voice-id" />
        <label htmlFor="piper-host">Download from</label>
        <input id="piper-host" type="url" value={s.piperHost} onChange={(e) => s.update({ piperHost: e.target.value })} data-testid="piper-host" />
        <p className="muted">A mirror must keep the rhasspy/piper-voices paths (en/en_US/lessac/medium/en_US-lessac-medium.onnx and .onnx.json) and be allowed by this site’s security policy (NEXT_PUBLIC_MODEL_HOSTS).</p>
      </details>
    </div>
  );
}
