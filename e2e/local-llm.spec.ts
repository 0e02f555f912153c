import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { SHARED_DATA } from './fixtures/media';
import { CallPage } from './pages/call-page';

const GGUF = resolve(SHARED_DATA, 'models/stories260K/stories260K.gguf');

// The model is served by page.route, which never sees requests a service worker answers: once the
// app's service worker controls the page (a race with its install on a busy machine) the model
// fetch went past the route to the server's 404. This spec is about the loader, not offline use.
test.use({ serviceWorkers: 'block' });

// No instruct model can be downloaded here: the real loader, streaming and cancel run on the tiny
// real GGUF from ../shared (a TinyStories base model, so its replies are stories, not answers).
test('in-browser LLM: downloads with progress, streams a reply, and a new turn cancels the old one', async ({ page }) => {
  test.skip(!existsSync(GGUF), `stories260K.gguf not found at ${GGUF} (../shared absent)`);
  const model = readFileSync(GGUF);
  await page.route('**/test-models/stories260K.gguf', (route) =>
    route.fulfill({ status: 200, body: model, headers: { 'content-type': 'application/octet-stream', 'content-length': String(model.length) } }));
  await page.goto('/settings');
  await page.getByTestId('brain-local-llm').check();
  await page.getByTestId('local-model-url').fill('/test-models/stories260K.gguf');
  await expect(page.getByText('Will use stories260K.gguf')).toBeVisible();

  const call = new CallPage(page);
  await call.goto('friend');
  await call.typeInstead();
  await call.sendText('Once upon a time');
  // The reply streams in (tokens become spoken sentences and captions).
  const first = page.getByTestId('caption-companion').first();
  await expect.poll(async () => ((await first.textContent()) ?? '').replace(/^Walter/, '').trim().length, { timeout: 45_000 }).toBeGreaterThan(20);
  console.log('stories260K reply:', await first.textContent());
  await call.openHud();
  await expect(page.getByTestId('hud-brain')).toContainText('stories260K.gguf in this browser');
  await expect(page.locator('[data-testid^="notice-brain"], [data-testid="notice-model:load"]')).toHaveCount(0);
  // A new turn cancels the reply in flight at once, and the engine stays usable.
  await call.sendText('The little dog');
  await expect(first).toHaveAttribute('data-final', 'true');
  await expect(first).toContainText('—');
  const second = page.getByTestId('caption-companion').nth(1);
  await expect.poll(async () => ((await second.textContent()) ?? '').replace(/^Walter/, '').trim().length, { timeout: 45_000 }).toBeGreaterThan(20);
});
