import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { dumpRedis, startTestRedis, type TestRedis } from '../lib/server/testing/redis-server';
import { freePort, startApp, type AppInstance } from './app-instance';
import { ChatPage } from './chat-page';
import { mockUrl } from './e2e-environment.mjs';
import { desktop, phone } from './devices';

/**
 * End-to-end encrypted sync as two people's devices use it: two browser profiles against one
 * deployment with a real Redis. One turns sync on; the other joins through the link; what one
 * does appears on the other; both edit offline and nothing is lost; a wrong key sees nothing;
 * Redis holds no message text.
 */

const code = 'sync-e2e-code-1';
const model = 'openrouter:deepseek/deepseek-r1';
let redis: TestRedis;
let app: AppInstance;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  redis = await startTestRedis();
  app = await startApp({
    port: await freePort(),
    env: {
      OPENROUTER_API_KEY: 'sk-or-sync-e2e',
      OPENROUTER_BASE_URL: `${mockUrl}/api/v1`,
      CODE: code,
      DEFAULT_MODEL: model,
      REDIS_URL: redis.url,
      SYNC_MAX_MB: '1',
    },
  });
});

test.afterAll(async () => {
  await app?.stop();
  await redis?.stop();
});

async function device(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page; chat: ChatPage }> {
  const context = await browser.newContext({ ...desktop, baseURL: app.url });
  const page = await context.newPage();
  const chat = new ChatPage(page);
  await chat.openWithCode(code, model);
  return { context, page, chat };
}

async function openSync(page: Page): Promise<void> {
  await page.getByTestId('settings-button').click();
  await page.getByTestId('sync-section').scrollIntoViewIfNeeded();
}

async function syncNow(page: Page): Promise<void> {
  await openSync(page);
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-phase', 'idle');
  await page.getByTestId('settings-close').click();
}

function item(page: Page, title: string) {
  return page.getByRole('navigation').locator('li', { has: page.getByText(title) });
}

