import { expect, test } from '@playwright/test';
import { ChatPage } from './chat-page';
import { accessCode, serverKeys } from './e2e-environment.mjs';
import {
  lastMockRequest,
  mockChatRequests,
  mockRequests,
  mockStats,
  resetMock,
} from './mock-control';

test.beforeEach(async () => {
  await resetMock();
});

test('streams the reasoning into its own panel, then the answer, and keeps the chat after a reload', async ({
  page,
}) => {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, 'openrouter:mock/slow-reasoning');
  await chat.send('Hello Parley');

  // While the model thinks: the panel is open, with a timer, and no answer yet.
  await expect(chat.reasoningPanel).toHaveAttribute('data-state', 'open');
  await expect(chat.reasoningPanel.getByTestId('reasoning-toggle')).toContainText(/Thinking/);
  await expect(chat.lastAnswer.getByTestId('answer')).toHaveCount(0);
  await expect(chat.reasoningPanel.getByTestId('reasoning-text')).toContainText('The user said');

  // The answer streams in; the panel closes itself and says how long the model thought.
  await expect(chat.lastAnswer.getByTestId('answer')).toContainText(
    'Hello from the mock upstream.',
  );
  await expect(chat.reasoningPanel).toHaveAttribute('data-state', 'closed');
  await chat.waitForAnswerStatus('done');
  await expect(chat.lastAnswer.getByTestId('answer')).toHaveText(
    'Hello from the mock upstream. You said: Hello Parley. ✓',
  );
  await expect(chat.reasoningPanel.getByTestId('reasoning-toggle')).toHaveText(/Thought for \d+ s/);
  await expect(chat.lastAnswer.getByTestId('answer')).not.toContainText('I should answer briefly');

  // The gateway used the server key and attribution; nothing of the browser's leaked upstream.
  const upstream = await lastMockRequest();
  expect(upstream?.path).toBe('/api/v1/chat/completions');
  expect(upstream?.headers.authorization).toBe(`Bearer ${serverKeys.openrouter}`);
  expect(upstream?.headers['http-referer']).toBe('https://parley.example');
  expect(upstream?.headers['x-title']).toBe('Parley E2E');
  expect(upstream?.headers['x-access-code']).toBeUndefined();
  expect(upstream?.headers.cookie).toBeUndefined();

  await page.reload();
  await expect(page.getByTestId('conversation-item').first()).toHaveText('Hello Parley');
  await expect(chat.lastAnswer.getByTestId('answer')).toHaveText(
    'Hello from the mock upstream. You said: Hello Parley. ✓',
  );
  await expect(chat.reasoningPanel).toHaveAttribute('data-state', 'closed');
  await chat.reasoningPanel.getByTestId('reasoning-toggle').click();
  await expect(chat.reasoningPanel.getByTestId('reasoning-text')).toHaveText(
    'The user said "Hello Parley". I should answer briefly.',
  );
});

test('a reload mid-stream keeps the text received, marked interrupted, without asking again', async ({
  page,
}) => {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, 'openrouter:mock/slow-reasoning');
  await chat.send('Reload me');
  await expect(chat.lastAnswer.getByTestId('answer')).toContainText('Hello from the');
  // The partial answer is saved at least twice a second.
  await page.waitForTimeout(600);
  await page.reload();
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'interrupted');
  await expect(chat.lastAnswer.getByTestId('answer')).toContainText('Hello from the');
  await expect(chat.lastAnswer.getByTestId('message-interrupted')).toBeVisible();
  await expect(page.getByTestId('send-button')).toBeVisible();
  expect(await mockChatRequests()).toHaveLength(1);
});

test('reasoning sent both as text and as reasoning_details is shown once', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, 'openrouter:deepseek/deepseek-r1-reasoning-details');
  await chat.send('Twice?');
  await chat.waitForAnswerStatus('done');
  await chat.reasoningPanel.getByTestId('reasoning-toggle').click();
  await expect(chat.reasoningPanel.getByTestId('reasoning-text')).toHaveText(
    'The user said "Twice?". I should answer briefly.',
  );
  await expect(chat.lastAnswer.getByTestId('usage')).toContainText('out');
});

