import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OfflineBrain } from '../brain/offline-brain';
import { OpenAICompatibleBrain } from '../brain/openai-compatible';
import type { BrainChunk, BrainProvider, BrainRequest } from '../brain/types';
import { DEMO_PERSONAS } from '../persona/personas';
import { builtinTools } from './builtin';
import type { ConfirmationRequest } from './registry';
import { ReminderBook } from './reminders';
import { ToolBrain } from './runner';

const NOW = new Date(2026, 10, 25, 14, 0);
const unquote = (content: unknown) => String(content).replace(/^<data[^>]*>/, '').replace(/<\/data>$/, '');

function setup(inner: BrainProvider, answer = true) {
  const reminders = new ReminderBook(undefined);
  const cards: ConfirmationRequest[] = [];
  const lines: string[] = [];
  const brain = new ToolBrain(inner, {
    registry: builtinTools({ reminders }),
    confirm: async (card) => { cards.push(card); return answer; },
    transcript: (line) => lines.push(line),
    now: () => NOW,
  });
  return { brain, reminders, cards, lines };
}

const request = (userText: string): BrainRequest => ({ persona: DEMO_PERSONAS[1], history: [], userText, now: NOW });

async function reply(brain: BrainProvider, userText: string): Promise<string> {
  let text = '';
  for await (const c of brain.generate(request(userText), new AbortController().signal)) if (c.type === 'token') text += c.text;
  return text.trim();
}

describe('ToolBrain with the built-in brain (intent rules)', () => {
  test('"remind me to call Anna at 5 pm" → card → confirmed → stored, shown and said', async () => {
    const { brain, reminders, cards, lines } = setup(new OfflineBrain(0));
    const said = await reply(brain, 'remind me to call Anna at 5 pm');
    expect(cards.map((c) => c.detail)).toEqual(['call Anna — today at 17:00']);
    expect(reminders.list().map((r) => r.text)).toEqual(['call Anna']);
    expect(lines).toEqual(['reminder set: call Anna, today at 17:00']);
    expect(said).toMatch(/^Done\. I’ll remind you to call Anna (today|tomorrow) at 17:00\.$/);
  });

  test('cancelled: nothing stored, the companion says so and the conversation goes on', async () => {
    const { brain, reminders, lines } = setup(new OfflineBrain(0), false);
    expect(await reply(brain, 'remind me to call Anna at 5 pm')).toBe('Okay, I won’t do that.');
    expect(reminders.list()).toHaveLength(0);
    expect(lines).toEqual(['set_reminder cancelled']);
    expect((await reply(brain, 'I like gardening')).length).toBeGreaterThan(10);
  });

  test('ordinary talk gets an ordinary reply and no tool line', async () => {
    const { brain, lines } = setup(new OfflineBrain(0));
    expect(await reply(brain, 'I went to the market today')).toMatch(/market/);
    expect(lines).toEqual([]);
  });
});

describe('ToolBrain with an in-browser model (JSON tool calls)', () => {
  class FakeLocalModel implements BrainProvider {
    readonly id = 'local-llm';
    readonly kind = 'local-llm' as const;
    readonly label = 'fake local model';
    readonly prompts: BrainRequest[] = [];
    constructor(private readonly text: string) {}
    async *generate(r: BrainRequest): AsyncIterable<BrainChunk> {
      this.prompts.push(r);
      for (const part of this.text.match(/.{1,7}/gs) ?? []) yield { type: 'token', text: part };
      yield { type: 'done', usage: { promptTokens: 0, completionTokens: 0 } };
    }
  }

  test('the request asks for JSON; a JSON answer runs the tool and speaks its sentence', async () => {
    const model = new FakeLocalModel('{"tool": "get_datetime", "arguments": {}}');
    const { brain, lines } = setup(model);
    expect(await reply(brain, 'what time is it')).toBe('It’s 2:00 pm on Wednesday, 25 November 2026.');
    expect(model.prompts[0].toolFormat).toBe('json');
    expect(lines).toEqual(['2:00 pm, Wednesday, 25 November 2026']);
  });

  test('bad arguments are refused with a reason', async () => {
    const { brain, reminders } = setup(new FakeLocalModel('{"tool": "set_reminder", "arguments": {"text": "call Anna", "when": "whenever"}}'));
    expect(await reply(brain, 'remind me')).toBe('I couldn’t do that: I can’t tell when “whenever” is.');
    expect(reminders.list()).toHaveLength(0);
  });
});

describe('ToolBrain with an OpenAI-compatible server (native tool calls, real HTTP)', () => {
  let server: Server;
  let base = '';
  const bodies: { tools?: { function: { name: string } }[]; messages: Record<string, unknown>[] }[] = [];
  const sse = (events: unknown[]) => events.map((e) => `data: ${typeof e === 'string' ? e : JSON.stringify(e)}\n\n`).join('');

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        const body = JSON.parse(raw) as (typeof bodies)[number];
        bodies.push(body);
        const last = body.messages.at(-1)!;
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        if (last.role === 'tool') {
          // The follow-up: word the answer from the tool result the server was sent.
          // The result may arrive quoted as data (lib/guardrails): <data source="tool-result">…</data>.
          const result = JSON.parse(unquote(last.content)) as { time?: string; status?: string; reason?: string };
          const text = result.time ? `It is ${result.time} now.` : `Sorry, ${result.reason}.`;
          return res.end(sse([{ choices: [{ delta: { content: text } }] }, '[DONE]']));
        }
        const args = req.url?.includes('bad') ? '{"text": 42}' : '{}';
        const name = req.url?.includes('bad') ? 'set_reminder' : 'get_datetime';
        res.end(sse([
          { choices: [{ delta: { tool_calls: [{ index: 0, id: 'call_abc', function: { name, arguments: args.slice(0, 5) } }] } }] },
          { choices: [{ delta: { tool_calls: [{ index: 0, function: { arguments: args.slice(5) } }] } }] },
          '[DONE]',
        ]));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));

  test('tools are sent, the call runs, and the result is fed back for a follow-up completion', async () => {
    const { brain, lines } = setup(new OpenAICompatibleBrain({ baseUrl: `${base}/v1`, model: 'm', apiKey: '', transport: 'direct' }));
    expect(await reply(brain, 'what time is it?')).toBe('It is 2:00 pm now.');
    expect(bodies).toHaveLength(2);
    expect(bodies[0].tools?.map((t) => t.function.name)).toContain('set_reminder');
    const [assistant, tool] = bodies[1].messages.slice(-2);
    expect(assistant).toMatchObject({ role: 'assistant', tool_calls: [{ id: 'call_abc', type: 'function', function: { name: 'get_datetime', arguments: '{}' } }] });
    expect(tool).toMatchObject({ role: 'tool', tool_call_id: 'call_abc' });
    expect(lines).toEqual(['2:00 pm, Wednesday, 25 November 2026']);
  });

  test('bad arguments: the refusal goes back to the model and the conversation goes on', async () => {
    bodies.length = 0;
    const { brain, reminders } = setup(new OpenAICompatibleBrain({ baseUrl: `${base}/bad/v1`, model: 'm', apiKey: '', transport: 'direct' }));
    expect(await reply(brain, 'remind me')).toBe('Sorry, “text” must be text.');
    expect(JSON.parse(unquote(bodies[1].messages.at(-1)!.content))).toEqual({ status: 'refused', reason: '“text” must be text' });
    expect(reminders.list()).toHaveLength(0);
  });
});
