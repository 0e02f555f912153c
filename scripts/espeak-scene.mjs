/**
 * Builds a microphone recording from our own lines with the espeak-ng CLI (Debian package) and
 * ffmpeg: phrases and silences laid end to end at 16 kHz mono s16, with word times (seconds from
 * the start of the file) for the test-mode recognizer. Used by the e2e turn fixture and
 * `npm run eval:voice-latency`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeWav16 } from './wav.mjs';

export const RATE = 16000;

/** True when espeak-ng and ffmpeg are installed; otherwise prints why and returns false. */
export function haveTools(who) {
  for (const tool of ['espeak-ng', 'ffmpeg']) {
    try {
      execFileSync('which', [tool], { stdio: 'ignore' });
    } catch {
      console.error(`${who}: ${tool} not found (apt-get install ${tool}).`);
      return false;
    }
  }
  return true;
}

export class Scene {
  constructor(tmpDir) {
    this.tmp = tmpDir;
    mkdirSync(tmpDir, { recursive: true });
    this.parts = [];
    this.words = [];
    this.cursor = 0;
    this.count = 0;
  }

  silence(seconds) {
    const n = Math.round(seconds * RATE);
    this.parts.push(new Int16Array(n));
    this.cursor += n;
  }

  /** Speaks `text`; returns its {start, end} in seconds. `transcribe: false` keeps it out of the words. */
  say(text, { voice = 'en-us', rate = 150, transcribe = true } = {}) {
    const name = `p${this.count++}`;
    const raw = join(this.tmp, `${name}.wav`);
    const pcm = join(this.tmp, `${name}.s16`);
    execFileSync('espeak-ng', ['-v', voice, '-s', String(rate), '-w', raw, text]);
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', raw, '-ac', '1', '-ar', String(RATE), '-f', 's16le', pcm]);
    const bytes = readFileSync(pcm);
    const all = new Int16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
    let first = 0;
    let last = all.length - 1;
    while (first < last && Math.abs(all[first]) < 300) first++;
    while (last > first && Math.abs(all[last]) < 300) last--;
    const samples = all.slice(first, last + 1);
    const start = this.cursor / RATE;
    const end = (this.cursor + samples.length) / RATE;
    if (transcribe) {
      // Word times spread over the phrase by length: close enough for a recognizer that lags 0.3 s.
      const list = text.toLowerCase().replace(/[^a-z' ]/g, ' ').split(/\s+/).filter(Boolean);
      const total = list.reduce((n, w) => n + w.length + 1, 0);
      let at = 0;
      for (const w of list) {
        const ws = start + ((end - start) * at) / total;
        at += w.length + 1;
        this.words.push({ w, start: +ws.toFixed(3), end: +(start + ((end - start) * at) / total).toFixed(3) });
      }
    }
    this.parts.push(samples);
    this.cursor += samples.length;
    return { start, end };
  }

  /** Writes the wav (atomically) and removes the temporary files. */
  write(wavPath) {
    const all = new Int16Array(this.parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const part of this.parts) {
      all.set(part, offset);
      offset += part.length;
    }
    writeWav16(`${wavPath}.tmp`, RATE, all);
    renameSync(`${wavPath}.tmp`, wavPath);
    rmSync(this.tmp, { recursive: true, force: true });
    return all.length / RATE;
  }
}
