import { expect, type Locator, type Page } from '@playwright/test';

/** The chat screen as a user sees it; specs speak in these verbs, not in selectors. */
export class ChatPage {
  readonly composer: Locator;
  readonly lastAnswer: Locator;
  readonly reasoningPanel: Locator;

  constructor(readonly page: Page) {
    this.composer = page.getByTestId('composer-input');
    this.lastAnswer = page.getByTestId('message-assistant').last();
    this.reasoningPanel = this.lastAnswer.getByTestId('reasoning-panel');
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.composer).toBeVisible();
    await expect(this.page.getByTestId('model-picker')).toBeEnabled();
  }

  /** Opens the chat with the access code entered and a model chosen: the usual start of a spec. */
  async openWithCode(code: string, model: string): Promise<void> {
    await this.open();
    await this.setAccessCode(code);
    await this.chooseModel(model);
  }

  async setAccessCode(code: string): Promise<void> {
    await this.page.getByTestId('settings-button').click();
    await this.page.getByTestId('access-code-input').fill(code);
    await this.page.getByTestId('settings-close').click();
  }

  async setOwnKey(provider: string, key: string): Promise<void> {
    await this.page.getByTestId('settings-button').click();
    await this.page.getByTestId(`api-key-${provider}`).fill(key);
    await this.page.getByTestId('settings-close').click();
  }

  async chooseModel(reference: string): Promise<void> {
    await this.page.getByTestId('model-picker').selectOption(reference);
  }

  async send(text: string): Promise<void> {
    await this.composer.fill(text);
    await this.composer.press('Enter');
  }

  async waitForAnswerStatus(status: string): Promise<void> {
    await expect(this.lastAnswer).toHaveAttribute('data-status', status);
  }
}
