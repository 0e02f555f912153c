'use client';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';

/** Subscribes a component to a slice of a vanilla zustand store. */
export function useSlice<S, T>(store: StoreApi<S>, selector: (state: S) => T): T {
  return useStore(store, selector);
}
