import { expect, test } from '@playwright/test';
import { ChatPage } from './chat-page';
import { accessCode, appPort, mockUrl, serverKeys } from './e2e-environment.mjs';
import { lastMockRequest, resetMock } from './mock-control';

test.beforeEach(async () => {
  await resetMock();
});

const reasoningChats = [
  {
    protocol: 'Anthropic messages',
    model: 'anthropic:claude-opus-4-7',
    path: '/v1/messages',
    key: ['x-api-key', serverKeys.anthropic],
  },
  {
    protocol: 'Gemini streamGenerateContent',
    model: 'google:gemini-2.5-pro',
    path: '/v1beta/models/gemini-2.5-pro:streamGenerateContent',
    key: ['x-goog-api-key', serverKeys.google],
  },
  {
    protocol: 'DeepSeek reasoning_content',
    model: 'deepseek:deepseek-reasoner',
    path: '/deepseek/chat/completions',
    key: ['authorization', `Bearer ${serverKeys.deepseek}`],
  },
  {
    protocol: 'OrcaRouter',
    model: 'orcarouter:deepseek/deepseek-r1',
    path: '/v1/chat/completions',
    key: ['authorization', `Bearer ${serverKeys.orcarouter}`],
  },
  {
    protocol: 'Ollama think tags',
    model: 'ollama:qwen3-think-tags',
    path: '/ollama/v1/chat/completions',
    key: ['authorization', undefined],
  },
  {
    protocol: 'an OpenAI-compatible endpoint',
    model: 'openai-compatible:mock/compat-reasoning-content',
    path: '/compatible/v1/chat/completions',
    key: ['authorization', `Bearer ${serverKeys.compatible}`],
  },
] as const;

for (const { protocol, model, path, key } of reasoningChats) {
  test(`a chat over ${protocol} shows the reasoning apart from the answer`, async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.openWithCode(accessCode, model);
    await chat.send(`Hello over ${protocol}`);
    await chat.waitForAnswerStatus('done');
    await expect(chat.lastAnswer.getByTestId('answer')).toHaveText(
      `Hello from the mock upstream. You said: Hello over ${protocol}. ✓`,
    );
    await chat.reasoningPanel.getByTestId('reasoning-toggle').click();
    await expect(chat.reasoningPanel.getByTestId('reasoning-text')).toHaveText(
      `The user said "Hello over ${protocol}". I should answer briefly.`,
    );
    const upstream = await lastMockRequest();
    expect(upstream?.path).toBe(path);
    expect(upstream?.headers[key[0]]).toBe(key[1]);
  });
}

const plainChats = [
  { model: 'openai:gpt-4.1', path: '/v1/chat/completions', key: `Bearer ${serverKeys.openai}` },
  { model: 'xai:grok-4', path: '/xai/v1/chat/completions', key: `Bearer ${serverKeys.xai}` },
] as const;

for (const { model, path, key } of plainChats) {
  test(`a chat with ${model} streams the answer through its provider`, async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.openWithCode(accessCode, model);
    await chat.send(`Hello ${model}`);
    await chat.waitForAnswerStatus('done');
    await expect(chat.lastAnswer.getByTestId('answer')).toHaveText(
      `Hello from the mock upstream. You said: Hello ${model}. ✓`,
    );
    const upstream = await lastMockRequest();
    expect(upstream?.path).toBe(path);
    expect(upstream?.headers.authorization).toBe(key);
  });
}

test('Azure legacy deployments get the deployment in the path, the api-key header and the API version', async ({
  page,
}) => {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, 'azure:my-gpt-deployment');
  await chat.send('Hello Azure');
  await chat.waitForAnswerStatus('done');
  await expect(chat.lastAnswer.getByTestId('answer')).toContainText('You said: Hello Azure.');
  const upstream = await lastMockRequest();
  expect(upstream?.path).toBe('/openai/deployments/my-gpt-deployment/chat/completions');
  expect(upstream?.headers['api-key']).toBe(serverKeys.azure);
  expect(upstream?.headers.authorization).toBeUndefined();
  expect((upstream as unknown as { query: Record<string, string> }).query['api-version']).toBe(
    '2024-10-21',
  );
});

