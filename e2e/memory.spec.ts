import { expect, test, type Page } from '@playwright/test';
import { CallPage } from './pages/call-page';

/** One typed turn in a text call; returns the companion's reply. */
async function say(page: Page, persona: string, text: string): Promise<{ reply: string; used: string[] }> {
  const call = new CallPage(page);
  await call.goto(persona);
  await call.typeInstead();
  // The memory worker loads its sentence model at the start of a call; the HUD says when it is ready.
  await call.openHud();
  await expect(page.getByTestId('hud-memory')).toContainText('ready', { timeout: 60_000 });
  await call.sendText(text);
  await expect(call.lastCompanionCaption()).toHaveAttribute('data-final', 'true', { timeout: 30_000 });
  const reply = (await call.lastCompanionCaption().textContent()) ?? '';
  const used = await page.getByTestId('caption-used').allTextContents();
  await call.end();
  await expect(page.getByTestId('memory-save-status')).toContainText('is saved on this device', { timeout: 60_000 });
  return { reply, used };
}

test('a memory from one call comes back the next day with its date, shows in the ledger, and is gone once deleted', async ({ page }) => {
  test.setTimeout(180_000);
  // Wednesday 25 November 2026, morning.
  await page.clock.install({ time: new Date('2026-11-25T09:00:00') });
  await say(page, 'friend', 'My sister Anna is visiting on Saturday.');

  // The next day.
  await page.clock.setSystemTime(new Date('2026-11-26T09:00:00'));
  const greeting = await say(page, 'friend', 'Good morning Walter! My sister arrives soon.');
  console.log('next-day greeting:', greeting.reply, '| used:', greeting.used.join(' / '));
  expect(greeting.reply).toMatch(/Anna/);
  expect(greeting.reply).toMatch(/28|Saturday/);
  expect(greeting.used.join(' ')).toContain('Anna');

  // The ledger shows it with the quote it came from.
  await page.goto('/memories');
  const item = page.getByTestId('memory-item').filter({ hasText: 'Anna' }).first();
  await expect(item).toContainText('My sister Anna is visiting on Saturday');
  // Delete every record about Anna.
  while (await page.getByTestId('memory-item').filter({ hasText: 'Anna' }).count()) {
    await page.getByTestId('memory-item').filter({ hasText: 'Anna' }).first().getByTestId('memory-delete').click();
    await page.waitForTimeout(300);
  }
  await expect(page.getByTestId('memory-item').filter({ hasText: 'Anna' })).toHaveCount(0);

  // Never used again.
  const after = await say(page, 'friend', 'Good morning Walter! My sister arrives soon.');
  expect(after.reply).not.toMatch(/Anna/);
  expect(after.used.join(' ')).not.toContain('Anna');
});
