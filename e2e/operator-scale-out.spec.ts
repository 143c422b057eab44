import { expect, test } from '@playwright/test';
import { startTestRedis, type TestRedis } from '../lib/server/testing/redis-server';
import { freePort, startApp, type AppInstance } from './app-instance';
import { ChatPage } from './chat-page';
import { mockUrl } from './e2e-environment.mjs';
import { startNginx, type Nginx } from './nginx';
import { phone } from './devices';

/**
 * An operator follows the README's two-instance recipe: Redis, two `npm start` with the same
 * `.env.local` (REDIS_URL, TRUSTED_PROXY_COUNT=1), real nginx in front. A person on a phone
 * chats through it; then a guesser and a greedy client find the limits hold for the pair as for
 * one server.
 */

const code = 'scale-out-code-1';
let redis: TestRedis;
let instances: AppInstance[] = [];
let nginx: Nginx;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  redis = await startTestRedis();
  const envLocal = {
    OPENROUTER_API_KEY: 'sk-or-scale-out',
    OPENROUTER_BASE_URL: `${mockUrl}/api/v1`,
    CODE: code,
    DEFAULT_MODEL: 'openrouter:deepseek/deepseek-r1',
    REDIS_URL: redis.url,
    TRUSTED_PROXY_COUNT: '1',
    ACCESS_FAILURE_LIMIT: '3',
    MAX_STREAMS_PER_CLIENT: '2',
  };
  instances = await Promise.all([
    startApp({ env: { PORT: String(await freePort()), HOSTNAME: '127.0.0.1' }, envLocal }),
    startApp({ env: { PORT: String(await freePort()), HOSTNAME: '127.0.0.1' }, envLocal }),
  ]);
  nginx = await startNginx(instances.map((instance) => instance.url));
});

test.afterAll(async () => {
  await nginx?.stop();
  await Promise.all(instances.map((instance) => instance.stop()));
  await redis?.stop();
});

function ask(key: string, model = 'mock/bench-chunks-3-delay-0') {
  return fetch(`${nginx.url}/api/openrouter/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-access-code': key },
    body: JSON.stringify({ model, stream: true, messages: [{ role: 'user', content: 'hi' }] }),
  });
}

test('a phone chats through nginx and two instances; the limits hold for the pair', async ({
  browser,
}, info) => {
  test.setTimeout(90_000);
  expect(await (await fetch(`${nginx.url}/api/health`)).json()).toEqual({
    status: 'ok',
    store: { kind: 'redis', state: 'ok' },
  });

  const context = await browser.newContext({ ...phone, baseURL: nginx.url });
  const page = await context.newPage();
  const chat = new ChatPage(page);
  await page.goto('/');
  await expect(page.getByTestId('first-run')).toHaveAttribute('data-step', 'code');
  await page.getByTestId('first-run-code').fill(code);
  await page.getByTestId('first-run-code-submit').click();
  await expect(page.getByTestId('first-run')).toHaveCount(0);
  // Several answers in a row: nginx spreads them over both instances.
  for (const text of ['First through the balancer', 'Second', 'Third']) {
    await chat.send(text);
    await chat.waitForAnswerStatus('done');
  }
  await page.screenshot({ path: info.outputPath('phone-through-nginx.png') });
  await context.close();

  // Everyone here is 127.0.0.1 to the app (nginx's X-Forwarded-For, one trusted hop). Two
  // streams held open, on whichever instances nginx picked: the third is refused.
  const held = [
    await ask(code, 'mock/bench-chunks-30-delay-100'),
    await ask(code, 'mock/bench-chunks-30-delay-100'),
  ];
  for (const response of held) expect(response.status).toBe(200);
  for (let attempt = 0; attempt < 2; attempt += 1) expect((await ask(code)).status).toBe(429);
  for (const response of held) expect(await response.text()).toContain('[DONE]');

  // Three wrong codes, alternately to each instance, lock the address out on both.
  for (const guess of ['guess-one-1', 'guess-two-2', 'guess-three-3']) {
    expect((await ask(guess)).status).toBe(401);
  }
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const refused = await ask(code);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'auth:too_many_attempts',
    );
  }
});