test('a reasoning model on OrcaRouter works with the temperature control untouched, and hides it', async ({
  page,
}) => {
  const chat = new ChatPage(page);
  // A temperature chosen for a model that takes one must not follow the chat to one that rejects it.
  await chat.openWithCode(accessCode, 'openai:gpt-4.1');
  await page.getByTestId('parameters-button').click();
  await page.getByTestId('temperature-input').fill('0.4');
  await chat.chooseModel('orcarouter:anthropic/claude-opus-4.7');
  await expect(page.getByTestId('temperature-control')).toHaveCount(0);
  await expect(page.getByTestId('reasoning-effort')).toBeVisible();
  await chat.send('Think hard');
  await chat.waitForAnswerStatus('done');
  const body = (await lastMockRequest())?.body as Record<string, unknown>;
  expect(body.model).toBe('anthropic/claude-opus-4.7');
  expect(body.temperature).toBeUndefined();
});

test('the reasoning effort control reaches each provider in its own spelling', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, 'openrouter:deepseek/deepseek-r1');
  await page.getByTestId('parameters-button').click();
  await page.getByTestId('reasoning-effort').selectOption('high');
  await chat.send('Effort please');
  await chat.waitForAnswerStatus('done');
  expect(((await lastMockRequest())?.body as Record<string, unknown>).reasoning).toEqual({
    effort: 'high',
  });
});

test('when a router falls back, the answer says which model actually answered', async ({
  page,
}) => {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, 'openrouter:mock/fail-first');
  await chat.send('Fallback please');
  await chat.waitForAnswerStatus('done');
  await expect(chat.lastAnswer.getByTestId('response-model')).toHaveText(
    'Answered by deepseek/deepseek-r1',
  );
  expect(((await lastMockRequest())?.body as Record<string, unknown>).models).toEqual([
    'mock/fail-first',
    'deepseek/deepseek-r1',
  ]);
});

test('"show reasoning" off hides the panel but keeps the reasoning', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, 'deepseek:deepseek-reasoner');
  await page.getByTestId('settings-button').click();
  await page.getByTestId('reasoning-display').selectOption('hidden');
  await page.getByTestId('settings-close').click();
  await chat.send('Quietly');
  await chat.waitForAnswerStatus('done');
  await expect(chat.reasoningPanel).toHaveCount(0);
  await page.getByTestId('settings-button').click();
  await page.getByTestId('reasoning-display').selectOption('shown');
  await page.getByTestId('settings-close').click();
  await chat.reasoningPanel.getByTestId('reasoning-toggle').click();
  await expect(chat.reasoningPanel.getByTestId('reasoning-text')).toContainText(
    'The user said "Quietly"',
  );
});

test('the picker lists models discovered with the server keys', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.setAccessCode(accessCode);
  // Only the live Gemini list has this model; it appears once the catalog is fetched.
  await expect(
    page.locator('[data-testid=model-picker] option[value="google:gemini-2.5-flash"]'),
  ).toHaveCount(1);
  await expect
    .poll(async () => page.locator('[data-testid=model-picker] option').count())
    .toBeGreaterThan(30);
});

