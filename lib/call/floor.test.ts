import { describe, expect, test } from 'vitest';
import type { TurnEvent, TurnEventType } from '../turns/protocol';
import { FloorController, type ReplyPort, type TranscriptPort } from './floor';
import type { CallEvent } from './machine';

function ev(type: TurnEventType, time: number, pauseMs = 0): TurnEvent {
  return { type, time, pauseMs, floorProbability: 0.5 };
}

function setup(options: { recognizer?: boolean; words?: string[] } = {}) {
  const log: string[] = [];
  const dispatched: CallEvent['type'][] = [];
  const words = [...(options.words ?? ['i went to the shop'])];
  let partial = '';
  const transcript: TranscriptPort = {
    partial: () => partial,
    takeTurn: async () => words.shift() ?? '',
    speechStart: (t) => log.push(`stt-start ${t}`),
    speechEnd: (t) => log.push(`stt-end ${t.toFixed(2)}`),
  };
  const replies: ReplyPort & { replying: boolean } = {
    replying: false,
    prepare: (text) => log.push(`prepare ${text}`),
    dropSpeculation: () => log.push('drop'),
    commit: async (text) => { log.push(`commit ${text}`); },
    bargeIn: () => log.push('barge-in'),
  };
  const floor = new FloorController({
    phase: () => 'listening',
    dispatch: (e) => dispatched.push(e.type),
    replies,
    transcript: options.recognizer === false ? null : transcript,
    duck: (on) => log.push(on ? 'duck' : 'unduck'),
    onNoWords: (reason) => log.push(`no-words ${reason}`),
    onCommit: (end, at) => log.push(`latency ${Math.round((at - end) * 1000)}`),
  });
  return { floor, log, dispatched, replies, setPartial: (p: string) => (partial = p) };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('FloorController', () => {
  test('speculate prepares the partial words, commit answers the final words', async () => {
    const { floor, log, dispatched, setPartial } = setup();
    floor.handle(ev('user-start', 1));
    setPartial('i went to the shop');
    floor.handle(ev('user-pause', 2.3, 200));
    floor.handle(ev('speculate', 2.4, 300));
    floor.handle(ev('commit', 2.5, 400));
    await settle();
    expect(log).toEqual(['stt-start 1', 'stt-end 2.10', 'prepare i went to the shop', 'latency 400', 'stt-end 2.10', 'commit i went to the shop']);
    expect(dispatched).toEqual(['user-speech-start', 'user-speech-end']);
  });

  test('words that arrive after speculate (recognizer lag) prepare the reply again; none after the commit', async () => {
    const { floor, log, setPartial } = setup({ words: ['i went to the shop today'] });
    floor.handle(ev('user-start', 1));
    floor.partialWords('i went to the'); // no speculation yet: nothing to prepare
    setPartial('i went to the shop');
    floor.handle(ev('speculate', 2.4, 300));
    floor.partialWords('i went to the shop');
    floor.partialWords('i went to the shop today');
    floor.handle(ev('commit', 2.5, 400));
    floor.partialWords('and then');
    await settle();
    expect(log.filter((l) => /^(prepare|commit)/.test(l))).toEqual(['prepare i went to the shop', 'prepare i went to the shop today', 'commit i went to the shop today']);
  });

  test('cancel (the user went on after a pause) drops the speculation', () => {
    const { floor, log, setPartial } = setup();
    floor.handle(ev('user-start', 1));
    setPartial('so the thing is');
    floor.handle(ev('speculate', 2, 250));
    floor.handle(ev('cancel', 2.6));
    expect(log.slice(-2)).toEqual(['prepare so the thing is', 'drop']);
  });

  test('a backchannel over the companion ducks then restores the voice and never barges in', () => {
    const { floor, log, replies } = setup();
    replies.replying = true;
    floor.handle(ev('barge-in', 5));
    floor.handle(ev('backchannel', 5.5));
    expect(log).toEqual(['duck', 'unduck']);
  });

  test('sustained speech over the companion is a real barge-in', () => {
    const { floor, log, dispatched, replies } = setup();
    replies.replying = true;
    floor.handle(ev('barge-in', 5));
    floor.handle(ev('user-start', 5.7));
    expect(log).toEqual(['duck', 'unduck', 'barge-in', 'stt-start 5.7']);
    expect(dispatched).toEqual(['user-speech-start']);
  });

  test('barge-in when the companion is silent does nothing', () => {
    const { floor, log } = setup();
    floor.handle(ev('barge-in', 5));
    expect(log).toEqual([]);
  });

  test('without a recognizer a turn is detected but says why it is not answered', async () => {
    const { floor, log, dispatched } = setup({ recognizer: false });
    floor.handle(ev('user-start', 1));
    floor.handle(ev('commit', 3, 300));
    await settle();
    expect(log).toEqual(['latency 300', 'drop', 'no-words no-recognizer']);
    expect(dispatched).toEqual(['user-speech-start', 'user-speech-end']);
  });

  test('nothing recognised: back to listening, no reply', async () => {
    const { floor, log } = setup({ words: [''] });
    floor.handle(ev('user-start', 1));
    floor.handle(ev('commit', 3, 300));
    await settle();
    expect(log.slice(-2)).toEqual(['drop', 'no-words empty']);
  });

  test('words of a turn the user resumed before the answer open the next turn', async () => {
    const { floor, log } = setup({ words: ['i went to the shop', 'and bought bread'] });
    floor.handle(ev('user-start', 1));
    floor.handle(ev('commit', 3, 300));
    floor.handle(ev('user-start', 3.1)); // before takeTurn resolved
    await settle();
    floor.handle(ev('commit', 5, 300));
    await settle();
    expect(log.filter((l) => l.startsWith('commit'))).toEqual(['commit i went to the shop and bought bread']);
  });

  test('"Answer now" in a pause commits the turn at the pause\'s speech end; the detector\'s late commit is ignored', async () => {
    const { floor, log, dispatched } = setup({ words: ['i went to the shop and i was thinking', 'never asked for'] });
    expect(floor.answerNow(0.5, null)).toBe(false); // no turn open
    floor.handle(ev('user-start', 1));
    floor.handle(ev('user-pause', 4.3, 100));
    expect(floor.userTurnOpen).toBe(true);
    // The trace last showed speech at 4.2 s (before the pause began): the pause still runs.
    expect(floor.answerNow(4.9, 4.2)).toBe(true);
    await settle();
    expect(log).toEqual(['stt-start 1', 'stt-end 4.20', 'latency 700', 'stt-end 4.20', 'commit i went to the shop and i was thinking']);
    expect(floor.userTurnOpen).toBe(false);
    floor.handle(ev('commit', 5.2, 1000));
    await settle();
    expect(log.filter((l) => l.startsWith('commit'))).toHaveLength(1);
    expect(dispatched).toEqual(['user-speech-start', 'user-speech-end']);
  });

  test('"Answer now" after the user resumed ends the turn at the latest speech the trace showed', async () => {
    const { floor, log } = setup();
    floor.handle(ev('user-start', 1));
    floor.handle(ev('user-pause', 2.1, 100));
    expect(floor.answerNow(3.0, 2.8)).toBe(true);
    await settle();
    expect(log.filter((l) => /^(latency|commit)/.test(l))).toEqual(['latency 200', 'commit i went to the shop']);
  });
});

