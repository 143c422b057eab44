import { expect, test, type Page } from '@playwright/test';
import { ChatPage } from './chat-page';
import { accessCode } from './e2e-environment.mjs';
import { lastMockRequest, mockChatRequests, resetMock } from './mock-control';

test.beforeEach(async () => {
  await resetMock();
});

const model = 'openrouter:deepseek/deepseek-r1';

test('regenerate keeps the earlier answer as a version to switch back to', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, model);
  await chat.send('Version me');
  await chat.waitForAnswerStatus('done');
  await chat.lastAnswer.getByTestId('regenerate-message').click();
  await chat.waitForAnswerStatus('done');
  await expect(chat.lastAnswer.getByTestId('version-label')).toHaveText('2 / 2');
  await chat.lastAnswer.getByRole('button', { name: 'Previous version' }).click();
  await expect(chat.lastAnswer.getByTestId('version-label')).toHaveText('1 / 2');
  expect(await mockChatRequests()).toHaveLength(2);
  await page.reload();
  await expect(
    page.getByTestId('message-assistant').last().getByTestId('version-label'),
  ).toHaveText('1 / 2');
});

test('editing a question starts a new branch and keeps the old one', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, model);
  await chat.send('First wording');
  await chat.waitForAnswerStatus('done');
  const question = page.getByTestId('message-user').last();
  await question.hover();
  await question.getByTestId('edit-message').click();
  await page.getByTestId('edit-input').fill('Second wording');
  await page.getByTestId('edit-send').click();
  await chat.waitForAnswerStatus('done');
  await expect(chat.lastAnswer.getByTestId('answer')).toContainText('You said: Second wording.');
  await expect(page.getByTestId('message-user').last().getByTestId('version-label')).toHaveText(
    '2 / 2',
  );
  await page
    .getByTestId('message-user')
    .last()
    .getByRole('button', { name: 'Previous version' })
    .click();
  await expect(page.getByTestId('user-text').last()).toHaveText('First wording');
  await expect(chat.lastAnswer.getByTestId('answer')).toContainText('You said: First wording.');
});

test('copy puts the answer’s markdown on the clipboard; delete removes a message', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, model);
  await chat.send('Copy **this**');
  await chat.waitForAnswerStatus('done');
  await chat.lastAnswer.getByTestId('copy-message').click();
  await expect(chat.lastAnswer.getByTestId('copy-message')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    'Hello from the mock upstream. You said: Copy **this**. ✓',
  );
  await chat.lastAnswer.getByTestId('delete-message').click();
  await expect(page.getByTestId('message-assistant')).toHaveCount(0);
  await expect(page.getByTestId('message-user')).toHaveCount(1);
});

test('an interrupted answer can be continued where it stopped', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, 'openrouter:mock/truncated');
  await chat.send('Go on');
  await chat.waitForAnswerStatus('error');
  const partial = (await chat.lastAnswer.getByTestId('answer').textContent()) ?? '';
  await chat.lastAnswer.getByTestId('continue-message').click();
  await expect(chat.lastAnswer.getByTestId('answer')).not.toHaveText(partial);
  await expect(chat.lastAnswer.getByTestId('answer')).toContainText(partial);
  const body = (await lastMockRequest())?.body as {
    messages: Array<{ role: string; content: string }>;
  };
  expect(body.messages.at(-2)?.role).toBe('assistant');
  expect(body.messages.at(-2)?.content.trim()).toBe(partial.trim());
  expect(body.messages.at(-1)?.role).toBe('user');
});

test('a rate-limited answer offers a retry that counts down from Retry-After', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, 'openrouter:mock/error-429');
  await chat.send('Too fast');
  await chat.waitForAnswerStatus('error');
  const retry = chat.lastAnswer.getByTestId('retry-message');
  await expect(retry).toBeDisabled();
  await expect(retry).toHaveText(/Retry in [1-7] s/);
  await expect(chat.lastAnswer.getByTestId('message-error')).toContainText('Try again in 7 s');
});

test('a wrong key error links straight to the settings', async ({ page }) => {
  const chat = new ChatPage(page);
  // The operator changed the code after this chat began: the next answer says so, with the fix.
  await chat.openWithCode(accessCode, model);
  await chat.send('Hello');
  await chat.waitForAnswerStatus('done');
  await chat.setAccessCode('definitely-wrong');
  await chat.send('Hello again');
  await chat.lastAnswer.getByTestId('open-settings-fix').click();
  await expect(page.getByTestId('settings-dialog')).toBeVisible();
});

test('the system prompt and usage with timings', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, model);
  await page.getByTestId('parameters-button').click();
  await page.getByTestId('system-prompt').fill('Answer in haiku.');
  await page.getByTestId('parameters-button').click();
  await chat.send('Hello');
  await chat.waitForAnswerStatus('done');
  const body = (await lastMockRequest())?.body as {
    messages: Array<{ role: string; content: string }>;
  };
  expect(body.messages[0]).toEqual({ role: 'system', content: 'Answer in haiku.' });
  await expect(chat.lastAnswer.getByTestId('usage')).toContainText('first token');
});