test('a follow-up sends the earlier exchange as context, without the reasoning', async ({
  page,
}) => {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, 'openrouter:deepseek/deepseek-r1');
  await chat.send('First question');
  await chat.waitForAnswerStatus('done');
  await chat.send('Second question');
  await expect(page.getByTestId('message-assistant')).toHaveCount(2);
  await chat.waitForAnswerStatus('done');
  const body = (await lastMockRequest())?.body as {
    messages: Array<{ role: string; content: string }>;
  };
  expect(body.messages).toEqual([
    { role: 'user', content: 'First question' },
    { role: 'assistant', content: 'Hello from the mock upstream. You said: First question. ✓' },
    { role: 'user', content: 'Second question' },
  ]);
});

test('a wrong access code shows the localised error and never reaches the provider', async ({
  page,
}) => {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.setAccessCode('not-the-code');
  // Refused before a message is written: the first step asks again, saying why.
  await expect(page.getByTestId('first-run-code-refused')).toContainText(
    'This code was not accepted',
  );
  await chat.send('Let me in');
  await expect(page.getByTestId('message-user')).toHaveCount(0);
  expect(await mockRequests()).toHaveLength(0);
});

test.describe('in Simplified Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the browser language picks the locale, and errors are localised', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await expect(page.getByTestId('new-chat')).toHaveText('新对话');
    // A chat begun with the right code, then the code changed: the refusal is in Chinese.
    await chat.setAccessCode(accessCode);
    await chat.chooseModel('openrouter:deepseek/deepseek-r1');
    await chat.send('你好');
    await chat.waitForAnswerStatus('done');
    await chat.setAccessCode('not-the-code');
    await chat.send('你好');
    await expect(chat.lastAnswer.getByTestId('message-error')).toContainText('访问码不正确');
  });
});

test('without a code or a key the first step asks for the code, and nothing is sent', async ({
  page,
}) => {
  const chat = new ChatPage(page);
  await chat.open();
  await expect(page.getByTestId('first-run')).toHaveAttribute('data-step', 'code');
  await chat.send('Anyone there?');
  await expect(page.getByTestId('message-user')).toHaveCount(0);
  expect(await mockChatRequests()).toHaveLength(0);
});

test("a user's own key goes upstream as is, instead of the server's", async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.setOwnKey('openrouter', 'sk-or-user-own-key');
  await chat.chooseModel('openrouter:deepseek/deepseek-r1');
  await chat.send('My key please');
  await chat.waitForAnswerStatus('done');
  expect((await lastMockRequest())?.headers.authorization).toBe('Bearer sk-or-user-own-key');
});

test('an upstream error shows its meaning and the provider’s words', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, 'openrouter:mock/error-402');
  await chat.send('Pay up');
  const error = chat.lastAnswer.getByTestId('message-error');
  await expect(error).toHaveAttribute('data-code', 'upstream:payment_required');
  await expect(error).toContainText('no credits');
});

test('a stream cut off mid-answer keeps the partial text and says so', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, 'openrouter:mock/truncated');
  await chat.send('Go on');
  await chat.waitForAnswerStatus('error');
  await expect(chat.lastAnswer.getByTestId('answer')).toContainText('Hello');
  await expect(chat.lastAnswer.getByTestId('message-error')).toHaveAttribute(
    'data-code',
    'stream:interrupted',
  );
});

test('stop ends the answer and the upstream request', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, 'openrouter:mock/slow-reasoning');
  await chat.send('Talk slowly');
  await expect(chat.reasoningPanel).toBeVisible();
  await page.getByTestId('stop-button').click();
  await chat.waitForAnswerStatus('stopped');
  await expect.poll(async () => (await mockStats()).aborted).toBe(1);
  expect((await mockStats()).open).toBe(0);
});

test('switching the language changes the interface without a reload, and is remembered', async ({
  page,
}) => {
  const chat = new ChatPage(page);
  await chat.open();
  await expect(page.getByTestId('new-chat')).toHaveText('New chat');
  await page.getByTestId('language-select').selectOption('zh-CN');
  await expect(page.getByTestId('new-chat')).toHaveText('新对话');
  await expect(page.getByTestId('settings-button')).toHaveText('设置');
  await page.reload();
  await expect(page.getByTestId('new-chat')).toHaveText('新对话');
});
