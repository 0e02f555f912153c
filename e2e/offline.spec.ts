import { expect, test } from '@playwright/test';
import { CallPage } from './pages/call-page';
import { LandingPage } from './pages/landing-page';

test('after one online visit the app starts offline and says what works', async ({ page, context }) => {
  const landing = new LandingPage(page);
  await landing.goto();
  // The service worker installs (precaching the app shell) and takes control.
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    return registration.active?.state;
  });
  await context.setOffline(true);
  await page.reload();
  await expect(landing.personaList.getByRole('listitem')).toHaveCount(4);
  await expect(page.getByTestId('offline-banner')).toContainText('built-in brain');

  // A call with the built-in brain works offline.
  await landing.startCall('friend');
  const call = new CallPage(page);
  await call.typeInstead();
  await call.waitConnected();
  await call.sendText('Hello, it is a rainy day');
  await expect(call.lastCompanionCaption()).toHaveAttribute('data-final', 'true', { timeout: 20_000 });
  await expect(call.lastCompanionCaption()).toContainText('Walter');

  // Settings open offline too.
  await page.goto('/settings');
  await expect(page.getByTestId('settings-form')).toBeVisible();
  await context.setOffline(false);
});
