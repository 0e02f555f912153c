'use client';
import { useStore } from 'zustand';
import { callActions, type CallStore } from '@/lib/call/store';
import type { KinErrorCode } from '@/lib/errors';

interface Props {
  store: CallStore;
  onRetryCamera(): void;
  onRetryMic(): void;
  onResumeAudio(): void;
}

const CAMERA_CODES: KinErrorCode[] = ['media:camera-denied', 'media:no-camera'];
const MIC_CODES: KinErrorCode[] = ['media:mic-denied', 'media:no-mic'];
const DISMISSABLE: KinErrorCode[] = ['model:load', 'vision:failed', 'call:background', 'call:other-tab', 'media:device-lost', 'brain:failed', 'brain:unreachable', 'brain:auth', 'brain:timeout', 'brain:protocol', 'worker:start', 'speech:failed', 'stt:off', 'stt:failed', 'turns:fallback'];

/** Notices about devices and failures, each with the one action that helps. */
export function CallNotices({ store, onRetryCamera, onRetryMic, onResumeAudio }: Props) {
  const notices = useStore(store, (s) => s.notices);
  const videoHint = useStore(store, (s) => s.videoHint);
  const brainLoading = useStore(store, (s) => s.brainLoading);
  const sttLoading = useStore(store, (s) => s.sttLoading);
  if (notices.length === 0 && !videoHint && !brainLoading && !sttLoading) return null;
  return (
    <div className="call-notices" role="alert">
      {notices.map((n) => (
        <div key={n.code} className="notice" data-testid={`notice-${n.code}`}>
          <span>{n.message}</span>
          {CAMERA_CODES.includes(n.code) && <button type="button" className="link-button" onClick={onRetryCamera}>Try camera again</button>}
          {MIC_CODES.includes(n.code) && <button type="button" className="link-button" onClick={onRetryMic}>Try microphone again</button>}
          {n.code === 'audio:suspended' && <button type="button" className="link-button" onClick={onResumeAudio} data-testid="resume-audio">Resume sound</button>}
          {DISMISSABLE.includes(n.code) && (
            <button type="button" className="link-button" onClick={() => callActions.clearNotice(store, n.code)} aria-label="Dismiss notice">Dismiss</button>
          )}
        </div>
      ))}
      {videoHint && <div className="notice notice-soft">{videoHint}</div>}
      {brainLoading && <DownloadNotice loading={brainLoading} testId="brain-loading" />}
      {sttLoading && <DownloadNotice loading={sttLoading} testId="stt-loading" />}
    </div>
  );
}

function DownloadNotice({ loading, testId }: { loading: { label: string; loaded: number; total: number }; testId: string }) {
  return (
    <div className="notice notice-soft" data-testid={testId}>
      <span>
        Loading {loading.label} on this device{loading.total > 0 ? ` — ${Math.round(loading.loaded / 1048576)} of ${Math.round(loading.total / 1048576)} MB` : '…'}. It is saved for next time and then works offline.
      </span>
      <progress max={loading.total || 1} value={loading.total ? loading.loaded : undefined} aria-label={`${loading.label} download progress`} />
    </div>
  );
}
