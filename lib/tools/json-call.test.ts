import { describe, expect, test } from 'vitest';
import type { BrainChunk } from '../brain/types';
import { extractToolCall, jsonToolInstructions, splitJsonToolCalls } from './json-call';
import { builtinTools } from './builtin';
import { ReminderBook } from './reminders';

const NAMES = ['get_datetime', 'set_reminder'];

describe('extractToolCall (tolerant)', () => {
  test.each([
    ['{"tool": "get_datetime", "arguments": {}}', 'get_datetime', {}],
    ['```json\n{"tool":"set_reminder","arguments":{"text":"call Anna","when":"5pm"}}\n```', 'set_reminder', { text: 'call Anna', when: '5pm' }],
    ["{'name': 'set_reminder', 'args': {'text': 'call Anna', 'when': '5pm',},}", 'set_reminder', { text: 'call Anna', when: '5pm' }],
    ['{tool: "set_reminder", parameters: {text: "tea", when: "in 5 minutes"}}', 'set_reminder', { text: 'tea', when: 'in 5 minutes' }],
    ['Sure! {"function": {"name": "get_datetime", "arguments": "{}"}} done', 'get_datetime', {}],
    ['{"tool":"set_reminder","arguments":{"text":"say \\"hi\\" {now}","when":"5pm"}}', 'set_reminder', { text: 'say "hi" {now}', when: '5pm' }],
  ])('%s', (text, name, args) => {
    const call = extractToolCall(text, NAMES);
    expect(call?.name).toBe(name);
    expect(JSON.parse(call!.arguments)).toEqual(args);
  });

  test.each(['Hello there!', '{"tool": "format_disk", "arguments": {}}', '{"tool": "get_datetime"', '{}'])('no call in %j', (text) => {
    expect(extractToolCall(text, NAMES)).toBeNull();
  });

  test('the prompt lists every tool with its arguments', () => {
    const text = jsonToolInstructions(builtinTools({ reminders: new ReminderBook(undefined) }).specs());
    expect(text).toContain('- set_reminder:');
    expect(text).toContain('"text": "…", "when": "…"');
    expect(text).toContain('reply with only a JSON object');
  });
});

async function* tokens(parts: string[]): AsyncIterable<BrainChunk> {
  for (const text of parts) yield { type: 'token', text };
  yield { type: 'done', usage: { promptTokens: 1, completionTokens: parts.length } };
}
async function collect(stream: AsyncIterable<BrainChunk>): Promise<BrainChunk[]> {
  const out: BrainChunk[] = [];
  for await (const c of stream) out.push(c);
  return out;
}

describe('splitJsonToolCalls', () => {
  test('a JSON reply becomes a tool call and is not spoken', async () => {
    const out = await collect(splitJsonToolCalls(tokens([' {"tool": "get', '_datetime", "arguments": {}}']), NAMES));
    expect(out).toEqual([{ type: 'tool-call', name: 'get_datetime', arguments: '{}' }, { type: 'done', usage: { promptTokens: 1, completionTokens: 2 } }]);
  });

  test('ordinary text streams through unchanged', async () => {
    const out = await collect(splitJsonToolCalls(tokens(['Hello', ' there {not a call}']), NAMES));
    expect(out.filter((c) => c.type === 'token').map((c) => (c as { text: string }).text).join('')).toBe('Hello there {not a call}');
  });
});
