import { afterEach, describe, expect, test } from 'vitest';
import { TabPresence } from './tab-presence';

const settle = () => new Promise((r) => setTimeout(r, 30));
const open: TabPresence[] = [];
afterEach(() => { open.splice(0).forEach((p) => p.dispose()); });

describe('TabPresence (BroadcastChannel)', () => {
  test('two tabs in a call learn about each other, and forget when one ends', async () => {
    const seenA: number[] = [];
    const seenB: number[] = [];
    const a = new TabPresence((n) => seenA.push(n), 'a');
    const b = new TabPresence((n) => seenB.push(n), 'b');
    open.push(a);
    a.announce();
    await settle();
    expect(seenB).toEqual([1]);
    b.announce();
    await settle();
    expect(seenA).toEqual([1]);
    b.dispose();
    await settle();
    expect(seenA).toEqual([1, 0]);
  });

  test('a single tab sees no one', async () => {
    const seen: number[] = [];
    const a = new TabPresence((n) => seen.push(n), 'solo');
    open.push(a);
    a.announce();
    await settle();
    expect(seen).toEqual([]);
  });
});
