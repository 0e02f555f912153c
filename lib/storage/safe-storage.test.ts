import { describe, expect, test } from 'vitest';
import { safeStorage } from './safe-storage';

class MemoryStorage implements Storage {
  data = new Map<string, string>();
  limit = Infinity;
  get length() { return this.data.size; }
  clear() { this.data.clear(); }
  getItem(k: string) { return this.data.get(k) ?? null; }
  key(i: number) { return [...this.data.keys()][i] ?? null; }
  removeItem(k: string) { this.data.delete(k); }
  setItem(k: string, v: string) {
    if (v.length > this.limit) {
      const e = new Error('The quota has been exceeded.');
      e.name = 'QuotaExceededError';
      throw e;
    }
    this.data.set(k, v);
  }
}

describe('safeStorage', () => {
  test('a full disk reports storage:quota and keeps the old value', () => {
    const backing = new MemoryStorage();
    const errors: string[] = [];
    const s = safeStorage(() => backing, (code) => errors.push(code));
    s.setItem('k', '{"a":1}');
    backing.limit = 5;
    s.setItem('k', '{"a":2,"b":"long"}');
    expect(errors).toEqual(['storage:quota']);
    expect(s.getItem('k')).toBe('{"a":1}');
  });

  test('corrupt JSON is moved aside, reported, and not returned', () => {
    const backing = new MemoryStorage();
    backing.data.set('k', '{not json');
    const errors: string[] = [];
    const s = safeStorage(() => backing, (code) => errors.push(code));
    expect(s.getItem('k')).toBeNull();
    expect(errors).toEqual(['storage:corrupt']);
    expect(backing.data.get('k.corrupt')).toBe('{not json');
  });

  test('no storage (server render) is a no-op', () => {
    const s = safeStorage(() => undefined, () => { throw new Error('should not report'); });
    expect(s.getItem('k')).toBeNull();
    s.setItem('k', '1');
  });
});
