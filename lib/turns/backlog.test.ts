import { describe, expect, it } from 'vitest';
import { FrameBacklog, PendingWords } from './backlog';

const frame = (value: number, n = 4) => new Float32Array(n).fill(value);

function drained(backlog: FrameBacklog): Array<[number[], number]> {
  const out: Array<[number[], number]> = [];
  backlog.drain((f, t) => out.push([Array.from(f), t]));
  return out;
}

describe('FrameBacklog', () => {
  it('gives back the frames in order with their times, then is empty', () => {
    const backlog = new FrameBacklog(4, 8);
    backlog.push(frame(1), 0.01);
    backlog.push(frame(2), 0.02);
    backlog.push(frame(3), 0.03);
    expect(backlog.length).toBe(3);
    expect(drained(backlog)).toEqual([
      [[1, 1, 1, 1], 0.01],
      [[2, 2, 2, 2], 0.02],
      [[3, 3, 3, 3], 0.03],
    ]);
    expect(backlog.length).toBe(0);
    expect(drained(backlog)).toEqual([]);
  });

  it('keeps a copy: the caller may reuse its buffer', () => {
    const backlog = new FrameBacklog(4, 2);
    const buffer = frame(5);
    backlog.push(buffer, 1);
    buffer.fill(9);
    expect(drained(backlog)[0][0]).toEqual([5, 5, 5, 5]);
  });

  it('keeps the latest frames when full and counts the dropped ones', () => {
    const backlog = new FrameBacklog(4, 3);
    for (let i = 1; i <= 5; i++) backlog.push(frame(i), i / 100);
    expect(backlog.dropped).toBe(2);
    expect(drained(backlog).map(([f, t]) => [f[0], t])).toEqual([
      [3, 0.03],
      [4, 0.04],
      [5, 0.05],
    ]);
    // Usable again after a drain.
    backlog.push(frame(7), 0.07);
    expect(drained(backlog).map(([f]) => f[0])).toEqual([7]);
  });

  it('drains a few at a time while new frames join the end, in order', () => {
    const backlog = new FrameBacklog(1, 4);
    for (let i = 1; i <= 4; i++) backlog.push(frame(i, 1), i);
    const seen: number[] = [];
    backlog.drain((f) => seen.push(f[0]), 3);
    expect(seen).toEqual([1, 2, 3]);
    expect(backlog.length).toBe(1);
    backlog.push(frame(5, 1), 5);
    backlog.push(frame(6, 1), 6);
    backlog.drain((f) => seen.push(f[0]), 2);
    backlog.drain((f) => seen.push(f[0]));
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    expect(backlog.dropped).toBe(0);
  });
});

describe('PendingWords', () => {
  it('hands each fragment over once the audio reaches its end, in order', () => {
    const words = new PendingWords();
    words.push('i went to the shop', 1.2);
    words.push('i went to the shop and then', 2.0);
    const seen: string[] = [];
    const apply = (text: string, end: number) => seen.push(`${text}@${end}`);
    words.release(1.0, apply);
    expect(seen).toEqual([]);
    words.release(1.25, apply);
    expect(seen).toEqual(['i went to the shop@1.2']);
    words.release(5, apply);
    expect(seen).toEqual(['i went to the shop@1.2', 'i went to the shop and then@2']);
    expect(words.length).toBe(0);
  });

  it('keeps only the latest few', () => {
    const words = new PendingWords(2);
    words.push('a', 1);
    words.push('a b', 2);
    words.push('a b c', 3);
    const seen: string[] = [];
    words.release(10, (text) => seen.push(text));
    expect(seen).toEqual(['a b', 'a b c']);
  });
});
