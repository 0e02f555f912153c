import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './fixtures/console';
import { haveRecordedMedia, NO_MEDIA_REASON } from './fixtures/media';
import { CallPage } from './pages/call-page';
import { LandingPage } from './pages/landing-page';

const SHOTS = resolve(__dirname, '../docs/screenshots');
mkdirSync(SHOTS, { recursive: true });

const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** Nothing may stick out sideways at this size. */
async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

for (const size of SIZES) {
  test.describe(`${size.name} ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('landing page', async ({ page }) => {
      const errors = collectErrors(page);
      await new LandingPage(page).goto();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoHorizontalScroll(page);
      await page.screenshot({ path: `${SHOTS}/landing-${size.name}.png`, fullPage: size.name === 'desktop' });
      expect(errors).toEqual([]);
    });

    test('call', async ({ page }) => {
      test.skip(!haveRecordedMedia(), NO_MEDIA_REASON);
      const errors = collectErrors(page);
      const call = new CallPage(page);
      await call.goto('friend');
      await expect(call.permissionScreen).toBeVisible();
      await expectNoHorizontalScroll(page);
      await page.screenshot({ path: `${SHOTS}/permission-${size.name}.png` });
      await call.allowMedia();
      await call.waitConnected();
      await call.sendText('Hi Walter! I baked bread today.');
      await expect(call.lastCompanionCaption()).toHaveAttribute('data-final', 'true', { timeout: 20_000 });
      // Controls and captions are on screen without scrolling.
      await expect(page.getByTestId('end-call')).toBeInViewport();
      await expect(call.lastCompanionCaption()).toBeInViewport();
      await expectNoHorizontalScroll(page);
      await page.screenshot({ path: `${SHOTS}/call-${size.name}.png` });
      await call.openHud();
      await page.waitForTimeout(600);
      // The live part (floor trace, turn latencies) is the first thing in the details, on a phone too,
      // and the controls stay reachable to close them.
      await expect(page.getByRole('img', { name: /Floor probability/ })).toBeInViewport();
      await expect(page.getByTestId('end-call')).toBeInViewport();
      await page.screenshot({ path: `${SHOTS}/call-hud-${size.name}.png` });
      expect(errors).toEqual([]);
    });

    test('settings', async ({ page }) => {
      const errors = collectErrors(page);
      await page.goto('/settings');
      await expect(page.getByTestId('settings-capabilities')).toBeVisible();
      await expectNoHorizontalScroll(page);
      await page.screenshot({ path: `${SHOTS}/settings-${size.name}.png`, fullPage: true });
      expect(errors).toEqual([]);
    });
  });
}
