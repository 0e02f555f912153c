import type { Locator, Page } from '@playwright/test';
import { CallPage } from './call-page';

/** Connects a call with `personaId` (camera and mic allowed) and shows its perception panel; returns the panel. */
export async function openPerceptionPanel(page: Page, personaId: string): Promise<Locator> {
  await new CallPage(page).connect(personaId);
  await page.getByTestId('toggle-perception').click();
  return page.getByTestId('perception-panel');
}
