import { request as httpRequest } from 'node:http';
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import OpenAI from 'openai';
import { freePort, startApp, startReverseProxy } from './app-instance';
import { ChatPage } from './chat-page';
import { accessCode, appPort, mockUrl, serverKeys } from './e2e-environment.mjs';
import { lastMockRequest, mockRequests, resetMock } from './mock-control';
import { desktop, phone } from './devices';

/**
 * Day one, walked as people walk it: a fresh browser profile opening the deployment for the
 * first time, on a desktop and on a phone with touch; an operator starting a bare install, and
 * one behind a reverse proxy with `.env.local`. Pictures of each step go to the test's output
 * folder (test-results/), for a person to look at.
 */

async function picture(page: Page, info: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: info.outputPath(`${name}.png`) });
}

/** The element lies wholly inside the screen: nothing off an edge, nothing to scroll sideways to. */
async function expectOnScreen(page: Page, locator: Locator): Promise<void> {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  expect(box, 'has a box').not.toBeNull();
  expect(viewport).not.toBeNull();
  if (!box || !viewport) return;
  expect(box.x, 'left edge').toBeGreaterThanOrEqual(0);
  expect(box.y, 'top edge').toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, 'right edge').toBeLessThanOrEqual(viewport.width + 0.5);
  expect(box.y + box.height, 'bottom edge').toBeLessThanOrEqual(viewport.height + 0.5);
}

/** A request with the `Host` a browser would send for another name (fetch cannot set it). */
function requestWithHost(
  base: string,
  path: string,
  host: string,
): Promise<{ status: number; body: string }> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        hostname: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        headers: { host },
      },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

test.beforeEach(async () => {
  await resetMock();
});

test('desktop, first day: the code first, a chat on a usable model, then an own key that wins', async ({
  browser,
}, info) => {
  const context = await browser.newContext(desktop);
  const page = await context.newPage();
  const chat = new ChatPage(page);
  await page.goto('/');

  // A fresh profile on a deployment with a code: the first thing asked for is the code.
  const firstRun = page.getByTestId('first-run');
  await expect(firstRun).toHaveAttribute('data-step', 'code');
  await picture(page, info, '1-first-open');
  // Until then every provider is listed as waiting for the code, with the way to enter it.
  await page.getByTestId('model-picker-trigger').click();
  const locked = page.locator('[data-section=locked] [data-testid=model-locked-provider]');
  await expect(locked.first()).toHaveAttribute('data-lock', 'needs-code');
  await picture(page, info, '2-picker-needs-code');
  await page.getByTestId('model-picker-close').click();

  await page.getByTestId('first-run-code').fill('not-the-code');
  await page.getByTestId('first-run-code-submit').click();
  await expect(page.getByTestId('first-run-code-refused')).toBeVisible();
  await page.getByTestId('first-run-code').fill(accessCode);
  await page.getByTestId('first-run-code-submit').click();
  await expect(firstRun).toHaveCount(0);
  // The new chat starts on the operator's default, which this person can now use.
  await expect(page.getByTestId('model-picker')).toHaveValue('openrouter:deepseek/deepseek-r1');
  await picture(page, info, '3-code-accepted');

  await chat.send('Hello from day one');
  await chat.waitForAnswerStatus('done');
  expect((await lastMockRequest())?.headers.authorization).toBe(`Bearer ${serverKeys.openrouter}`);

  // Their own OpenRouter key, beside the code: the test and the chat use it, not the operator's.
  await page.getByTestId('settings-button').click();
  await page.getByTestId('api-key-openrouter').fill('sk-own-openrouter-journey');
  await expect(page.getByTestId('provider-state-openrouter')).toHaveText('Your key');
  await resetMock();
  await page.getByTestId('test-openrouter').click();
  await expect(page.getByTestId('diagnosis').first()).toHaveAttribute('data-result', 'works');
  const probes = await mockRequests();
  expect(probes.length).toBeGreaterThan(0);
  for (const probe of probes) {
    expect(probe.headers.authorization).toBe('Bearer sk-own-openrouter-journey');
  }
  await picture(page, info, '4-settings-own-key');
  await page.getByTestId('settings-close').click();
  await chat.send('And now with my key');
  await chat.waitForAnswerStatus('done');
  expect((await lastMockRequest())?.headers.authorization).toBe('Bearer sk-own-openrouter-journey');
  await picture(page, info, '5-chat');
  await context.close();
});

