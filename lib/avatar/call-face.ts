import type { CallStore } from '../call/store';
import { traitsOf } from '../persona/traits';
import type { Persona } from '../persona/types';
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
