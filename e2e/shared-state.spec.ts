import { expect, test } from '@playwright/test';
import { startTestRedis, type TestRedis } from '../lib/server/testing/redis-server';
import {
  startUpstashRestServer,
  type UpstashRestServer,
} from '../lib/server/testing/upstash-rest-server';
import { freePort, startApp, type AppInstance } from './app-instance';
import { mockUrl } from './e2e-environment.mjs';

/**
 * Beyond one process: two `npm start` instances share a real redis-server (and a third reaches
 * the same Redis through Upstash's REST protocol), as behind a load balancer. Each request names
 * its client in X-Forwarded-For, as the balancer would (one trusted hop).
 */

const code = 'shared-state-code-1';
const upstashToken = 'shared-state-upstash-token';
const leaseSeconds = 2;
let redis: TestRedis;
let upstash: UpstashRestServer;
let instanceA: AppInstance;
let instanceB: AppInstance;
let instanceU: AppInstance;

function settings(store: Record<string, string>): Record<string, string> {
  return {
    OPENROUTER_API_KEY: 'sk-or-shared-state',
    OPENROUTER_BASE_URL: `${mockUrl}/api/v1`,
    CODE: code,
    TRUSTED_PROXY_COUNT: '1',
    ACCESS_FAILURE_LIMIT: '3',
    MAX_STREAMS_PER_CLIENT: '2',
    STREAM_LEASE_S: String(leaseSeconds),
    ...store,
  };
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  redis = await startTestRedis();
  upstash = await startUpstashRestServer(redis.url, upstashToken);
  [instanceA, instanceB, instanceU] = await Promise.all([
    startApp({ port: await freePort(), env: settings({ REDIS_URL: redis.url }) }),
    startApp({ port: await freePort(), env: settings({ REDIS_URL: redis.url }) }),
    startApp({
      port: await freePort(),
      env: settings({
        KV_REST_API_URL: upstash.url,
        KV_REST_API_TOKEN: upstashToken,
      }),
    }),
  ]);
});

test.afterAll(async () => {
  await Promise.all([instanceA, instanceB, instanceU].map((instance) => instance?.stop()));
  await upstash?.stop();
  await redis?.stop();
});

/** A chat request from one client; the model names its pacing (chunks, delay between them). */
function ask(
  instance: AppInstance,
  client: string,
  options: { model?: string; key?: string } = {},
) {
  return fetch(`${instance.url}/api/openrouter/chat/completions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': client,
      'x-access-code': options.key ?? code,
    },
    body: JSON.stringify({
      model: options.model ?? 'mock/bench-chunks-3-delay-0',
      stream: true,
      messages: [{ role: 'user', content: 'shared state' }],
    }),
  });
}

/** A stream held open (about `seconds` long); resolves with its whole text once it ends. */
async function hold(instance: AppInstance, client: string, seconds: number) {
  const response = await ask(instance, client, {
    model: `mock/bench-chunks-${seconds * 10}-delay-100`,
  });
  expect(response.status).toBe(200);
  return { done: response.text().catch(() => '') };
}

/** Waits (bounded) until every instance reports its store as ok. */
async function expectStoresOk(): Promise<void> {
  for (const [instance, kind] of [
    [instanceA, 'redis'],
    [instanceB, 'redis'],
    [instanceU, 'upstash'],
  ] as const) {
    await expect
      .poll(async () => (await health(instance)).body, { timeout: 15_000 })
      .toEqual({ status: 'ok', store: { kind, state: 'ok' } });
  }
}

async function health(instance: AppInstance) {
  const response = await fetch(`${instance.url}/api/health`);
  return { status: response.status, body: (await response.json()) as unknown };
}

test('health names the store, without a code and without secrets', async () => {
  await expectStoresOk();
  const text = await (await fetch(`${instanceA.url}/api/health`)).text();
  expect(text).not.toContain(String(redis.port));
});

test('wrong codes sent to instance A lock the client out on B and on the Upstash instance', async () => {
  const client = '203.0.113.10';
  for (let guess = 0; guess < 3; guess += 1) {
    const response = await ask(instanceA, client, { key: `wrong-guess-${guess}` });
    expect(response.status).toBe(401);
  }
  for (const instance of [instanceB, instanceU]) {
    const refused = await ask(instance, client);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'auth:too_many_attempts',
    );
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  }
  // Another client is not affected.
  const other = await ask(instanceB, '203.0.113.11');
  expect(other.status).toBe(200);
  expect(await other.text()).toContain('[DONE]');
});

test('the per-client stream limit holds across instances', async () => {
  const client = '203.0.113.20';
  const first = await hold(instanceA, client, 3);
  const second = await hold(instanceB, client, 3);
  for (const instance of [instanceA, instanceB, instanceU]) {
    const third = await ask(instance, client);
    expect(third.status).toBe(429);
    expect(((await third.json()) as { error: { code: string } }).error.code).toBe('gateway:busy');
  }
  // Another client still gets through while this one is at its cap.
  expect((await ask(instanceU, '203.0.113.21')).status).toBe(200);
  // Once they end, the client may stream again, anywhere.
  expect(await first.done).toContain('[DONE]');
  expect(await second.done).toContain('[DONE]');
  const again = await ask(instanceB, client);
  expect(again.status).toBe(200);
  await again.text();
});

test('restarting Redis mid-run loses no request and crashes nothing', async () => {
  test.setTimeout(60_000);
  const streams = await Promise.all([
    hold(instanceA, '203.0.113.30', 4),
    hold(instanceB, '203.0.113.31', 4),
    hold(instanceU, '203.0.113.32', 4),
  ]);
  await redis.kill();
  // While it is down, every instance keeps answering, with its own limits.
  for (const instance of [instanceA, instanceB, instanceU]) {
    const response = await ask(instance, '203.0.113.33');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('[DONE]');
  }
  // Its own limits still hold: the client's third stream on one instance is refused.
  const local = [
    await hold(instanceA, '203.0.113.34', 2),
    await hold(instanceA, '203.0.113.34', 2),
  ];
  expect((await ask(instanceA, '203.0.113.34')).status).toBe(429);
  expect((await health(instanceA)).body).toEqual({
    status: 'ok',
    store: { kind: 'redis', state: 'degraded' },
  });

  await redis.restart();
  for (const stream of [...streams, ...local]) expect(await stream.done).toContain('[DONE]');
  await expectStoresOk();
  for (const instance of [instanceA, instanceB, instanceU]) {
    const response = await ask(instance, '203.0.113.35');
    expect(response.status).toBe(200);
    await response.text();
  }
  // The outage was logged (once, not per request) and so was the recovery.
  const log = instanceA.output();
  expect(log.match(/state_store_degraded/g)?.length).toBe(1);
  expect(log).toContain('state_store_recovered');
  expect(log).not.toContain(redis.url);
});

test('killing instance A mid-stream frees its slots on B within the lease', async () => {
  test.setTimeout(60_000);
  const client = '203.0.113.40';
  const streams = [await hold(instanceA, client, 20), await hold(instanceA, client, 20)];
  expect((await ask(instanceB, client)).status).toBe(429);
  await instanceA.kill();
  await Promise.all(streams.map((stream) => stream.done));
  const killedAt = Date.now();
  // Bounded: the lease is two seconds; the slots must be free well within three more.
  let admitted = false;
  while (!admitted && Date.now() - killedAt < (leaseSeconds + 3) * 1000) {
    const response = await ask(instanceB, client);
    admitted = response.status === 200;
    await response.text();
    if (!admitted) await new Promise((done) => setTimeout(done, 200));
  }
  expect(admitted).toBe(true);
});
