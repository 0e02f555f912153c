import type { CallStore } from '../call/store';
import { traitsOf } from '../persona/traits';
import type { Persona } from '../persona/types';
import type { PhonemeEvent } from '../speech/types';
import type { TurnEvent } from '../turns/protocol';
import { chooseEmotion } from './choose-emotion';
import { avatarActions, type AvatarStore } from './store';

/**
 * Lets the face follow the call: on entering `thinking` it shows thinking; when the reply starts
 * (`speaking`) the emotion is chosen from the reply so far, the user's last words, how the user seems
 * (`perceptionState`) and the persona; in other phases it returns to the phase default (null).
 * Returns the unsubscribe function.
 */
export function faceFollowsCall(call: CallStore, persona: Persona, avatar: AvatarStore, perceptionState: () => string | null): () => void {
  const traits = traitsOf(persona);
  return call.subscribe((state, previous) => {
    if (state.phase === previous.phase) return;
    if (state.phase === 'thinking' || state.phase === 'speaking') {
      const replyText = state.phase === 'speaking' ? state.captions.findLast((c) => c.speaker === 'companion')?.text : undefined;
      const userText = state.captions.findLast((c) => c.speaker === 'user')?.text;
      const choice = chooseEmotion({ phase: state.phase, replyText, userText, perceptionState: perceptionState() ?? state.perception?.state ?? null, traits });
      avatarActions.setEmotion(avatar, choice.emotion, choice.intensity);
    } else {
      avatarActions.setEmotion(avatar, null);
    }
  });
}

/** A small listener nod at the user's pauses and at their backchannels ("mm-hm"). */
export function faceFloorCue(event: Pick<TurnEvent, 'type'>, avatar: AvatarStore, nowMs: number): void {
  if (event.type === 'user-pause' || event.type === 'backchannel') avatarActions.backchannel(avatar, nowMs);
}

/**
 * Lip sync from the voice's phoneme timings: each chunk's track replaces the last one, aligned to
 * the page-clock ms its audio reaches the speaker; a chunk cut off (barge-in) clears it at once, so
 * the mouth falls back to the voice level (now 0) instead of mouthing words nobody hears.
 */
export function facePhonemes(event: PhonemeEvent, avatar: AvatarStore): void {
  if (event.type === 'start') avatarActions.speakPhonemes(avatar, event.phonemes, event.audioStartMs);
  else avatarActions.stopPhonemes(avatar);
}
