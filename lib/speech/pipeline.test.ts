import { describe, expect, test } from 'vitest';
import { FakeVoice } from './fake-voice';
import { SpeechPipeline } from './pipeline';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SpeechPipeline', () => {
  test('plays chunks in order and synthesizes the next while the previous plays', async () => {
    const voice = new FakeVoice(5, 20);
    const pipeline = new SpeechPipeline(voice, new AbortController().signal);
    const chunks = ['one two three four,', 'five six seven eight nine ten.', 'eleven twelve.'];
    for (const chunk of chunks) pipeline.add(chunk, (prepared) => prepared.play(new AbortController().signal));
    await pipeline.done;
    expect(voice.texts('play-end')).toEqual(chunks);
    const at = (kind: string, text: string) => voice.events.find((e) => e.kind === kind && e.text === text)!.atMs;
    // Chunk 2 was ready before chunk 1 finished playing: no synthesis gap between them.
    expect(at('synth-end', chunks[1])).toBeLessThan(at('play-end', chunks[0]));
    expect(at('play-start', chunks[1]) - at('play-end', chunks[0])).toBeLessThan(15);
  });

  test('held: only the first chunk is synthesized and nothing plays before release', async () => {
    const voice = new FakeVoice(2, 5);
    let open: () => void = () => undefined;
    const gate = new Promise<void>((r) => (open = r));
    const signal = new AbortController().signal;
    const pipeline = new SpeechPipeline(voice, signal, { held: true, after: gate });
    pipeline.add('first clause here,', (p) => p.play(signal));
    pipeline.add('and the rest of it.', (p) => p.play(signal));
    await wait(40);
    expect(voice.texts('synth-end')).toEqual(['first clause here,']);
    expect(voice.texts('play-start')).toEqual([]);
    pipeline.release();
    open();
    await pipeline.done;
    expect(voice.texts('play-end')).toEqual(['first clause here,', 'and the rest of it.']);
    expect(voice.texts('synth-start')).toEqual(['first clause here,', 'and the rest of it.']);
  });

  test('abort: the playing chunk stops and later chunks are neither synthesized nor played', async () => {
    const voice = new FakeVoice(20, 40);
    const controller = new AbortController();
    const pipeline = new SpeechPipeline(voice, controller.signal);
    for (const chunk of ['a b c', 'd e f g h i j k', 'l m n o p q r s t u v w']) pipeline.add(chunk, (p) => p.play(controller.signal));
    await wait(90); // 'a b c' is playing, 'd…k' is being synthesized
    expect(voice.texts('play-start')).toEqual(['a b c']);
    const aborted = Date.now();
    controller.abort();
    await pipeline.done;
    expect(Date.now() - aborted).toBeLessThan(150);
    expect(voice.texts('play-stopped')).toEqual(['a b c']);
    await wait(200);
    expect(voice.texts('play-start')).toEqual(['a b c']);
    expect(voice.texts('synth-dropped')).toEqual(['l m n o p q r s t u v w']);
  });

  test('prefetchFirst: a matching first chunk reuses the early synthesis; a different one discards it unplayed', async () => {
    const voice = new FakeVoice(5, 5);
    const signal = new AbortController().signal;
    const kept = new SpeechPipeline(voice, signal);
    kept.prefetchFirst('Well, I hear you,');
    await wait(30);
    kept.add('Well, I hear you,', (p) => p.play(signal));
    kept.add('and that matters.', (p) => p.play(signal));
    await kept.done;
    expect(voice.texts('synth-start')).toEqual(['Well, I hear you,', 'and that matters.']);
    expect(voice.texts('play-end')).toEqual(['Well, I hear you,', 'and that matters.']);

    const other = new FakeVoice(5, 5);
    const changed = new SpeechPipeline(other, signal);
    changed.prefetchFirst('I am a person,');
    changed.prefetchFirst('ignored: only one guess');
    changed.add('I’m an AI, not a person.', (p) => p.play(signal));
    await changed.done;
    await wait(30);
    expect(other.texts('play-start')).toEqual(['I’m an AI, not a person.']);
    expect(other.texts('synth-start')).not.toContain('ignored: only one guess');
  });
});
