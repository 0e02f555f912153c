import { expect, test } from '@playwright/test';
import { collectErrors } from './fixtures/console';
import { CHROMIUM_PATH, chromiumArgs } from './fixtures/media';
import { CallPage } from './pages/call-page';

// No fake-UI flag: headless Chromium denies any permission not granted to the context.
test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: chromiumArgs({ fakeUi: false }) } });

test('camera denied → a voice call with a note on how to re-enable', async ({ page, context }) => {
  const errors = collectErrors(page);
  await context.grantPermissions(['microphone']);
  const call = new CallPage(page);
  await call.goto('listener');
  await call.allowMedia();
  await call.waitConnected();
  await expect(page.getByTestId('notice-media:camera-denied')).toContainText('voice call');
  await expect(page.getByTestId('notice-media:camera-denied')).toContainText('site settings');
  await expect(call.status).toContainText('Camera blocked');
  await expect(call.status).toContainText('Mic on');
  await expect(page.getByTestId('self-view')).toContainText('No camera');
  expect(errors.filter((e) => !/Permission|NotAllowed/i.test(e))).toEqual([]);
});

test('mic denied → a text call, and it goes on', async ({ page, context }) => {
  await context.grantPermissions(['camera']);
  const call = new CallPage(page);
  await call.goto('coach');
  await call.allowMedia();
  await call.waitConnected();
  await expect(page.getByTestId('notice-media:mic-denied')).toContainText('type instead');
  await expect(call.status).toContainText('Mic blocked');
  await expect(page.getByTestId('message-input')).toBeVisible();
  await call.sendText('I feel nervous about my interview');
  await expect(call.lastCompanionCaption()).toHaveAttribute('data-final', 'true', { timeout: 20_000 });
  await expect(call.lastCompanionCaption()).not.toHaveText('…');
});

test('both denied → text chat', async ({ page }) => {
  const errors = collectErrors(page);
  const call = new CallPage(page);
  await call.goto('study');
  await call.allowMedia();
  await call.waitConnected();
  await expect(page.getByTestId('notice-media:camera-denied')).toBeVisible();
  await expect(page.getByTestId('notice-media:mic-denied')).toBeVisible();
  await call.sendText('What is photosynthesis?');
  await expect(call.lastCompanionCaption()).toContainText('question', { timeout: 20_000 });
  expect(errors.filter((e) => !/Permission|NotAllowed/i.test(e))).toEqual([]);
});

test('"Type instead" never asks for devices', async ({ page }) => {
  const call = new CallPage(page);
  await call.goto('friend');
  await call.typeInstead();
  await call.waitConnected();
  await expect(call.status).toContainText('Mic off');
  await expect(page.locator('[data-testid^="notice-media"]')).toHaveCount(0);
  await expect(page.getByTestId('message-input')).toBeFocused();
});
