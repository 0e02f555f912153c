import { expect, type Locator, type Page } from '@playwright/test';

export class CallPage {
  readonly page: Page;
  readonly permissionScreen: Locator;
  readonly callScreen: Locator;
  readonly status: Locator;
  readonly captions: Locator;
  readonly hud: Locator;

  constructor(page: Page) {
    this.page = page;
    this.permissionScreen = page.getByTestId('permission-screen');
    this.callScreen = page.getByTestId('call-screen');
    this.status = page.getByTestId('status-line');
    this.captions = page.getByTestId('captions');
    this.hud = page.getByTestId('debug-hud');
  }

  async goto(personaId: string): Promise<void> {
    await this.page.goto(`/call/${personaId}`);
  }

  async allowMedia(): Promise<void> {
    await this.page.getByTestId('allow-media').click();
    await expect(this.callScreen).toBeVisible();
  }

  /** Opens the call page for `personaId`, allows camera and mic and waits until connected. */
  async connect(personaId: string): Promise<void> {
    await this.goto(personaId);
    await this.allowMedia();
    await this.waitConnected();
  }

  async typeInstead(): Promise<void> {
    await this.page.getByTestId('text-only').click();
    await expect(this.callScreen).toBeVisible();
  }

  /** Waits until the call reached listening (media opened or degraded). */
  async waitConnected(): Promise<void> {
    await expect(this.status).toHaveAttribute('data-phase', /listening|user-speaking|thinking|speaking/, { timeout: 20_000 });
  }

  async openHud(): Promise<void> {
    if (!(await this.hud.isVisible())) await this.page.getByTestId('toggle-hud').click();
    await expect(this.hud).toBeVisible();
  }

  async videoFramesSent(): Promise<number> {
    return Number(await this.page.getByTestId('hud-video-frames').textContent());
  }

  async micLevel(): Promise<number> {
    return Number(await this.page.getByTestId('mic-level').getAttribute('data-level'));
  }

  async sendText(text: string): Promise<void> {
    if (!(await this.page.getByTestId('message-input').isVisible())) await this.page.getByTestId('toggle-text').click();
    await this.page.getByTestId('message-input').fill(text);
    await this.page.getByTestId('message-input').press('Enter');
  }

  lastCompanionCaption(): Locator {
    return this.page.getByTestId('caption-companion').last();
  }

  async end(): Promise<void> {
    await this.page.getByTestId('end-call').click();
    await expect(this.page.getByTestId('call-ended')).toBeVisible();
  }
}
