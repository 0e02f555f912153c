import { describe, expect, test } from 'vitest';
import { createCallStore, callActions } from '../call/store';
import { createConfirmations } from './confirmations';
import { addToolCaption } from './transcript';

const card = { tool: 'set_reminder', title: 'Set a reminder?', detail: 'call Anna — today at 17:00', confirmLabel: 'Set reminder' };

describe('confirmation card state', () => {
  test('shows the card and resolves with the answer; stale answers are ignored', async () => {
    const c = createConfirmations();
    const answer = c.ask(card, new AbortController().signal);
    const pending = c.store.getState().pending!;
    expect(pending).toMatchObject(card);
    c.answer(pending.id + 1, true); // a stale card id
    expect(c.store.getState().pending).not.toBeNull();
    c.answer(pending.id, true);
    await expect(answer).resolves.toBe(true);
    expect(c.store.getState().pending).toBeNull();
  });

  test('an aborted reply withdraws its card as a cancel; a newer card replaces an older one', async () => {
    const c = createConfirmations();
    const controller = new AbortController();
    const first = c.ask(card, controller.signal);
    const second = c.ask({ ...card, detail: 'other' }, new AbortController().signal);
    await expect(first).resolves.toBe(false);
    expect(c.store.getState().pending?.detail).toBe('other');
    const third = c.ask(card, controller.signal);
    await expect(second).resolves.toBe(false);
    controller.abort();
    await expect(third).resolves.toBe(false);
    expect(c.store.getState().pending).toBeNull();
  });
});

describe('tool lines in the transcript', () => {
  test('go just before the reply they belong to', () => {
    const store = createCallStore();
    callActions.addCaption(store, 'user', 'remind me to call Anna at 5 pm', true);
    callActions.addCaption(store, 'companion', '', false);
    addToolCaption(store, 'reminder set: call Anna, today at 17:00');
    expect(store.getState().captions.map((c) => c.speaker)).toEqual(['user', 'tool', 'companion']);
    addToolCaption(store, 'later line');
    expect(store.getState().captions.map((c) => c.speaker)).toEqual(['user', 'tool', 'tool', 'companion']);
  });
});
