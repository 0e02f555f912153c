/** What a call asks of the neural voice, from the user's settings. */
import type { NeuralVoiceRequest } from '../select';
import { voiceForPersona } from './catalogue';

/** "12.3 MB", "845 kB", "512 B". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?';
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} kB`;
  return `${bytes} B`;
}

/** "3.2 MB of 12.3 MB", or "3.2 MB" while the server has not said how much (total 0). */
export function formatProgress(loadedBytes: number, totalBytes: number): string {
  return `${formatBytes(loadedBytes)}${totalBytes ? ` of ${formatBytes(totalBytes)}` : ''}`;
}

/**
 * The Piper voice a call with `personaId` uses. A call only reads the voice from this browser's
 * cache: the download needs the user's consent in Settings, so an uncached voice falls back to
 * eSpeak with a message saying where to download it.
 */
export function neuralVoiceRequest(settings: { piperVoice: string; piperHost: string }, persona: { id: string; espeakVoice: string }, onLabel: (label: string) => void): NeuralVoiceRequest {
  const spec = voiceForPersona(settings.piperVoice, persona.id, persona.espeakVoice);
  return {
    spec,
    host: settings.piperHost,
    allowDownload: false,
    onProgress: ({ loadedBytes, totalBytes }) => onLabel(`Piper ${spec.id}: loading ${formatProgress(loadedBytes, totalBytes)} from this device`),
  };
}
