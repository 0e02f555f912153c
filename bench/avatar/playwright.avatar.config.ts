import { defineConfig } from '@playwright/test';
import { AVATAR_CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

/**
 * Runs only e2e/avatar.spec.ts against the standalone harness (the spec builds and serves it on
 * port 3400 itself) — no Next.js server, so no production build is needed.
 *   npx playwright test -c bench/avatar/playwright.avatar.config.ts
 */
export default defineConfig({
  testDir: '../../e2e',
  testMatch: 'avatar.spec.ts',
  outputDir: './results/test-results',
  timeout: 300_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 720 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: { executablePath: CHROMIUM_PATH, args: AVATAR_CHROMIUM_ARGS },
  },
});
