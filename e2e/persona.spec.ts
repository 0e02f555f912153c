import { expect, test } from '@playwright/test';
import { CallPage } from './pages/call-page';
import { LandingPage } from './pages/landing-page';

test('the companion adapts to a tired user who wants short answers, and the HUD says why', async ({ page }) => {
  const call = new CallPage(page);
  await call.goto('listener');
  await call.typeInstead();
  await call.waitConnected();
  await call.sendText('I am so tired today. Please keep your answers short.');
  await expect(call.lastCompanionCaption()).not.toHaveText('', { timeout: 20_000 });
  await call.openHud();
  const hud = page.getByTestId('hud-adaptation');
  await expect(hud).toContainText('shorter replies', { timeout: 20_000 });
  await expect(hud).toContainText('slower voice');
  await expect(hud).toContainText('because: you seem tired; you prefer brevity');
  // The check is recorded when the reply has been spoken (eSpeak at Noor's slowed rate, on a busy machine).
  await expect(hud).toContainText('last reply in style', { timeout: 60_000 });
  // Noor is calm: no exclamation marks, and the reply fits the shortened band.
  const reply = (await call.lastCompanionCaption().textContent()) ?? '';
  expect(reply).not.toContain('!');
  expect(reply.split(/\s+/).length).toBeLessThanOrEqual(20);
});

test('a custom companion gets its trait vector from the sliders', async ({ page }) => {
  const landing = new LandingPage(page);
  await landing.goto();
  await page.getByTestId('create-persona').click();
  await page.getByTestId('persona-name').fill('Quill');
  await page.getByTestId('persona-description').fill('A formal, quiet librarian.');
  await page.getByTestId('trait-energy').fill('0');
  await page.getByTestId('trait-formality').fill('100');
  await page.getByTestId('trait-verbosity').fill('0');
  await expect(page.getByTestId('trait-preview')).toHaveText('Replies of up to 14 words in 2 sentences, no exclamation marks, no slang.');
  await page.getByTestId('save-persona').click();
  await expect(page.getByText('Quill was saved on this device.')).toBeVisible();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('kin.personas') ?? '{}'));
  const quill = stored.state.custom.find((p: { name: string }) => p.name === 'Quill');
  expect(quill.traitVector).toMatchObject({ energy: 0, formality: 1, verbosity: 0 });
});
