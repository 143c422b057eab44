import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ChatPage } from './chat-page';
import { accessCode, mockUrl } from './e2e-environment.mjs';
import { lastMockRequest, resetMock } from './mock-control';

test.beforeEach(async () => {
  await resetMock();
});

/** Each provider configured through the panel with the user's own key and address. */
const ownProviders = [
  {
    id: 'openai',
    model: 'openai:gpt-4.1',
    base: `${mockUrl}/own-openai/v1`,
    path: '/own-openai/v1/chat/completions',
    header: ['authorization', 'Bearer sk-own-openai'],
  },
  {
    id: 'anthropic',
    model: 'anthropic:claude-sonnet-4-5',
    base: `${mockUrl}/own-anthropic`,
    path: '/own-anthropic/v1/messages',
    header: ['x-api-key', 'sk-own-anthropic'],
  },
  {
    id: 'google',
    model: 'google:gemini-2.5-flash',
    base: `${mockUrl}/own-google`,
    path: '/own-google/v1beta/models/gemini-2.5-flash:streamGenerateContent',
    header: ['x-goog-api-key', 'sk-own-google'],
  },
  {
    id: 'deepseek',
    model: 'deepseek:deepseek-chat',
    base: `${mockUrl}/own-deepseek`,
    path: '/own-deepseek/chat/completions',
    header: ['authorization', 'Bearer sk-own-deepseek'],
  },
  {
    id: 'xai',
    model: 'xai:grok-4',
    base: `${mockUrl}/own-xai/v1`,
    path: '/own-xai/v1/chat/completions',
    header: ['authorization', 'Bearer sk-own-xai'],
  },
  {
    id: 'orcarouter',
    model: 'orcarouter:openai/gpt-5.1',
    base: `${mockUrl}/own-orca/v1`,
    path: '/own-orca/v1/chat/completions',
    header: ['authorization', 'Bearer sk-own-orcarouter'],
  },
] as const;

for (const provider of ownProviders) {
  test(`${provider.id} configured in the panel with the user's own key and address`, async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    await chat.open();
    // An own address goes through the gateway only with the deployment's code.
    await chat.setAccessCode(accessCode);
    await page.getByTestId('settings-button').click();
    await page.getByTestId(`api-key-${provider.id}`).fill(`sk-own-${provider.id}`);
    await page.getByTestId(`base-url-${provider.id}`).fill(provider.base);
    await expect(page.getByTestId(`provider-state-${provider.id}`)).toHaveText('Your key');
    await page.getByTestId('settings-close').click();
    await chat.chooseModel(provider.model);
    await chat.send(`Hello ${provider.id}`);
    await chat.waitForAnswerStatus('done');
    await expect(chat.lastAnswer.getByTestId('answer')).toContainText(
      `You said: Hello ${provider.id}.`,
    );
    const upstream = await lastMockRequest();
    expect(upstream?.path).toBe(provider.path);
    expect(upstream?.headers[provider.header[0]]).toBe(provider.header[1]);
  });
}

test('the access code is checked against the server', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.setAccessCode('a-wrong-code-here');
  await page.getByTestId('settings-button').click();
  await page.getByTestId('check-access-code').click();
  await expect(page.getByTestId('access-code-state')).toHaveAttribute('data-state', 'wrong');
  await page.getByTestId('access-code-input').fill(accessCode);
  await page.getByTestId('check-access-code').click();
  await expect(page.getByTestId('access-code-state')).toHaveAttribute('data-state', 'accepted');
});

test('preferences: Ctrl+Enter to send, reasoning collapsed, reset', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, 'openrouter:deepseek/deepseek-r1');
  await page.getByTestId('settings-button').click();
  // The same model from two providers reads differently in the default-model list.
  const defaultModel = page.getByTestId('default-model');
  await expect(defaultModel.locator('option[value="openrouter:openai/gpt-5.1"]')).toHaveText(
    /· OpenRouter$/,
  );
  await expect(defaultModel.locator('option[value="orcarouter:openai/gpt-5.1"]')).toHaveText(
    /· OrcaRouter$/,
  );
  await page.getByTestId('send-key').selectOption('modifier-enter');
  await page.getByTestId('reasoning-display').selectOption('collapsed');
  await page.getByTestId('settings-close').click();
  await chat.composer.fill('Line one');
  await chat.composer.press('Enter');
  await expect(page.getByTestId('message-user')).toHaveCount(0);
  await chat.composer.press('ControlOrMeta+Enter');
  await chat.waitForAnswerStatus('done');
  await expect(chat.reasoningPanel).toHaveAttribute('data-state', 'closed');
  await page.getByTestId('settings-button').click();
  await page.getByTestId('reset-preferences').click();
  await expect(page.getByTestId('send-key')).toHaveValue('enter');
});

test('settings export leaves keys out unless ticked, and import restores them', async ({
  page,
}) => {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.setOwnKey('openrouter', 'sk-or-exported');
  await page.getByTestId('settings-button').click();
  const [plain] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-settings').click(),
  ]);
  expect(readFileSync((await plain.path()) ?? '', 'utf8')).not.toContain('sk-or-exported');
  await page.getByTestId('include-keys').check();
  const [withKeys] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-settings').click(),
  ]);
  const text = readFileSync((await withKeys.path()) ?? '', 'utf8');
  expect(text).toContain('sk-or-exported');
  await page.getByTestId('api-key-openrouter').fill('');
  await page
    .getByTestId('import-settings')
    .setInputFiles({ name: 's.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('settings-status')).toHaveText('Settings imported.');
  await expect(page.getByTestId('api-key-openrouter')).toHaveValue('sk-or-exported');
});

test('clear all data asks first, then leaves nothing behind', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, 'openrouter:deepseek/deepseek-r1');
  await chat.send('Forget me');
  await chat.waitForAnswerStatus('done');
  await page.getByTestId('settings-button').click();
  page.once('dialog', (dialog) => void dialog.dismiss());
  await page.getByTestId('clear-all').click();
  await expect(page.getByTestId('conversation-item')).toHaveCount(1);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('clear-all').click();
  await page.waitForLoadState('load');
  await expect(page.getByTestId('conversation-item')).toHaveCount(0);
  await page.getByTestId('settings-button').click();
  await expect(page.getByTestId('access-code-input')).toHaveValue('');
});

test('a default model for new chats, Azure deployments typed in, and an Anthropic thinking budget', async ({
  page,
}) => {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, 'openrouter:deepseek/deepseek-r1');
  await page.getByTestId('settings-button').click();
  await page.getByTestId('option-azure-deployments').fill('team-gpt, team-mini');
  await page.getByTestId('option-anthropic-thinkingBudget').selectOption('tokens16384');
  await page.getByTestId('default-model').selectOption('anthropic:claude-opus-4-7');
  await page.getByTestId('settings-close').click();
  await expect(
    page.locator('[data-testid=model-picker] option[value="azure:team-mini"]'),
  ).toHaveCount(1);
  // New chats start with the default, whatever was picked last.
  await page.getByTestId('new-chat').click();
  await expect(page.getByTestId('model-picker')).toHaveValue('anthropic:claude-opus-4-7');
  await page.getByTestId('parameters-button').click();
  await page.getByTestId('reasoning-effort').selectOption('low');
  await page.getByTestId('parameters-button').click();
  await chat.send('Think with my budget');
  await chat.waitForAnswerStatus('done');
  const body = (await lastMockRequest())?.body as {
    thinking: { budget_tokens: number };
    max_tokens: number;
  };
  expect(body.thinking.budget_tokens).toBe(16384);
  expect(body.max_tokens).toBeGreaterThan(16384);
});
