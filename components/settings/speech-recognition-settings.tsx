'use client';
import { useCallback, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { createSttWorker, probeRecognizerEnv } from '@/lib/speech/stt/browser';
import { normalizeHost, STT_PATH_TEMPLATE, sttModelSpec } from '@/lib/speech/stt/models';
import { STT_WASM_PATHS } from '@/lib/speech/stt/protocol';
import { describeDownload, planRecognizer, type RecognizerPlan } from '@/lib/speech/stt/select';
import type { SttLoadProgress } from '@/lib/speech/stt/types';
import { WhisperRecognizer } from '@/lib/speech/stt/whisper-recognizer';
import { settingsStore, type SttChoice } from '@/lib/settings/store';

const CHOICES: { value: SttChoice; label: string; detail: string }[] = [
  { value: 'auto', label: 'Automatic', detail: 'Whisper once it is downloaded; otherwise Moonshine tiny, which comes with Kin; otherwise the browser’s recognizer if you allow cloud processing; otherwise you type.' },
  { value: 'moonshine', label: 'On this device (Moonshine tiny, no download)', detail: 'Your voice never leaves this device. The model (28 MB, MIT) comes with Kin, so it works offline from the start.' },
  { value: 'whisper', label: 'On this device (Whisper)', detail: 'Your voice never leaves this device. Downloads the model on first use, then works offline.' },
  { value: 'web-speech', label: 'This browser’s speech recognition', detail: 'In Chrome and Edge your voice is sent to Google or Microsoft to be transcribed. Needs “Allow a cloud or server model” below.' },
  { value: 'off', label: 'Off', detail: 'You type your messages.' },
];

function describePlan(plan: RecognizerPlan): string {
  switch (plan.kind) {
    case 'whisper':
      return plan.needsDownload
        ? `Will download ${plan.model.label} (${describeDownload(plan.model)}) from ${new URL(plan.host).host} when your next call starts, then keep it on this device.`
        : `${plan.model.label} is on this device; speech recognition works offline.`;
    case 'moonshine':
      return `${plan.model.label} comes with Kin: speech recognition works on this device, offline, with no download.`;
    case 'web-speech':
      return 'Your browser’s recognizer will listen: your voice goes to the browser maker.';
    case 'test':
      return 'A test transcript is set on this device (kin.test.transcript); calls use it instead of a recognizer.';
    case 'none':
    default:
      return plan.reason;
  }
}

/** Speech recognition choice, model and host, and a one-time download with a progress bar. */
export function SpeechRecognitionSettings() {
  const s = useStore(settingsStore);
  const [plan, setPlan] = useState<RecognizerPlan | null>(null);
  const [progress, setProgress] = useState<SttLoadProgress | null>(null);
  const [downloadState, setDownloadState] = useState<{ busy: boolean; message: string; error: boolean }>({ busy: false, message: '', error: false });
  const settings = { stt: s.stt, sttModel: s.sttModel, sttHost: s.sttHost, privacy: { allowCloud: s.privacy.allowCloud } };

  const refresh = useCallback(async () => {
    const current = settingsStore.getState();
    const slice = { stt: current.stt, sttModel: current.sttModel, sttHost: current.sttHost, privacy: { allowCloud: current.privacy.allowCloud } };
    setPlan(planRecognizer(slice, await probeRecognizerEnv(slice)));
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh, s.stt, s.sttModel, s.sttHost, s.privacy.allowCloud]);

  const download = async () => {
    const host = normalizeHost(settings.sttHost);
    if (!host) {
      setDownloadState({ busy: false, message: `“${settings.sttHost}” is not an http(s) address.`, error: true });
      return;
    }
    setDownloadState({ busy: true, message: 'Downloading…', error: false });
    setProgress(null);
    const recognizer = new WhisperRecognizer({
      createWorker: createSttWorker,
      model: sttModelSpec(settings.sttModel.trim() || 'Xenova/whisper-tiny.en'),
      request: { remoteHost: host, remotePathTemplate: STT_PATH_TEMPLATE, wasmPaths: STT_WASM_PATHS, backends: ['webgpu', 'wasm'] },
      onProgress: setProgress,
    });
    try {
      await recognizer.start();
      setDownloadState({ busy: false, message: `Ready: ${recognizer.label}${recognizer.webgpuSkipped ? ` — ${recognizer.webgpuSkipped}` : ''}.`, error: false });
    } catch (error) {
      setDownloadState({ busy: false, message: error instanceof Error ? error.message : String(error), error: true });
    } finally {
      recognizer.dispose();
      void refresh();
    }
  };

  const spec = sttModelSpec(s.sttModel.trim() || 'Xenova/whisper-tiny.en');
  const canDownload = s.stt !== 'off' && s.stt !== 'web-speech' && s.stt !== 'moonshine' && plan?.kind !== 'test';
  const downloaded = plan?.kind === 'whisper' && !plan.needsDownload;
  return (
    <fieldset data-testid="stt-settings">
      <legend>Speech recognition</legend>
      {CHOICES.map((c) => (
        <label key={c.value} className="choice">
          <input type="radio" name="stt" value={c.value} checked={s.stt === c.value} onChange={() => s.update({ stt: c.value })} data-testid={`stt-${c.value}`} />
          <span><strong>{c.label}</strong><br /><span className="muted">{c.detail}</span></span>
        </label>
      ))}
      <p className="muted" role="status" data-testid="stt-status">{plan ? describePlan(plan) : 'Checking this device…'}</p>
      {canDownload && !downloaded && (
        <div className="endpoint">
          <p className="muted">
            {spec.label} is a {describeDownload(spec)} download ({spec.licence}), kept in this browser’s storage. Nothing is downloaded until you press the button or start a call with “On this device” chosen.
          </p>
          <button type="button" className="secondary" onClick={() => void download()} disabled={downloadState.busy} data-testid="stt-download">
            {downloadState.busy ? 'Downloading…' : `Download ${spec.label} now`}
          </button>
          {downloadState.busy && (
            <progress max={progress?.totalBytes || 1} value={progress?.totalBytes ? progress.loadedBytes : undefined} aria-label="Speech model download progress" data-testid="stt-progress" />
          )}
        </div>
      )}
      {downloadState.message && <p className={downloadState.error ? 'field-error' : 'muted'} data-testid="stt-download-result">{downloadState.message}</p>}
      <details>
        <summary>Model and download address</summary>
        <label htmlFor="stt-model">Model (a transformers.js speech model id)</label>
        <input id="stt-model" type="text" value={s.sttModel} onChange={(e) => s.update({ sttModel: e.target.value })} data-testid="stt-model" />
        <label htmlFor="stt-host">Download from</label>
        <input id="stt-host" type="url" value={s.sttHost} onChange={(e) => s.update({ sttHost: e.target.value })} data-testid="stt-host" />
        {!normalizeHost(s.sttHost) && <p className="field-error">Enter an http(s) address, for example https://huggingface.co/.</p>}
        <p className="muted">A mirror must keep Hugging Face’s paths (&lt;model&gt;/resolve/main/…) and be allowed by this site’s security policy (NEXT_PUBLIC_MODEL_HOSTS).</p>
      </details>
    </fieldset>
  );
}