test('phone with touch: first run, chat, parameters, picker, conversation actions, settings', async ({
  browser,
}, info) => {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  const chat = new ChatPage(page);
  await page.goto('/');
  await expectOnScreen(page, page.getByTestId('first-run'));
  await picture(page, info, '1-first-open');
  await page.getByTestId('first-run-code').fill(accessCode);
  await page.getByTestId('first-run-code-submit').tap();
  await expect(page.getByTestId('first-run')).toHaveCount(0);

  await chat.composer.fill('Hello from my phone');
  await page.getByTestId('send-button').tap();
  await chat.waitForAnswerStatus('done');
  await picture(page, info, '2-chat');

  // The parameters open as a sheet inside the screen, every control in reach.
  await page.getByTestId('parameters-button').tap();
  const panel = page.getByTestId('parameters-panel');
  await expectOnScreen(page, panel);
  await expectOnScreen(page, page.getByTestId('system-prompt'));
  await expectOnScreen(page, page.getByTestId('parameters-reset'));
  await picture(page, info, '3-parameters');
  await page.getByTestId('parameters-button').tap();

  await page.getByTestId('model-picker-trigger').tap();
  await expectOnScreen(page, page.getByTestId('model-picker-popover'));
  await picture(page, info, '4-picker');
  await page.getByTestId('model-picker-close').tap();

  // Renaming, pinning and deleting a chat, with no hover to reveal them.
  await page.getByTestId('open-sidebar').tap();
  const item = page.locator('li', { has: page.getByTestId('conversation-item') }).first();
  for (const action of ['rename-conversation', 'pin-conversation', 'delete-conversation']) {
    await expectOnScreen(page, item.getByTestId(action));
  }
  await picture(page, info, '5-sidebar');
  await item.getByTestId('pin-conversation').tap();
  await expect(page.getByTestId('pinned-marker')).toBeVisible();
  await page.getByTestId('rename-conversation').first().tap();
  await page.getByTestId('rename-input').fill('Renamed on the phone');
  await page.getByTestId('rename-input').press('Enter');
  await expect(page.getByTestId('conversation-item').first()).toHaveText('Renamed on the phone');
  await page.getByTestId('delete-conversation').first().tap();
  await expect(page.getByTestId('conversation-item')).toHaveCount(0);
  await page.getByTestId('undo-delete').tap();
  await expect(page.getByTestId('conversation-item')).toHaveCount(1);

  // The settings fit the screen; each section is reached from its link, the destructive one last.
  // A tap beside the drawer closes it, as on any phone.
  await page.touchscreen.tap(378, 420);
  await expect(page.getByTestId('new-chat')).toBeHidden();
  await page.getByTestId('settings-button').tap();
  await expectOnScreen(page, page.getByTestId('settings-dialog'));
  await page.getByTestId('settings-nav-data').tap();
  await expect(page.getByTestId('clear-all')).toBeInViewport();
  await expectOnScreen(page, page.getByTestId('clear-all'));
  // The way out stays in reach while the sections scroll.
  await expectOnScreen(page, page.getByTestId('settings-close'));
  await expectOnScreen(page, page.getByTestId('settings-nav-access'));
  await picture(page, info, '6-settings-data');
  await context.close();
});

test('an SDK with the code and its own key pays with its own key', async () => {
  await resetMock();
  const client = new OpenAI({
    baseURL: `http://127.0.0.1:${appPort}/api/openrouter`,
    apiKey: 'sk-own-sdk-key',
    defaultHeaders: { 'x-access-code': accessCode },
  });
  const answer = await client.chat.completions.create({
    model: 'deepseek/deepseek-r1',
    messages: [{ role: 'user', content: 'Hi' }],
  });
  expect(answer.choices[0]?.message.content).toContain('You said: Hi');
  expect((await lastMockRequest())?.headers.authorization).toBe('Bearer sk-own-sdk-key');
});

