import { expect, test, type Page } from '@playwright/test';
import { ChatPage } from './chat-page';
import { accessCode } from './e2e-environment.mjs';
import { mockChatRequests, resetMock } from './mock-control';

test.beforeEach(async () => {
  await resetMock();
});

interface ManifestIcon {
  src: string;
  sizes: string;
  type?: string;
  purpose?: string;
}

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Every address in the page's Cache Storage, as paths. */
function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) {
        paths.push(new URL(request.url).pathname);
      }
    }
    return paths;
  });
}

/** Reloads until the service worker controls the page and has stored the shell. */
async function reloadUnderWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
  await expect.poll(() => cachedPaths(page)).toContain('/');
}

test('the manifest is served and names PNG icons of 192 and 512 pixels that load', async ({
  page,
  request,
}) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute(
    'href',
    '/icons/apple-touch-icon.png',
  );
  const response = await request.get(href ?? '');
  expect(response.ok()).toBe(true);
  const manifest = (await response.json()) as {
    name: string;
    short_name: string;
    start_url: string;
    display: string;
    theme_color: string;
    background_color: string;
    icons: ManifestIcon[];
  };
  expect(manifest).toMatchObject({
    name: 'Parley',
    short_name: 'Parley',
    start_url: '/',
    display: 'standalone',
  });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);

  const pngs = manifest.icons.filter((icon) => icon.type === 'image/png');
  for (const [size, purpose] of [
    [192, 'any'],
    [512, 'any'],
    [512, 'maskable'],
  ] as const) {
    const icon = pngs.find(
      (entry) => entry.sizes === `${size}x${size}` && (entry.purpose ?? 'any') === purpose,
    );
    expect(icon, `${size} ${purpose}`).toBeDefined();
    const image = await request.get(icon?.src ?? '');
    expect(image.ok()).toBe(true);
    expect(image.headers()['content-type']).toBe('image/png');
    const bytes = await image.body();
    expect([...bytes.subarray(0, 8)]).toEqual(pngSignature);
    // The IHDR chunk: width, then height.
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([size, size]);
  }
});

test('offline, Parley opens with its stored conversations, and a message that cannot be sent stays in the box', async ({
  page,
  context,
}) => {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, 'openrouter:deepseek/deepseek-r1');
  await chat.send('Remember the lighthouse');
  await chat.waitForAnswerStatus('done');
  const answer = (await chat.lastAnswer.getByTestId('answer').textContent()) ?? '';
  expect(answer).toContain('Remember the lighthouse');

  await reloadUnderWorker(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('offline-notice')).toHaveText(/You are offline/);
  await expect(page.getByTestId('message-error')).toHaveCount(0);
  await expect(page.getByTestId('conversation-item')).toHaveText(['Remember the lighthouse']);

  // Opened from the sidebar, the conversation reads as it did online.
  await page.getByTestId('new-chat').click();
  await expect(page.getByTestId('message-assistant')).toHaveCount(0);
  await page.getByTestId('conversation-item').click();
  await expect(page.getByTestId('user-text')).toHaveText('Remember the lighthouse');
  await expect(chat.lastAnswer.getByTestId('answer')).toHaveText(answer);

  // Sending says why it cannot, and nothing typed is lost.
  await chat.send('Are you still there?');
  await expect(page.getByTestId('composer-offline')).toHaveText(/offline/);
  await expect(chat.composer).toHaveValue('Are you still there?');
  await expect(page.getByTestId('message-user')).toHaveCount(1);
  expect(await mockChatRequests()).toHaveLength(1);

  // Back online, the same words go out.
  await context.setOffline(false);
  await expect(page.getByTestId('offline-notice')).toHaveCount(0);
  await expect(page.getByTestId('composer-offline')).toHaveCount(0);
  await chat.composer.press('Enter');
  await chat.waitForAnswerStatus('done');
  await expect(chat.lastAnswer.getByTestId('answer')).toContainText('Are you still there?');
  await expect(chat.composer).toHaveValue('');

  // The cache holds the shell and its files, and nothing of the API.
  const paths = await cachedPaths(page);
  expect(paths).toContain('/');
  expect(paths.some((path) => path.startsWith('/_next/static/'))).toBe(true);
  expect(paths.filter((path) => path.startsWith('/api/'))).toEqual([]);
});

test('a new version that installs while Parley is open is announced, not forced on the page', async ({
  page,
}) => {
  const chat = new ChatPage(page);
  await chat.open();
  await reloadUnderWorker(page);
  await page.evaluate(() => {
    (window as Window & { sameDocument?: boolean }).sameDocument = true;
  });

  // What another tab of a newer deployment does: it registers that build's worker.
  await page.evaluate(async () => {
    await navigator.serviceWorker.register('/sw.js?build=newer-deployment', { scope: '/' });
  });
  const notice = page.getByTestId('update-notice');
  await expect(notice).toHaveText(/Parley has been updated/);

  // The new worker waits for the next open; this page is neither reloaded nor taken over.
  const workers = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration('/');
    return {
      waiting: registration?.waiting?.scriptURL,
      controller: navigator.serviceWorker.controller?.scriptURL,
      sameDocument: (window as Window & { sameDocument?: boolean }).sameDocument,
    };
  });
  expect(workers.waiting).toContain('build=newer-deployment');
  expect(workers.controller).not.toContain('build=newer-deployment');
  expect(workers.sameDocument).toBe(true);

  await page.getByTestId('update-notice-dismiss').click();
  await expect(notice).toHaveCount(0);
});