test('two devices: create, edit, branch, delete, offline edits on both, a wrong key, no plain text', async ({
  browser,
}, info) => {
  test.setTimeout(120_000);
  const laptop = await device(browser);
  await laptop.chat.send('Plans for the garden');
  await laptop.chat.waitForAnswerStatus('done');
  await laptop.page.getByTestId('new-chat').click();
  await laptop.chat.send('Letter to the council');
  await laptop.chat.waitForAnswerStatus('done');

  // The laptop turns sync on and is shown its key, once.
  await openSync(laptop.page);
  await laptop.page.getByTestId('sync-turn-on').click();
  const secret = (await laptop.page.getByTestId('sync-secret-value').textContent()) ?? '';
  expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await laptop.page.screenshot({ path: info.outputPath('sync-key-shown.png') });
  await laptop.page.getByTestId('sync-secret-saved').click();
  await expect(laptop.page.getByTestId('sync-secret')).toHaveCount(0);
  await expect(laptop.page.getByTestId('sync-status')).toContainText('Last synced');
  await laptop.page.getByTestId('settings-close').click();

  // The phone opens the link: the key is offered, not used, and leaves the address bar.
  const phone = await device(browser);
  await phone.page.goto(`/#sync=${secret}`);
  await expect(phone.page.getByTestId('sync-offer')).toBeVisible();
  expect(phone.page.url()).not.toContain(secret);
  await phone.page.getByTestId('sync-offer-join').click();
  await expect(item(phone.page, 'Plans for the garden')).toBeVisible();
  await expect(item(phone.page, 'Letter to the council')).toBeVisible();

  // Edit (rename), branch (regenerate), delete, on the laptop; they reach the phone.
  const garden = item(laptop.page, 'Plans for the garden');
  await garden.hover();
  await garden.getByTestId('rename-conversation').click();
  await laptop.page.getByTestId('rename-input').fill('Garden, spring');
  await laptop.page.getByTestId('rename-input').press('Enter');
  await item(laptop.page, 'Garden, spring').click();
  await laptop.chat.lastAnswer.getByTestId('regenerate-message').click();
  await laptop.chat.waitForAnswerStatus('done');
  await expect(laptop.chat.lastAnswer.getByTestId('version-label')).toHaveText('2 / 2');
  const letter = item(laptop.page, 'Letter to the council');
  await letter.hover();
  await letter.getByTestId('delete-conversation').click();
  await syncNow(laptop.page);
  await syncNow(phone.page);
  await expect(item(phone.page, 'Letter to the council')).toHaveCount(0);
  await item(phone.page, 'Garden, spring').click();
  await expect(phone.chat.lastAnswer.getByTestId('version-label')).toHaveText(/\/ 2$/);

  // Both offline: the laptop renames, the phone pins and continues nothing (sending needs the
  // network); both come back and both changes are on both.
  await laptop.context.setOffline(true);
  await phone.context.setOffline(true);
  const onLaptop = item(laptop.page, 'Garden, spring');
  await onLaptop.hover();
  await onLaptop.getByTestId('rename-conversation').click();
  await laptop.page.getByTestId('rename-input').fill('Garden, summer');
  await laptop.page.getByTestId('rename-input').press('Enter');
  const onPhone = item(phone.page, 'Garden, spring');
  await onPhone.hover();
  await onPhone.getByTestId('pin-conversation').click();
  await openSync(phone.page);
  await phone.page.getByTestId('sync-now').click();
  await expect(phone.page.getByTestId('sync-status')).toHaveAttribute(
    'data-phase',
    /offline|error/,
  );
  await phone.page.getByTestId('settings-close').click();
  await laptop.context.setOffline(false);
  await phone.context.setOffline(false);
  for (let round = 0; round < 2; round += 1) {
    await syncNow(laptop.page);
    await syncNow(phone.page);
  }
  for (const page of [laptop.page, phone.page]) {
    const garden = item(page, 'Garden, summer');
    await expect(garden).toBeVisible();
    await expect(garden.getByTestId('pinned-marker')).toBeVisible();
  }
  await phone.page.screenshot({ path: info.outputPath('sync-phone-after-offline.png') });

  // Keys travel only when both devices say so.
  await openSync(laptop.page);
  await laptop.page.getByTestId('api-key-openrouter').fill('sk-own-synced-key');
  await laptop.page.getByTestId('sync-include-keys').check();
  await laptop.page.getByTestId('sync-now').click();
  await expect(laptop.page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0');
  await laptop.page.getByTestId('settings-close').click();
  await syncNow(phone.page);
  await phone.page.getByTestId('settings-button').click();
  await expect(phone.page.getByTestId('provider-state-openrouter')).not.toHaveText('Your key');
  await phone.page.getByTestId('sync-include-keys').check();
  await phone.page.getByTestId('sync-now').click();
  await expect(phone.page.getByTestId('provider-state-openrouter')).toHaveText('Your key');
  await phone.page.getByTestId('settings-close').click();

  // A wrong key sees nothing.
  const stranger = await device(browser);
  await openSync(stranger.page);
  await stranger.page.getByTestId('sync-join-key').fill('x'.repeat(42));
  await stranger.page.getByTestId('sync-join').click();
  await expect(stranger.page.getByTestId('sync-join-invalid')).toBeVisible();
  await stranger.page
    .getByTestId('sync-join-key')
    .fill(`${secret.slice(0, 42)}${secret.endsWith('A') ? 'B' : 'A'}`);
  await stranger.page.getByTestId('sync-join').click();
  await expect(stranger.page.getByTestId('sync-status')).toContainText('Last synced');
  await stranger.page.getByTestId('settings-close').click();
  await expect(stranger.page.getByTestId('conversation-item')).toHaveCount(0);

  // What Redis holds: ids, versions, ciphertext; none of the words.
  const entries = [...(await dumpRedis(redis.url))];
  const dump = entries.flat().join('\n');
  const syncDump = entries
    .filter(([key]) => key.startsWith('parley:sync:'))
    .flat()
    .join('\n');
  expect(syncDump.length).toBeGreaterThan(1_000);
  for (const words of ['garden', 'Garden', 'council', 'You said', secret]) {
    expect(dump).not.toContain(words);
  }
  // Not even which model a conversation used (the shared model catalog names models, of course).
  expect(syncDump).not.toContain('deepseek');

  // "Delete the synced copy": gone from the server, the laptop keeps its conversations.
  await openSync(laptop.page);
  await laptop.page.getByTestId('sync-delete').click();
  await laptop.page.getByTestId('sync-delete-confirm').click();
  await expect(laptop.page.getByTestId('sync-turn-on')).toBeVisible();
  await laptop.page.getByTestId('settings-close').click();
  await expect(item(laptop.page, 'Garden, summer')).toBeVisible();
  for (const one of [laptop, phone, stranger]) await one.context.close();
  // The secret never reached the server: not in a request it logged, not anywhere in its output.
  expect(app.output()).not.toContain(secret);
});

test('on a phone, the sync settings fit the screen and take a key', async ({ browser }, info) => {
  const context = await browser.newContext({ ...phone, baseURL: app.url });
  const page = await context.newPage();
  const chat = new ChatPage(page);
  await chat.openWithCode(code, model);
  await openSync(page);
  await page.getByTestId('sync-turn-on').tap();
  const secretBox = page.getByTestId('sync-secret');
  await expect(secretBox).toBeVisible();
  const box = await secretBox.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
  await page.screenshot({ path: info.outputPath('sync-phone-settings.png') });
  await page.getByTestId('sync-secret-saved').tap();
  await page.getByTestId('sync-stop').tap();
  await expect(page.getByTestId('sync-turn-on')).toBeVisible();
  await context.close();
});

test('the sync API keeps its gate: the code, the quota', async () => {
  const space = 'B'.repeat(43);
  const url = `${app.url}/api/sync/${space}`;
  expect((await fetch(url)).status).toBe(401);
  expect((await fetch(url, { headers: { 'x-access-code': 'not-the-code' } })).status).toBe(401);
  const put = (id: string) =>
    fetch(url, {
      method: 'PUT',
      headers: { 'x-access-code': code, 'content-type': 'application/json' },
      body: JSON.stringify({ records: [{ id, base: 0, data: 'a'.repeat(700_000) }] }),
    });
  expect((await put('quota-record-00001')).status).toBe(200);
  const full = await put('quota-record-00002');
  expect(full.status).toBe(413);
  expect(((await full.json()) as { error: { code: string } }).error.code).toBe(
    'sync:quota_exceeded',
  );
  // Without a store the deployment says so, and the settings show why.
  const health = (await (await fetch(`${app.url}/api/config`)).json()) as {
    syncAvailable: boolean;
  };
  expect(health.syncAvailable).toBe(true);
});
