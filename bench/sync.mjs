// @ts-check
/**
 * End-to-end encrypted sync, timed in Chromium against the built app with a real redis-server:
 * a device with 1,000 conversations (10 messages each) turns sync on (first upload), a second
 * device joins (first download), then one conversation changes on the first and is sent and
 * received (one change). Times are the sync runs' own (`data-duration-ms`, from the start of a
 * run to its end: derive keys, read, merge, encrypt, write); sizes are the ciphertext sent and
 * received.
 *
 *   npm run build && node bench/sync.mjs [--quick]
 *
 * Writes bench/results/sync.json. Figures, not assertions.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { conversationWith, launchBrowser, seedConversations } from './lib/browser.mjs';
import { startRedis } from './lib/redis.mjs';
import { startApp } from './lib/start-app.mjs';

const quick = process.argv.includes('--quick');
const count = quick ? 200 : 1000;
const redis = await startRedis();
const app = await startApp({
  REDIS_URL: redis.url,
  DEFAULT_MODEL: 'openrouter:mock/bench',
});
const browser = await launchBrowser();

try {
  const laptop = await open();
  const now = Date.now();
  await seedConversations(
    laptop,
    Array.from({ length: count }, (_, index) =>
      conversationWith(`synced-${index}`, 10, now - index * 60_000),
    ),
  );
  await laptop.reload();
  await laptop.getByTestId('conversation-item').first().waitFor();

  await laptop.getByTestId('settings-button').click();
  await laptop.getByTestId('sync-turn-on').click();
  const upload = await finishedRun(laptop, 0);
  const secret = (await laptop.getByTestId('sync-secret-value').textContent()) ?? '';
  await laptop.getByTestId('sync-secret-saved').click();

  const phone = await open();
  await phone.getByTestId('settings-button').click();
  await phone.getByTestId('sync-join-key').fill(secret);
  await phone.getByTestId('sync-join').click();
  const download = await finishedRun(phone, 0);
  const listed = await phone.evaluate(
    () =>
      new Promise((resolve) => {
        const request = indexedDB.open('parley');
        request.onsuccess = () => {
          const count = request.result
            .transaction('conversations')
            .objectStore('conversations')
            .count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );

  // One change: a rename on the laptop, sent by "Sync now", received by "Sync now".
  await laptop.getByTestId('settings-close').click();
  const first = laptop.getByRole('navigation').locator('li').first();
  await first.hover();
  await first.getByTestId('rename-conversation').click();
  await laptop.getByTestId('rename-input').fill('Renamed for the benchmark');
  await laptop.getByTestId('rename-input').press('Enter');
  await laptop.getByTestId('settings-button').click();
  const sendAfter = await lastSyncAt(laptop);
  await laptop.getByTestId('sync-now').click();
  const send = await finishedRun(laptop, sendAfter);
  // The phone's own schedule may fetch the change first: the first run after the send that
  // received something is the one measured.
  const sentAt = await lastSyncAt(laptop);
  let receive = await latestRun(phone);
  for (let attempt = 0; attempt < 10 && !(receive.at > sentAt && receive.received > 0); attempt++) {
    const before = await lastSyncAt(phone);
    await phone.getByTestId('sync-now').click();
    await finishedRun(phone, before);
    receive = await latestRun(phone);
  }

  const figures = { conversations: count, listedOnPhone: listed, upload, download, send, receive };
  console.log(`sync of ${count} conversations (10 messages each), ${process.version}, Chromium`);
  console.log(
    `first upload:   ${upload.durationMs} ms, ${(upload.sent / 1024 / 1024).toFixed(2)} MB of ciphertext sent`,
  );
  console.log(
    `first download: ${download.durationMs} ms, ${(download.received / 1024 / 1024).toFixed(2)} MB received, ${listed} conversations stored`,
  );
  console.log(
    `one change:     sent in ${send.durationMs} ms (${(send.sent / 1024).toFixed(1)} KB), received in ${receive.durationMs} ms (${(receive.received / 1024).toFixed(1)} KB)`,
  );
  mkdirSync(new URL('results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('results/sync.json', import.meta.url), JSON.stringify(figures, null, 2));
} finally {
  await browser.close();
  app.stop();
  redis.stop();
}

async function open() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(app.appUrl);
  await page.getByTestId('composer-input').waitFor();
  return page;
}

/** @param {import('@playwright/test').Page} page */
async function lastSyncAt(page) {
  return Number((await page.getByTestId('sync-status').getAttribute('data-last-sync-at')) ?? 0);
}

/** The figures of the run that ended last. @param {import('@playwright/test').Page} page */
async function latestRun(page) {
  const status = page.getByTestId('sync-status');
  return {
    at: Number((await status.getAttribute('data-last-sync-at')) ?? 0),
    durationMs: Number(await status.getAttribute('data-duration-ms')),
    sent: Number(await status.getAttribute('data-bytes-sent')),
    received: Number(await status.getAttribute('data-bytes-received')),
  };
}

/**
 * Waits (bounded) for a sync run that ended after `after`, and reads its figures.
 * @param {import('@playwright/test').Page} page @param {number} after
 */
async function finishedRun(page, after) {
  const status = page.getByTestId('sync-status');
  for (let attempt = 0; attempt < 1200; attempt++) {
    const at = Number((await status.getAttribute('data-last-sync-at')) ?? 0);
    if (at > after && (await status.getAttribute('data-phase')) === 'idle') {
      return latestRun(page);
    }
    await sleep(100);
  }
  throw new Error('the sync run did not finish within two minutes');
}
