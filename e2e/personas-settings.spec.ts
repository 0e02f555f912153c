import { expect, test } from '@playwright/test';
import { CallPage } from './pages/call-page';
import { LandingPage } from './pages/landing-page';

test('create your own companion: validation, saved locally, callable, deletable', async ({ page }) => {
  const landing = new LandingPage(page);
  await landing.goto();
  await page.getByTestId('create-persona').click();
  await page.getByTestId('save-persona').click();
  await expect(page.getByText('Give your companion a name.')).toBeVisible();
  await page.getByTestId('persona-name').fill('Ada');
  await page.getByTestId('persona-description').fill('A patient maths tutor. Loves puzzles.');
  await page.getByTestId('persona-traits').fill('patient, precise');
  await page.getByTestId('save-persona').click();
  await expect(page.getByText('Ada was saved on this device.')).toBeVisible();
  await page.reload();
  const card = page.locator('[data-testid^="persona-my-ada-"]');
  await expect(card).toContainText('A patient maths tutor.');
  await card.getByRole('link', { name: 'Start call with Ada' }).click();
  const call = new CallPage(page);
  await call.typeInstead();
  await call.sendText('Hello!');
  await expect(call.lastCompanionCaption()).toContainText('Ada', { timeout: 20_000 });
  await landing.goto();
  page.once('dialog', (d) => d.accept());
  await page.locator('[data-testid^="persona-my-ada-"]').getByRole('button', { name: 'Delete Ada' }).click();
  await expect(page.locator('[data-testid^="persona-my-ada-"]')).toHaveCount(0);
});

test('an unknown companion link explains itself', async ({ page }) => {
  await page.goto('/call/nobody-here');
  await expect(page.getByRole('heading', { name: 'We couldn’t find this companion' })).toBeVisible();
});

test('settings persist across reloads, and corrupted storage is kept aside with a message', async ({ page }) => {
  await page.goto('/settings');
  await page.getByTestId('brain-openai-compatible').check();
  await page.getByTestId('privacy-remember').uncheck();
  await expect(page.getByTestId('settings-saved')).toHaveText('Saved on this device.');
  await page.reload();
  await expect(page.getByTestId('brain-openai-compatible')).toBeChecked();
  await expect(page.getByTestId('privacy-remember')).not.toBeChecked();
  await page.evaluate(() => localStorage.setItem('kin.settings', '{broken'));
  await page.reload();
  await expect(page.getByTestId('app-notice-storage:corrupt')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('kin.settings.corrupt'))).toBe('{broken');
  await expect(page.getByTestId('brain-builtin')).toBeChecked();
});

test('a model that cannot be loaded falls back to the built-in brain visibly, never silently', async ({ page }) => {
  await page.goto('/settings');
  await page.getByTestId('brain-local-llm').check();
  await page.getByTestId('local-model-url').fill('/test-models/missing.gguf');
  const call = new CallPage(page);
  await call.goto('coach');
  await call.typeInstead();
  await call.sendText('Hello there');
  await expect(page.getByTestId('notice-model:load')).toContainText('built-in brain', { timeout: 30_000 });
  await expect(call.lastCompanionCaption()).toContainText('Maya', { timeout: 30_000 });
});
