import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { CallPage } from './pages/call-page';

/** A local OpenAI-compatible server (like Ollama or LM Studio) with CORS, started by the test. */
let server: Server;
let port = 0;
let requests = 0;

test.beforeAll(async () => {
  server = createServer((req, res) => {
    res.setHeader('access-control-allow-origin', req.headers.origin ?? '*');
    res.setHeader('access-control-allow-headers', 'content-type, authorization');
    res.setHeader('access-control-allow-methods', 'POST, OPTIONS');
    if (req.method === 'OPTIONS') return res.writeHead(204).end();
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests++;
      if (req.url?.startsWith('/broken')) return res.writeHead(500).end('{"error":{"message":"model crashed"}}');
      const { messages } = JSON.parse(body) as { messages: { role: string; content: string }[] };
      const persona = /You are (\w+)/.exec(messages[0].content)?.[1];
      const reply = `This is ${persona} from your local model. You said: ${messages.at(-1)?.content}`;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const word of reply.split(/(?<= )/)) res.write(`data: ${JSON.stringify({ choices: [{ delta: { content: word } }] })}\n\n`);
      res.end('data: [DONE]\n\n');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});

test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function useEndpoint(page: import('@playwright/test').Page, path: string) {
  await page.goto('/settings');
  await page.getByTestId('brain-openai-compatible').check();
  await page.getByLabel('Server address', { exact: true }).fill(`http://127.0.0.1:${port}${path}`);
  await page.getByLabel('Model', { exact: true }).fill('llama3.2');
}

test('a local OpenAI-compatible server answers in the call, streamed', async ({ page }) => {
  await useEndpoint(page, '/v1');
  const call = new CallPage(page);
  await call.goto('study');
  await call.typeInstead();
  await call.sendText('Quiz me on cells');
  await expect(call.lastCompanionCaption()).toContainText('This is Theo from your local model. You said: Quiz me on cells', { timeout: 20_000 });
  await call.openHud();
  await expect(page.getByTestId('hud-brain')).toContainText('llama3.2 (on this computer)');
  expect(requests).toBeGreaterThan(0);
});

test('a failing server: a clear message and the built-in brain answers', async ({ page }) => {
  await useEndpoint(page, '/broken/v1');
  const call = new CallPage(page);
  await call.goto('coach');
  await call.typeInstead();
  await call.sendText('Hello there');
  await expect(page.getByTestId('notice-brain:protocol')).toContainText('built-in brain');
  await expect(call.lastCompanionCaption()).toContainText('Maya', { timeout: 20_000 });
});