test('the sidebar renames, pins, searches and deletes with undo', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, model);
  await chat.send('Alpha question');
  await chat.waitForAnswerStatus('done');
  await page.getByTestId('new-chat').click();
  await chat.send('Beta question');
  await chat.waitForAnswerStatus('done');
  const items = page.getByTestId('conversation-item');
  await expect(items).toHaveText(['Beta question', 'Alpha question']);

  const alpha = page
    .getByRole('navigation')
    .locator('li', { has: page.getByText('Alpha question') });
  await alpha.hover();
  await alpha.getByTestId('pin-conversation').click();
  await expect(items.first()).toContainText('Alpha question');

  await alpha.hover();
  await alpha.getByTestId('rename-conversation').click();
  await page.getByTestId('rename-input').fill('Renamed alpha');
  await page.getByTestId('rename-input').press('Enter');
  await expect(items.first()).toContainText('Renamed alpha');

  await page.getByTestId('conversation-search').fill('beta');
  await expect(items).toHaveText(['Beta question']);
  await page.getByTestId('conversation-search').fill('');

  const beta = page.getByRole('navigation').locator('li', { has: page.getByText('Beta question') });
  await beta.hover();
  await beta.getByTestId('delete-conversation').click();
  await expect(items).toHaveCount(1);
  await page.getByTestId('undo-delete').click();
  await expect(items).toHaveCount(2);
  await page.reload();
  await expect(page.getByTestId('conversation-item')).toHaveCount(2);
});

test('keyboard: new chat, search and composer focus', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, model);
  await chat.send('Shortcut test');
  await chat.waitForAnswerStatus('done');
  await page.keyboard.press('ControlOrMeta+Shift+O');
  await expect(page.getByTestId('message-assistant')).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+K');
  await expect(page.getByTestId('conversation-search')).toBeFocused();
  await page.getByTestId('conversation-search').blur();
  await page.keyboard.press('/');
  await expect(chat.composer).toBeFocused();
});

/** Attaches a one-pixel PNG in the composer, as a person picks a file. */
async function attachDot(page: Page): Promise<void> {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );
  await page
    .getByTestId('attach-input')
    .setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByTestId('attachments').locator('img')).toHaveCount(1);
}

test('images attach to vision models and are refused by others', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, 'openai:gpt-4.1');
  await attachDot(page);
  await chat.chooseModel('deepseek:deepseek-reasoner');
  await expect(page.getByTestId('composer-error')).toBeVisible();
  await expect(page.getByTestId('send-button')).toBeDisabled();
  await chat.chooseModel('openai:gpt-4.1');
  await chat.send('What is this?');
  await chat.waitForAnswerStatus('done');
  const body = (await lastMockRequest())?.body as {
    messages: Array<{ role: string; content: unknown }>;
  };
  const content = body.messages.at(-1)?.content as Array<{
    type: string;
    image_url?: { url: string };
  }>;
  expect(content.find((part) => part.type === 'image_url')?.image_url?.url).toMatch(
    /^data:image\/png;base64,/,
  );
  await expect(page.getByTestId('message-user').last().locator('img')).toHaveCount(1);
});

test('a router’s auto model takes an image though its list entry says nothing', async ({
  page,
}) => {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, 'orcarouter:orcarouter/auto');
  await attachDot(page);
  await expect(page.getByTestId('composer-error')).toHaveCount(0);
  await chat.send('Route this picture');
  await chat.waitForAnswerStatus('done');
  const upstream = await lastMockRequest();
  expect(upstream?.path).toBe('/v1/chat/completions');
  const content = (upstream?.body as { messages: Array<{ content: unknown }> }).messages.at(-1)
    ?.content as Array<{ type: string }>;
  expect(content.some((part) => part.type === 'image_url')).toBe(true);
});

test('two tabs see each other’s conversations, and both messages survive', async ({ context }) => {
  const first = new ChatPage(await context.newPage());
  await first.openWithCode(accessCode, model);
  // Opened after the code was entered: settings are read from this browser's storage at load.
  const second = new ChatPage(await context.newPage());
  await second.open();
  await first.send('From the first tab');
  await first.waitForAnswerStatus('done');
  await expect(second.page.getByTestId('conversation-item')).toHaveText(['From the first tab']);
  await second.page.getByTestId('conversation-item').first().click();
  await second.send('From the second tab');
  await second.waitForAnswerStatus('done');
  await expect(first.page.getByTestId('message-user')).toHaveCount(2);
  await first.page.reload();
  await expect(first.page.getByTestId('user-text')).toHaveText([
    'From the first tab',
    'From the second tab',
  ]);
});

test('the theme can be chosen and is remembered', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  await page.getByTestId('settings-button').click();
  await page.getByTestId('theme-select').selectOption('dark');
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
});
