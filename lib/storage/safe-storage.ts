import type { StateStorage } from 'zustand/middleware';
import type { KinErrorCode } from '../errors';

/**
 * localStorage for zustand `persist` that never throws into the app: a full disk is reported
 * (and the previous value stays), and unreadable JSON is moved aside to `<key>.corrupt` instead of
 * being overwritten, so nothing is lost.
 */
export function safeStorage(
  backing: () => Storage | undefined,
  onError: (code: KinErrorCode, key: string) => void,
): StateStorage {
  return {
    getItem(key) {
      const storage = backing();
      if (!storage) return null;
      let raw: string | null;
      try {
        raw = storage.getItem(key);
      } catch {
        return null;
      }
      if (raw === null) return null;
      try {
        JSON.parse(raw);
        return raw;
      } catch {
        try {
          storage.setItem(`${key}.corrupt`, raw);
        } catch {
          // keep going: the original stays untouched until the next successful save
        }
        onError('storage:corrupt', key);
        return null;
      }
    },
    setItem(key, value) {
      const storage = backing();
      if (!storage) return;
      try {
        storage.setItem(key, value);
      } catch (error) {
        const quota = error instanceof Error && /quota/i.test(`${error.name} ${error.message}`);
        onError(quota ? 'storage:quota' : 'storage:corrupt', key);
      }
    },
    removeItem(key) {
      try {
        backing()?.removeItem(key);
      } catch {
        // nothing to do
      }
    },
  };
}

/** The browser's localStorage, or undefined (server render, blocked storage). */
export function browserLocalStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}
