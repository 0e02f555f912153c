import { describe, expect, test } from 'vitest';
import { defineTool, ToolRegistry } from './registry';
import { toJsonSchema, validate } from './schema';

const echo = defineTool({
  name: 'echo',
  description: 'Echoes text',
  parameters: { text: { type: 'string', description: 't', minLength: 1, maxLength: 10 }, times: { type: 'number', description: 'n', integer: true, minimum: 1, maximum: 3, optional: true } },
  result: { said: { type: 'string', description: 's' } },
  run: ({ text, times }) => ({ said: text.repeat(times ?? 1) }),
  say: (r) => r.said,
  caption: (r) => `echo ${r.said}`,
});

describe('schema validation', () => {
  test.each([
    [{ text: 'hi' }, true, ''],
    [{ text: '  hi  ', extra: 1 }, true, ''],
    [{}, false, '“text” is missing'],
    [{ text: 5 }, false, '“text” must be text'],
    [{ text: '' }, false, '“text” is empty'],
    [{ text: 'x'.repeat(11) }, false, 'longer than 10'],
    [{ text: 'a', times: 1.5 }, false, 'whole number'],
    [{ text: 'a', times: 9 }, false, 'at most 3'],
    [[1], false, 'not an object'],
  ])('%j → ok=%s', (value, ok, reason) => {
    const result = validate(echo.parameters, value);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.reason).toContain(reason);
    else expect(result.value).toEqual({ text: 'hi', ...((value as { times?: number }).times ? { times: (value as { times: number }).times } : {}) });
  });

  test('exports JSON Schema for function calling', () => {
    expect(toJsonSchema(echo.parameters)).toEqual({
      type: 'object',
      properties: { text: { type: 'string', description: 't', minLength: 1, maxLength: 10 }, times: { type: 'integer', description: 'n', minimum: 1, maximum: 3 } },
      required: ['text'],
      additionalProperties: false,
    });
  });
});

describe('ToolRegistry', () => {
  const registry = new ToolRegistry();
  registry.register(echo);

  test('runs a valid call and returns what to say and show', async () => {
    expect(await registry.call('echo', '{"text":"ab","times":2}')).toEqual({ status: 'ok', tool: 'echo', result: { said: 'abab' }, say: 'abab', caption: 'echo abab' });
  });

  test.each([
    ['nope', '{}', 'no tool called'],
    ['echo', '{not json', 'not valid JSON'],
    ['echo', '{"text":""}', 'empty'],
  ])('%s(%s) is refused with a reason the companion can say', async (name, args, reason) => {
    const outcome = await registry.call(name, args);
    expect(outcome.status).toBe('refused');
    expect(outcome.say).toContain(reason);
  });

  test('a tool that throws or returns a bad result fails without throwing', async () => {
    const r = new ToolRegistry();
    r.register(defineTool({ ...echo, name: 'boom', run: () => { throw new Error('disk on fire'); } }));
    r.register(defineTool({ ...echo, name: 'liar', run: () => ({ said: 42 as unknown as string }) }));
    expect(await r.call('boom', { text: 'a' })).toMatchObject({ status: 'failed', reason: 'disk on fire' });
    expect(await r.call('liar', { text: 'a' })).toMatchObject({ status: 'failed', reason: expect.stringContaining('bad result') });
  });

  test('rejects bad names and duplicates', () => {
    expect(() => registry.register(echo)).toThrow(/twice/);
    expect(() => registry.register({ ...echo, name: 'Bad Name' })).toThrow(/snake_case/);
  });
});

describe('confirmation flow', () => {
  const effects: string[] = [];
  const risky = defineTool({
    ...echo,
    name: 'risky',
    confirm: ({ text }) => ({ title: 'Do it?', detail: text, confirmLabel: 'Do it' }),
    run: ({ text }) => { effects.push(text); return { said: text }; },
  });
  const registry = new ToolRegistry();
  registry.register(risky);

  test('confirmed: the card shows the details, then it runs', async () => {
    const cards: unknown[] = [];
    const outcome = await registry.call('risky', { text: 'go' }, { confirm: async (card) => { cards.push(card); return true; } });
    expect(cards).toEqual([{ tool: 'risky', title: 'Do it?', detail: 'go', confirmLabel: 'Do it' }]);
    expect(outcome.status).toBe('ok');
    expect(effects).toEqual(['go']);
  });

  test('cancelled, aborted or without a way to ask: nothing happens', async () => {
    effects.length = 0;
    expect((await registry.call('risky', { text: 'a' }, { confirm: async () => false })).status).toBe('cancelled');
    const controller = new AbortController();
    const pending = registry.call('risky', { text: 'b' }, { signal: controller.signal, confirm: (_c, signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve(true))) });
    controller.abort();
    expect((await pending).status).toBe('cancelled');
    expect((await registry.call('risky', { text: 'c' })).status).toBe('refused');
    expect(effects).toEqual([]);
  });
});
