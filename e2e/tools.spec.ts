import { expect, test, type Page } from '@playwright/test';
import { CallPage } from './pages/call-page';

/** Sends one typed turn and waits until the companion's reply to it is final; returns the reply. */
async function turn(page: Page, call: CallPage, text: string): Promise<string> {
  const before = await page.getByTestId('caption-companion').count();
  await call.sendText(text);
  await expect(page.getByTestId('caption-companion')).toHaveCount(before + 1, { timeout: 30_000 });
  await expect(call.lastCompanionCaption()).toHaveAttribute('data-final', 'true', { timeout: 30_000 });
  return (await call.lastCompanionCaption().locator('.caption-text').textContent()) ?? '';
}

test('a reminder asked for in a call is confirmed on a card (keyboard) and listed', async ({ page }) => {
  test.setTimeout(120_000);
  const call = new CallPage(page);
  await call.goto('friend');
  await page.evaluate(() => localStorage.removeItem('kin.reminders.v1'));
  await call.typeInstead();
  await call.sendText('remind me to call Anna at 5 pm');

  const card = page.getByTestId('tool-confirmation');
  await expect(card).toBeVisible({ timeout: 30_000 });
  await expect(card).toContainText('Set a reminder?');
  await expect(page.getByTestId('tool-confirmation-detail')).toContainText(/call Anna — (today|tomorrow) at 17:00/);
  // Focus is on Confirm: the keyboard answers.
  await expect(page.getByTestId('tool-confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(card).toBeHidden();

  // The tool call is visible in the transcript, and the companion says it.
  await expect(page.getByTestId('caption-tool').last()).toContainText('reminder set: call Anna');
  await expect(call.lastCompanionCaption()).toHaveAttribute('data-final', 'true', { timeout: 30_000 });
  await expect(call.lastCompanionCaption()).toContainText('I’ll remind you to call Anna');

  await page.getByTestId('toggle-goals').click();
  await expect(page.getByTestId('reminder-item')).toHaveCount(1);
  await expect(page.getByTestId('reminder-item').first()).toContainText('call Anna');
  await expect(page.getByTestId('reminder-item').first()).toContainText('17:00');

  // Cancelling sets nothing; the conversation goes on.
  await call.sendText('remind me to water the plants in 10 minutes');
  await expect(card).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('caption-tool').last()).toContainText('set_reminder cancelled');
  await expect(page.getByTestId('reminder-item')).toHaveCount(1);
});

test('Walter asks how you slept after a few turns; answering shows progress in the goals panel, across calls', async ({ page }) => {
  test.setTimeout(180_000);
  const call = new CallPage(page);
  await call.goto('friend');
  await page.evaluate(() => localStorage.removeItem('kin.objectives.v1.friend'));
  await call.typeInstead();
  await page.getByTestId('toggle-goals').click();
  await expect(page.getByTestId('objectives-summary')).toHaveText('0 of 3 done');

  await turn(page, call, 'Hello Walter');
  await turn(page, call, 'I had some soup for lunch');
  const asked = await turn(page, call, 'The garden looks lovely today');
  expect(asked).toContain('How did you sleep last night?');
  await expect(page.getByTestId('objective-item').first()).toHaveAttribute('data-status', 'asked');
  await turn(page, call, 'I slept quite well, thank you');

  const sleep = page.getByTestId('objective-item').first();
  await expect(sleep).toHaveAttribute('data-status', 'done');
  await expect(sleep).toContainText('Ask how they slept');
  await expect(sleep).toContainText('I slept quite well');
  await expect(page.getByTestId('objectives-summary')).toHaveText('1 of 3 done');
  await page.screenshot({ path: 'test-results/tools-goals-panel.png' });

  // The next call remembers it.
  await call.end();
  await page.reload();
  await call.typeInstead();
  await page.getByTestId('toggle-goals').click();
  await expect(page.getByTestId('objective-item').first()).toHaveAttribute('data-status', 'done');
  await page.getByTestId('objectives-reset').click();
  await expect(page.getByTestId('objectives-summary')).toHaveText('0 of 3 done');
});

test('"search your documents for …" runs the knowledge tool on the persona’s pack and says what it found', async ({ page }) => {
  test.setTimeout(180_000);
  const call = new CallPage(page);
  await call.goto('friend');
  await call.typeInstead();
  await call.sendText('search your documents for how warm my living room should be');
  await expect(page.getByTestId('caption-tool').last()).toContainText(/knowledge: [1-3] passages? \(Staying well in winter/, { timeout: 60_000 });
  // The caption follows the voice; a long sentence on a busy machine takes a while to be said.
  await expect(call.lastCompanionCaption()).toContainText('18 degrees', { timeout: 90_000 });
});

test('"end the call" asks first, then the companion says goodbye and the call ends', async ({ page }) => {
  test.setTimeout(90_000);
  const call = new CallPage(page);
  await call.goto('coach');
  await call.typeInstead();
  await call.sendText('end the call');
  await expect(page.getByTestId('tool-confirmation')).toContainText('End the call?', { timeout: 30_000 });
  await page.getByTestId('tool-confirm').click();
  await expect(page.getByTestId('caption-tool').last()).toContainText('ending the call');
  await expect(page.getByTestId('call-ended')).toBeVisible({ timeout: 30_000 });
});

test('a reminder that falls due shows as an alert on any page of the app', async ({ page }) => {
  test.setTimeout(90_000);
  await page.clock.install({ time: new Date('2026-11-25T16:00:00') });
  const call = new CallPage(page);
  await call.goto('friend');
  await page.evaluate(() => localStorage.removeItem('kin.reminders.v1'));
  await call.typeInstead();
  await call.sendText('remind me to stretch my legs in 2 minutes');
  await page.getByTestId('tool-confirm').click({ timeout: 30_000 });
  await expect(page.getByTestId('caption-tool').last()).toContainText('reminder set: stretch my legs');
  await call.end();
  await page.goto('/');
  await expect(page.getByTestId('reminder-alerts')).toHaveCount(0);
  await page.clock.fastForward('03:00');
  await expect(page.getByTestId('reminder-alerts')).toContainText('Reminder: stretch my legs', { timeout: 20_000 });
});
