import type { SttLoadProgress } from './types';

/** Sums per-file download progress (transformers.js reports each file on its own) into one bar. */
export class DownloadProgress {
  private readonly files = new Map<string, { loaded: number; total: number }>();

  /** Records `loaded` of `total` bytes for `file` and returns the sum over all files so far. */
  update(file: string, loadedBytes: number, totalBytes: number): SttLoadProgress {
    const total = Number.isFinite(totalBytes) && totalBytes > 0 ? totalBytes : 0;
    const loaded = Math.max(0, Number.isFinite(loadedBytes) ? loadedBytes : 0);
    const previous = this.files.get(file);
    // Progress never goes backwards for a file (a cache read after a download re-reports from 0).
    this.files.set(file, { loaded: Math.max(previous?.loaded ?? 0, total ? Math.min(loaded, total) : loaded), total: Math.max(previous?.total ?? 0, total) });
    let loadedSum = 0;
    let totalSum = 0;
    let unknown = false;
    for (const entry of this.files.values()) {
      loadedSum += entry.loaded;
      totalSum += entry.total;
      if (!entry.total) unknown = true;
    }
    return { loadedBytes: loadedSum, totalBytes: totalSum, fraction: unknown || !totalSum ? null : loadedSum / totalSum, file };
  }
}
