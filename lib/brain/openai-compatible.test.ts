import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { KinError } from '../errors';
import { DEMO_PERSONAS } from '../persona/personas';
import { FallbackBrain } from './fallback-brain';
import { OfflineBrain } from './offline-brain';
import { OpenAICompatibleBrain } from './openai-compatible';
import type { BrainChunk, BrainRequest } from './types';

/** A local server speaking the OpenAI chat-completions streaming protocol, with misbehaving routes. */
let server: Server;
let base = '';
const seenBodies: Record<string, unknown>[] = [];
const seenAuth: (string | undefined)[] = [];

function sse(res: ServerResponse, events: string[], delayMs = 5) {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  let i = 0;
  const next = () => {
    if (res.destroyed) return;
    if (i >= events.length) return res.end();
    res.write(`data: ${events[i++]}\n\n`);
    setTimeout(next, delayMs);
  };
  next();
}

const delta = (content: string) => JSON.stringify({ choices: [{ delta: { content } }] });

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const prefix = req.url?.split('/')[1];
      if (raw) seenBodies.push(JSON.parse(raw));
      seenAuth.push(req.headers.authorization);
      switch (prefix) {
        case 'ok':
          return sse(res, [delta('Hello'), delta(' Sam.'), delta(' How was it?'), JSON.stringify({ choices: [], usage: { prompt_tokens: 42, completion_tokens: 6 } }), '[DONE]']);
        case 'tools':
          return sse(res, [
            JSON.stringify({ choices: [{ delta: { tool_calls: [{ index: 0, function: { name: 'remember', arguments: '{"fact":' } }] } }] }),
            JSON.stringify({ choices: [{ delta: { tool_calls: [{ index: 0, function: { arguments: '"sister Anna"}' } }] } }] }),
            '[DONE]',
          ]);
        case 'slow':
          return sse(res, Array.from({ length: 200 }, (_, i) => delta(`w${i} `)), 20);
        case 'auth':
          res.writeHead(401, { 'content-type': 'application/json' });
          return res.end('{"error":{"message":"bad key"}}');
        case 'malformed':
          return sse(res, [delta('Hi'), '{not json', '[DONE]']);
        case 'hang':
          return; // never answers
        default:
          res.writeHead(404);
          res.end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));

const request: BrainRequest = { persona: DEMO_PERSONAS[0], history: [{ role: 'user', content: 'I had an interview' }, { role: 'assistant', content: 'How did it go?' }], userText: 'It went well!', now: new Date('2026-11-25T10:00:00Z') };

async function collect(brain: { generate: (r: BrainRequest, s: AbortSignal) => AsyncIterable<BrainChunk> }, signal = new AbortController().signal) {
  const chunks: BrainChunk[] = [];
  for await (const c of brain.generate(request, signal)) chunks.push(c);
  return chunks;
}

const brainAt = (path: string, extra: Partial<ConstructorParameters<typeof OpenAICompatibleBrain>[0]> = {}) =>
  new OpenAICompatibleBrain({ baseUrl: `${base}/${path}`, model: 'test-model', apiKey: 'sk-local', transport: 'direct', ...extra });

describe('OpenAICompatibleBrain against a local streaming server', () => {
  test('streams tokens and usage, sends persona prompt, model and key', async () => {
    const chunks = await collect(brainAt('ok'));
    expect(chunks.filter((c) => c.type === 'token').map((c) => (c as { text: string }).text).join('')).toBe('Hello Sam. How was it?');
    expect(chunks.at(-1)).toEqual({ type: 'done', usage: { promptTokens: 42, completionTokens: 6 } });
    const body = seenBodies.at(-1) as { model: string; stream: boolean; messages: { role: string; content: string }[] };
    expect(body.model).toBe('test-model');
    expect(body.stream).toBe(true);
    expect(body.messages[0].content).toContain('You are Maya');
    expect(body.messages.at(-1)).toEqual({ role: 'user', content: 'It went well!' });
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(seenAuth.at(-1)).toBe('Bearer sk-local');
  });

  test('assembles streamed tool calls', async () => {
    const chunks = await collect(brainAt('tools'));
    expect(chunks).toContainEqual({ type: 'tool-call', name: 'remember', arguments: '{"fact":"sister Anna"}' });
  });

  test('stops promptly on abort', async () => {
    const controller = new AbortController();
    const started = Date.now();
    let tokens = 0;
    for await (const c of brainAt('slow').generate(request, controller.signal)) {
      if (c.type === 'token' && ++tokens === 3) controller.abort();
    }
    expect(tokens).toBeLessThanOrEqual(4);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test.each([
    ['auth', 'brain:auth'],
    ['malformed', 'brain:protocol'],
    ['missing', 'brain:protocol'],
  ])('%s → %s', async (path, code) => {
    await expect(collect(brainAt(path))).rejects.toMatchObject({ code });
  });

  test('a hanging server times out with a clear error', async () => {
    await expect(collect(brainAt('hang', { timeoutMs: 200 }))).rejects.toMatchObject({ code: 'brain:timeout' });
  });

  test('a server that is not running is unreachable', async () => {
    const brain = new OpenAICompatibleBrain({ baseUrl: 'http://127.0.0.1:9/v1', model: 'm', apiKey: '', transport: 'direct' });
    const error = await collect(brain).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KinError);
    expect((error as KinError).code).toBe('brain:unreachable');
  });

  test('with a fallback, a failing server still gets the user a built-in reply and reports why', async () => {
    const reasons: string[] = [];
    const brain = new FallbackBrain(brainAt('auth'), new OfflineBrain(0), (code) => reasons.push(code));
    const text = (await collect(brain)).filter((c) => c.type === 'token').map((c) => (c as { text: string }).text).join('');
    expect(reasons).toEqual(['brain:auth']);
    expect(text.length).toBeGreaterThan(10);
  });
});
