import { createStore } from 'zustand/vanilla';
import type { Adaptation } from './adaptation';
import type { StyleReport } from './turn-style';

interface AdaptationState {
  /** The adaptation of the latest reply, null before the first one. */
  adaptation: Adaptation | null;
  /** The style check of the latest finished reply. */
  style: StyleReport | null;
}

/** The persona's live adaptation and style check, shown in the call HUD ("shorter replies because: …"). */
export const adaptationStore = createStore<AdaptationState>()(() => ({ adaptation: null, style: null }));
