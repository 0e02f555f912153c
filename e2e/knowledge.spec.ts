import { expect, test } from '@playwright/test';
import { makePdf } from '../lib/knowledge/test-pdf';
import { CallPage } from './pages/call-page';

test('a PDF added on /knowledge is indexed, answers a typed question in a call with its source, and the source opens', async ({ page, context }) => {
  test.setTimeout(240_000);
  const pdf = makePdf(
    [
      [20, 'Lighthouse Rules'],
      [11, 'Rules for the keepers of the North Point light.'],
      [16, 'Lamp hours'],
      [11, 'The lamp is lit at sunset and put out at sunrise.'],
      [11, 'The keeper winds the clockwork every four hours through the night.'],
      [16, 'Visitors'],
      [11, 'Visitors may climb the tower on Sundays between two and four.'],
    ],
    'Lighthouse Rules',
  );
  await page.goto('/knowledge');
  await page.getByTestId('knowledge-persona').selectOption('coach');
  await page.getByTestId('knowledge-file-input').setInputFiles({ name: 'lighthouse.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
  await expect(page.getByTestId('knowledge-job').first()).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('knowledge-doc').filter({ hasText: 'Lighthouse Rules' })).toContainText('pdf');
  // A broken file fails on its own with a clear message; the list is unchanged.
  await page.getByTestId('knowledge-file-input').setInputFiles({ name: 'broken.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 not really') });
  await expect(page.getByTestId('knowledge-job').nth(1)).toHaveAttribute('data-state', 'error', { timeout: 60_000 });
  await expect(page.getByTestId('knowledge-job').nth(1)).toContainText('could not be read');
  await expect(page.getByTestId('knowledge-doc').filter({ hasText: 'Lighthouse Rules' })).toHaveCount(1);

  const call = new CallPage(page);
  await call.goto('coach');
  await call.typeInstead();
  await call.openHud();
  await expect(page.getByTestId('hud-memory')).toContainText('ready', { timeout: 90_000 });
  // The knowledge worker loads its model beside the memory worker; the first turns may come before it is ready.
  let reply = '';
  for (let attempt = 0; attempt < 4 && !/According to/.test(reply); attempt++) {
    await call.sendText('When is the lamp lit?');
    await expect(call.lastCompanionCaption()).toHaveAttribute('data-final', 'true', { timeout: 30_000 });
    reply = (await call.lastCompanionCaption().textContent()) ?? '';
  }
  expect(reply).toMatch(/According to Lighthouse Rules \(Lamp hours\): The lamp is lit at sunset/);
  const source = call.lastCompanionCaption().getByTestId('caption-sources').getByRole('link');
  await expect(source).toHaveText('Lighthouse Rules › Lamp hours');
  const [opened] = await Promise.all([context.waitForEvent('page'), source.click()]);
  await opened.waitForLoadState();
  expect(opened.url()).toMatch(/\/knowledge\?doc=coach%3A[0-9a-f]+#coach%3A[0-9a-f]+%23\d+$/);
  await expect(opened.getByTestId('knowledge-preview')).toContainText('The lamp is lit at sunset', { timeout: 60_000 });
});
