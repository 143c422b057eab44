import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ChatPage } from './chat-page';
import { accessCode } from './e2e-environment.mjs';
import { resetMock } from './mock-control';

test.beforeEach(async () => {
  await resetMock();
});

const now = Date.UTC(2026, 10, 1);
/** A conversation as the first version of Parley stored it: one linear list, no parents. */
const versionOneRecord = {
  id: 'seeded-v1',
  title: 'From the first version',
  model: 'openrouter:deepseek/deepseek-r1',
  createdAt: now,
  updatedAt: now,
  messages: [
    { id: 'u1', role: 'user', content: 'Old question', status: 'done', createdAt: now },
    { id: 'a1', role: 'assistant', content: 'Old answer', status: 'done', createdAt: now + 1 },
  ],
};

/** Writes IndexedDB the way an older (or newer) Parley left it, before the app opens it. */
async function seedDatabase(page: Page, version: number, record: unknown): Promise<void> {
  await page.goto('/robots.txt');
  await page.evaluate(
    ({ version, record }) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('parley', version);
        request.onupgradeneeded = () => request.result.createObjectStore('conversations');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const database = request.result;
          const transaction = database.transaction('conversations', 'readwrite');
          transaction.objectStore('conversations').put(record, (record as { id: string }).id);
          transaction.oncomplete = () => {
            database.close();
            resolve();
          };
        };
      }),
    { version, record },
  );
}

test('conversations from the first version are migrated, with a backup kept', async ({ page }) => {
  await seedDatabase(page, 1, versionOneRecord);
  const chat = new ChatPage(page);
  await chat.open();
  await expect(page.getByTestId('conversation-item')).toHaveText(['From the first version']);
  await expect(page.getByTestId('user-text')).toHaveText(['Old question']);
  await expect(chat.lastAnswer.getByTestId('answer')).toHaveText('Old answer');
  const stores = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const request = indexedDB.open('parley');
        request.onsuccess = () => {
          resolve([...request.result.objectStoreNames]);
          request.result.close();
        };
      }),
  );
  expect(stores).toContain('backup-v1');
});

test('data from a newer version is shown read-only, with a banner', async ({ page }) => {
  await seedDatabase(page, 99, { ...versionOneRecord, title: 'From the future' });
  const chat = new ChatPage(page);
  await chat.open();
  await expect(page.getByTestId('storage-banner')).toBeVisible();
  await expect(page.getByTestId('conversation-item')).toHaveText(['From the future']);
});

test('when storage is full the chat keeps working in memory and says so', async ({ page }) => {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
      if ((window as unknown as { fullStorage?: boolean }).fullStorage) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    };
  });
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, 'openrouter:deepseek/deepseek-r1');
  await page.evaluate(() => ((window as unknown as { fullStorage?: boolean }).fullStorage = true));
  await chat.send('No room left');
  await chat.waitForAnswerStatus('done');
  await expect(page.getByTestId('storage-banner')).toBeVisible();
  await expect(chat.lastAnswer.getByTestId('answer')).toContainText('You said: No room left.');
});

test('export all and import back merges by id without duplicates', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, 'openrouter:deepseek/deepseek-r1');
  await chat.send('Keep me');
  await chat.waitForAnswerStatus('done');
  await page.getByTestId('settings-button').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-all').click(),
  ]);
  const exported = readFileSync((await download.path()) ?? '', 'utf8');
  expect(JSON.parse(exported)).toMatchObject({ app: 'parley', kind: 'conversations' });
  expect(exported).not.toContain(accessCode);
  await page.getByTestId('import-input').setInputFiles({
    name: 'export.json',
    mimeType: 'application/json',
    buffer: Buffer.from(exported),
  });
  await expect(page.getByTestId('import-status')).toHaveText('Nothing new to import.');
  await page.getByTestId('settings-close').click();
  const item = page.getByRole('navigation').locator('li', { has: page.getByText('Keep me') });
  await item.hover();
  await item.getByTestId('delete-conversation').click();
  await expect(page.getByTestId('conversation-item')).toHaveCount(0);
  await page.getByTestId('settings-button').click();
  await page.getByTestId('import-input').setInputFiles({
    name: 'export.json',
    mimeType: 'application/json',
    buffer: Buffer.from(exported),
  });
  await expect(page.getByTestId('import-status')).toHaveText('1 conversation imported.');
  await page.getByTestId('settings-close').click();
  await expect(page.getByTestId('conversation-item')).toHaveText(['Keep me']);
});
