/** Voice files from Cache Storage, or downloaded with byte progress and kept there once they work. */
import { readWithProgress } from '../download';
import { PiperError } from './config';

/** The slice of a Cache the loader needs (so tests can pass a Map-backed fake). */
export interface VoiceCache {
  match(url: string): Promise<Response | undefined>;
  put(url: string, response: Response): Promise<void>;
}

export interface FetchedFile {
  bytes: Uint8Array;
  fromCache: boolean;
}

/**
 * The file at `url`: from `cache` when there, else downloaded (only if `allowDownload`). Nothing is
 * written to the cache here: the caller stores files with `storeVoiceFile` once the voice loads,
 * so a broken download is never kept.
 */
export async function fetchVoiceFile(
  url: string,
  options: { cache: VoiceCache | null; allowDownload: boolean; onProgress: (loadedBytes: number, totalBytes: number) => void; fetchImpl?: typeof fetch },
): Promise<FetchedFile> {
  const cached = await options.cache?.match(url).catch(() => undefined);
  if (cached) {
    const bytes = new Uint8Array(await cached.arrayBuffer());
    options.onProgress(bytes.length, bytes.length);
    return { bytes, fromCache: true };
  }
  if (!options.allowDownload) throw new PiperError('piper:download', 'The neural voice is not downloaded yet. Download it in Settings → Voice.');
  let response: Response;
  try {
    response = await (options.fetchImpl ?? fetch)(url);
  } catch (error) {
    throw new PiperError('piper:download', `Could not reach ${new URL(url).host} (${error instanceof Error ? error.message : String(error)}); are you offline?`);
  }
  if (!response.ok) throw new PiperError('piper:download', `${url.split('/').pop()}: the server answered HTTP ${response.status}${response.status === 404 ? ' (no such voice at this address)' : ''}.`);
  return { bytes: await readWithProgress(response, options.onProgress), fromCache: false };
}

/** Keeps a file that loaded correctly, so the next call (and offline use) needs no network. */
export async function storeVoiceFile(cache: VoiceCache | null, url: string, bytes: Uint8Array, contentType: string): Promise<void> {
  if (!cache) return;
  await cache.put(url, new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': contentType, 'content-length': String(bytes.length) } })).catch(() => undefined);
}
