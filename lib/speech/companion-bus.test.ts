import { describe, expect, test } from 'vitest';
import { companionDestination, setCompanionBus } from './companion-bus';

describe('companion bus', () => {
  test('a context without a bus plays to its destination; with one, to the bus; per context', () => {
    const destination = { name: 'destination' } as unknown as AudioDestinationNode;
    const context = { destination } as BaseAudioContext;
    const other = { destination: { name: 'other' } } as unknown as BaseAudioContext;
    const bus = { name: 'bus' } as unknown as AudioNode;
    expect(companionDestination(context)).toBe(destination);
    setCompanionBus(context, bus);
    expect(companionDestination(context)).toBe(bus);
    expect(companionDestination(other)).toBe(other.destination);
    setCompanionBus(context, null);
    expect(companionDestination(context)).toBe(destination);
  });
});
