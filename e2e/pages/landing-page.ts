import type { Locator, Page } from '@playwright/test';

export class LandingPage {
  readonly page: Page;
  readonly personaList: Locator;

  constructor(page: Page) {
    this.page = page;
    this.personaList = page.getByTestId('persona-list');
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
  }

  card(personaId: string): Locator {
    return this.page.getByTestId(`persona-${personaId}`);
  }

  async startCall(personaId: string): Promise<void> {
    await this.page.getByTestId(`start-${personaId}`).click();
  }

  async createPersona(name: string, description: string, traits: string): Promise<void> {
    await this.page.getByTestId('create-persona').click();
    await this.page.getByTestId('persona-name').fill(name);
    await this.page.getByTestId('persona-description').fill(description);
    await this.page.getByTestId('persona-traits').fill(traits);
    await this.page.getByTestId('save-persona').click();
  }
}