test('a bare install: no keys, no code; first run asks for a key, own endpoints work', async ({
  browser,
}, info) => {
  test.setTimeout(120_000);
  const app = await startApp({
    port: await freePort(),
    env: {
      // Addresses only (the mock), and no key at all: what a person brings is all there is.
      OPENROUTER_BASE_URL: `${mockUrl}/api/v1`,
      ANTHROPIC_BASE_URL: mockUrl,
      ALLOW_PRIVATE_UPSTREAMS: 'true',
    },
  });
  try {
    const config = (await (await fetch(`${app.url}/api/config`)).json()) as {
      providers: Array<{ id: string; configured: boolean }>;
    };
    // Providers without an operator address are still offered, for a person's own one.
    expect(config.providers.find((entry) => entry.id === 'ollama')?.configured).toBe(false);

    const context = await browser.newContext({ ...desktop, baseURL: app.url });
    const page = await context.newPage();
    const chat = new ChatPage(page);
    await page.goto('/');
    await expect(page.getByTestId('first-run')).toHaveAttribute('data-step', 'key');
    await picture(page, info, '1-bare-first-open');
    await page.getByTestId('first-run-provider').selectOption('openrouter');
    await page.getByTestId('first-run-key').fill('sk-own-bare-key');
    await page.getByTestId('first-run-key-submit').click();
    await expect(page.getByTestId('first-run')).toHaveCount(0);
    await expect(page.getByTestId('model-picker')).toHaveValue(/^openrouter:/);
    await resetMock();
    await chat.send('Hello with my own key');
    await chat.waitForAnswerStatus('done');
    expect((await lastMockRequest())?.headers.authorization).toBe('Bearer sk-own-bare-key');

    // The rest waits under "Needs a key", and its row opens the settings.
    await page.getByTestId('model-picker-trigger').click();
    const anthropic = page.locator('[data-testid=model-locked-provider][data-provider=anthropic]');
    await expect(anthropic).toHaveAttribute('data-lock', 'needs-key');
    await picture(page, info, '2-bare-picker');
    await anthropic.click();
    await expect(page.getByTestId('settings-dialog')).toBeVisible();

    // An own OpenAI-compatible endpoint, which the operator never configured, through the gateway.
    await page.getByTestId('add-endpoint').click();
    const endpoint = page.getByTestId('endpoint').last();
    await endpoint.getByTestId('endpoint-name').fill('My lab');
    await endpoint.getByTestId('endpoint-base-url').fill(`${mockUrl}/lab/v1`);
    await endpoint.getByTestId('endpoint-key').fill('sk-own-lab');
    await endpoint.getByTestId('endpoint-models').fill('mock/lab-reasoning-content');
    await page.getByTestId('settings-close').click();
    const picker = page.getByTestId('model-picker');
    const value = await picker
      .locator('optgroup[label="My lab"] option')
      .first()
      .getAttribute('value');
    await picker.selectOption(value ?? '');
    await chat.send('Through my own endpoint');
    await chat.waitForAnswerStatus('done');
    const upstream = await lastMockRequest();
    expect(upstream?.path).toBe('/lab/v1/chat/completions');
    expect(upstream?.headers.authorization).toBe('Bearer sk-own-lab');
    await context.close();
    expect(app.output()).not.toContain('sk-own-bare-key');
    expect(app.output()).not.toContain('sk-own-lab');
  } finally {
    await app.stop();
  }
});

test('an operator behind a reverse proxy, settings in .env.local: per-client limits hold', async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  const code = 'operator-local-code-7';
  const app = await startApp({
    // No -p or -H: the port and host come from .env.local, like the proxy trust.
    envLocal: {
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      TRUSTED_PROXY_COUNT: '1',
      CODE: code,
      ACCESS_FAILURE_LIMIT: '3',
      OPENROUTER_API_KEY: 'sk-operator-local-key',
      OPENROUTER_BASE_URL: `${mockUrl}/api/v1`,
      LOG_FORMAT: 'json',
      APP_URL: 'https://chat.operator.example',
    },
  });
  const proxy = await startReverseProxy(app.url);
  try {
    expect(app.url).toBe(`http://127.0.0.1:${port}`);
    const ready = app
      .output()
      .split('\n')
      .map((line) => (line.startsWith('{') ? (JSON.parse(line) as Record<string, unknown>) : {}))
      .find((line) => line.event === 'ready');
    expect(ready).toMatchObject({
      level: 'info',
      listening: `http://127.0.0.1:${port}`,
      access_code: 'required (1 code)',
    });
    expect(String(ready?.proxy_trust)).toContain('1 hop');

    const send = (client: string, accessCodeSent: string) =>
      fetch(`${proxy.url}/api/openrouter/chat/completions`, {
        method: 'POST',
        headers: {
          'x-test-client': client,
          'x-access-code': accessCodeSent,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          model: 'deepseek/deepseek-r1',
          messages: [{ role: 'user', content: 'Hi' }],
        }),
      });
    // One client guesses until it is locked out…
    const statuses = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      statuses.push((await send('203.0.113.7', `wrong-${attempt}`)).status);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses[3]).toBe(429);
    expect((await send('203.0.113.7', code)).status).toBe(429);
    // …and another person behind the same proxy is not.
    const other = await send('198.51.100.23', code);
    expect(other.status).toBe(200);
    await other.text();

    // A page whose name was rebound to this server's address is not answered…
    const rebound = await requestWithHost(app.url, '/api/models?check', 'rebound.example');
    expect(rebound.status).toBe(421);
    expect(rebound.body).toContain('request:host_not_allowed');
    // …nor is a path the framework cannot decode, with a 500.
    const malformed = await fetch(`${app.url}/api/openrouter/%E0%A4%A`);
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).toContain('path:not_allowed');
    // …nor a body that claims a compression it does not have, with an empty reply.
    const garbled = await fetch(`${proxy.url}/api/openrouter/chat/completions`, {
      method: 'POST',
      headers: {
        'x-test-client': '198.51.100.23',
        'x-access-code': code,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
      body: 'this is not gzip at all',
    });
    expect(garbled.status).toBe(400);
    expect(await garbled.text()).toContain('request:invalid_json');

    const log = app.output();
    expect(log).toContain('"event":"gateway"');
    expect(log).toContain('"status":200');
    for (const secret of [code, 'sk-operator-local-key', 'wrong-0'])
      expect(log).not.toContain(secret);
  } finally {
    await proxy.stop();
    await app.stop();
  }
});
