import { expect, test } from 'vitest';
import { FloorTrace } from './floor-trace';

test('keeps the newest samples in order and a bounded event list', () => {
  const trace = new FloorTrace(3, 2);
  for (let i = 0; i < 5; i++) trace.push(i * 0.05, i / 10, i % 2 === 0);
  const seen: number[] = [];
  trace.forEach((t) => seen.push(Math.round(t * 100)));
  expect(seen).toEqual([10, 15, 20]);
  expect(trace.latestTime).toBeCloseTo(0.2);
  trace.mark('user-start', 1);
  trace.mark('commit', 2);
  trace.mark('speculate', 3);
  expect(trace.events.map((e) => e.type)).toEqual(['commit', 'speculate']);
});

test('remembers when the user last spoke, past the ring', () => {
  const trace = new FloorTrace(2);
  expect(trace.lastSpeechTime).toBeNull();
  trace.push(1.0, 0, true);
  trace.push(1.05, 0.2, true);
  trace.push(1.1, 0.4, false);
  trace.push(1.15, 0.6, false);
  trace.push(1.2, 0.8, false);
  expect(trace.lastSpeechTime).toBeCloseTo(1.05);
});
