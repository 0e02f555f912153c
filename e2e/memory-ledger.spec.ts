import { expect, test, type Page } from '@playwright/test';
import { CallPage } from './pages/call-page';

async function typedTurn(page: Page, call: CallPage, text: string): Promise<void> {
  await call.sendText(text);
  await expect(call.lastCompanionCaption()).toHaveAttribute('data-final', 'true', { timeout: 30_000 });
}

test('pause memory mid-call keeps later turns out of the ledger; a memory can be edited and scoped to one companion', async ({ page }) => {
  test.setTimeout(180_000);
  await page.clock.install({ time: new Date('2026-11-25T09:00:00') });
  const call = new CallPage(page);
  await call.goto('friend');
  await call.typeInstead();
  await call.openHud();
  await expect(page.getByTestId('hud-memory')).toContainText('ready', { timeout: 60_000 });
  await typedTurn(page, call, 'My sister Anna is visiting on Saturday.');

  // Incognito from here on, by keyboard.
  const toggle = page.getByTestId('toggle-memory-pause');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('memory-paused')).toHaveText('Not remembering this call.');
  await typedTurn(page, call, 'I am secretly applying for a job at the circus.');
  await call.end();
  await expect(page.getByTestId('memory-save-status')).toContainText('Memory was paused', { timeout: 60_000 });

  await page.goto('/memories');
  const anna = page.getByTestId('memory-item').filter({ hasText: 'My sister Anna is visiting on Saturday' }).first();
  await expect(anna).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('memory-item').filter({ hasText: 'circus' })).toHaveCount(0);

  // Edit: keyboard only (Ctrl+Enter saves); the ledger shows the new text and the edit note, and search finds it.
  await anna.getByTestId('memory-edit').click();
  const box = page.getByTestId('memory-edit-text');
  await box.fill('Anna (my sister) comes for the harpsichord concert on Sunday.');
  await box.press('Control+Enter');
  const edited = page.getByTestId('memory-item').filter({ hasText: 'harpsichord concert' }).first();
  await expect(edited).toBeVisible();
  await expect(edited.getByTestId('memory-edited')).toContainText('edited by you');
  await expect(page.getByTestId('memory-status')).toHaveText('Memory updated.');

  // Scope it to the companion it was said to, then share it again.
  await expect(edited.getByTestId('memory-scope')).toContainText('all companions');
  await edited.getByTestId('memory-scope-only').click();
  await expect(edited.getByTestId('memory-scope')).toContainText('only for Walter');
  await page.getByTestId('memory-persona-filter').selectOption('none');
  await expect(page.getByTestId('memory-item').filter({ hasText: 'harpsichord' })).toHaveCount(0);
  await page.getByTestId('memory-persona-filter').selectOption('friend');
  await expect(page.getByTestId('memory-item').filter({ hasText: 'harpsichord' })).toHaveCount(1);
  await edited.getByTestId('memory-scope-all').click();
  await expect(edited.getByTestId('memory-scope')).toContainText('all companions');
});
