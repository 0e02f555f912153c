import { describe, expect, it } from 'vitest';
import { callActions, createCallStore } from '../call/store';
import { DEMO_PERSONAS } from '../persona/personas';
import { faceFloorCue, faceFollowsCall } from './call-face';
import { createAvatarStore } from './store';

describe('faceFollowsCall', () => {
  it('shows thinking, then an emotion chosen from the reply, then the phase default', () => {
    const call = createCallStore();
    const avatar = createAvatarStore();
    let seen: string | null = null;
    const stop = faceFollowsCall(call, DEMO_PERSONAS[0], avatar, () => seen);
    callActions.addCaption(call, 'user', 'I had a long day at work', true);
    call.setState({ phase: 'thinking' });
    expect(avatar.getState().emotion).toBe('thinking');
    callActions.addCaption(call, 'companion', 'Oh no. What happened?', false);
    call.setState({ phase: 'speaking' });
    expect(avatar.getState().emotion).toBe('interested');
    call.setState({ phase: 'listening' });
    expect(avatar.getState().emotion).toBeNull();
    seen = 'sad';
    call.setState({ phase: 'speaking' });
    expect(avatar.getState().emotion).toBe('concerned');
    expect(avatar.getState().intensity).toBeGreaterThan(0.5);
    stop();
    call.setState({ phase: 'thinking' });
    expect(avatar.getState().emotion).toBe('concerned');
  });

  it('nods at user pauses and backchannels only', () => {
    const avatar = createAvatarStore();
    faceFloorCue({ type: 'commit' }, avatar, 100);
    expect(avatar.getState().backchannelAtMs).toBe(0);
    faceFloorCue({ type: 'user-pause' }, avatar, 200);
    expect(avatar.getState().backchannelAtMs).toBe(200);
    faceFloorCue({ type: 'backchannel' }, avatar, 300);
    expect(avatar.getState().backchannelAtMs).toBe(300);
  });
});