test('a user adds their own endpoint, chats through it with their key, and removes it', async ({
  page,
}) => {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.setAccessCode(accessCode);
  await page.getByTestId('settings-button').click();
  await page.getByTestId('add-endpoint').click();
  const first = page.getByTestId('endpoint').first();
  await first.getByTestId('endpoint-name').fill('My lab');
  await first.getByTestId('endpoint-base-url').fill(`${mockUrl}/lab/v1`);
  await first.getByTestId('endpoint-key').fill('sk-lab-user');
  await first.getByTestId('endpoint-headers').fill('X-Team: blue\nCookie: stolen=1');
  await first.getByTestId('endpoint-models').fill('mock/lab-reasoning-content');
  // A second endpoint lists its models itself.
  await page.getByTestId('add-endpoint').click();
  const second = page.getByTestId('endpoint').nth(1);
  await second.getByTestId('endpoint-name').fill('Discovered');
  await second.getByTestId('endpoint-base-url').fill(`${mockUrl}/other/v1`);
  await second.getByTestId('endpoint-key').fill('sk-other-user');
  await page.getByTestId('settings-close').click();

  const picker = page.getByTestId('model-picker');
  await expect(picker.locator('optgroup[label="Discovered"] option')).not.toHaveCount(0);
  const value = await picker
    .locator('optgroup[label="My lab"] option')
    .first()
    .getAttribute('value');
  await picker.selectOption(value ?? '');
  await chat.send('Through my lab');
  await chat.waitForAnswerStatus('done');
  await expect(chat.lastAnswer.getByTestId('answer')).toContainText('You said: Through my lab.');
  const upstream = await lastMockRequest();
  expect(upstream?.path).toBe('/lab/v1/chat/completions');
  expect(upstream?.headers.authorization).toBe('Bearer sk-lab-user');
  expect(upstream?.headers['x-team']).toBe('blue');
  expect(upstream?.headers.cookie).toBeUndefined();

  await page.getByTestId('settings-button').click();
  await page.getByTestId('endpoint').first().getByTestId('remove-endpoint').click();
  await page.getByTestId('settings-close').click();
  await expect(picker.locator('optgroup[label="My lab"]')).toHaveCount(0);
});

test('OpenRouter routing preferences and fallbacks set in the settings reach the request', async ({
  page,
}) => {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, 'openrouter:deepseek/deepseek-r1');
  await page.getByTestId('settings-button').click();
  await page.getByTestId('option-openrouter-sort').selectOption('throughput');
  await page.getByTestId('option-openrouter-dataCollection').selectOption('deny');
  await page.getByTestId('option-openrouter-providerOnly').fill('anthropic, google-vertex');
  await page
    .getByTestId('option-openrouter-fallbackModels')
    .fill('anthropic/claude-opus-4.7, openai/gpt-5.1');
  await page.getByTestId('settings-close').click();
  await chat.send('Route me');
  await chat.waitForAnswerStatus('done');
  const body = (await lastMockRequest())?.body as Record<string, unknown>;
  // `only` travels with an order (OpenRouter may ignore it alone).
  expect(body.provider).toEqual({
    order: ['anthropic', 'google-vertex'],
    only: ['anthropic', 'google-vertex'],
    sort: 'throughput',
    data_collection: 'deny',
  });
  expect(body.models).toEqual([
    'deepseek/deepseek-r1',
    'anthropic/claude-opus-4.7',
    'openai/gpt-5.1',
  ]);
});

test('a browser-direct endpoint is called by the browser itself, not through the gateway', async ({
  page,
}) => {
  const chat = new ChatPage(page);
  await chat.open();
  await page.getByTestId('settings-button').click();
  await page.getByTestId('add-endpoint').click();
  const endpoint = page.getByTestId('endpoint').first();
  await endpoint.getByTestId('endpoint-name').fill('My laptop');
  await endpoint.getByTestId('endpoint-base-url').fill(`${mockUrl}/laptop/v1`);
  await endpoint.getByTestId('endpoint-models').fill('mock/laptop-reasoning-content');
  await endpoint.getByTestId('endpoint-direct').check();
  await page.getByTestId('settings-close').click();
  const picker = page.getByTestId('model-picker');
  const value = await picker
    .locator('optgroup[label="My laptop"] option')
    .first()
    .getAttribute('value');
  await picker.selectOption(value ?? '');
  await chat.send('Straight from the browser');
  await chat.waitForAnswerStatus('done');
  await expect(chat.lastAnswer.getByTestId('answer')).toContainText(
    'You said: Straight from the browser.',
  );
  const upstream = await lastMockRequest();
  expect(upstream?.path).toBe('/laptop/v1/chat/completions');
  // Only a browser sends these; a request relayed by the gateway would carry neither.
  expect(upstream?.headers.origin).toBe(`http://127.0.0.1:${appPort}`);
  expect(upstream?.headers['sec-fetch-mode']).toBe('cors');
});
