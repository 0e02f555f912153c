import { describe, expect, test } from 'vitest';
import { VoiceActivityGate } from './voice-activity';

function run(gate: VoiceActivityGate, rmsValue: number, frames: number) {
  const events: string[] = [];
  for (let i = 0; i < frames; i++) {
    const e = gate.update(rmsValue);
    if (e) events.push(e);
  }
  return events;
}

describe('VoiceActivityGate', () => {
  test('speech over a quiet room starts and ends once, with a short pause bridged', () => {
    const gate = new VoiceActivityGate();
    expect(run(gate, 0.001, 200)).toEqual([]);
    expect(run(gate, 0.1, 100)).toEqual(['speech-start']);
    expect(run(gate, 0.001, 20)).toEqual([]); // 200 ms pause: still the same utterance
    expect(run(gate, 0.1, 50)).toEqual([]);
    expect(run(gate, 0.001, 60)).toEqual(['speech-end']);
  });

  test('a steady noise floor is learned and not taken for speech', () => {
    const gate = new VoiceActivityGate();
    expect(run(gate, 0.02, 1000)).toEqual([]);
    expect(gate.noiseFloorDb).toBeGreaterThan(-40);
  });

  test('a 40 ms click does not start speech', () => {
    const gate = new VoiceActivityGate();
    run(gate, 0.001, 100);
    expect(run(gate, 0.3, 4)).toEqual([]);
  });
});
