import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockUpstream, type MockUpstream } from '@/e2e/mock-upstream/server.mjs';
import { clearAccessFailures } from '../access-failures';
import { clearCatalogCache, providerCatalog } from '../model-catalog';
import { loadServerConfig, type Environment } from '../server-config';
import { gatewayTransports } from '../testing/gateway-transports';
import { startTestRedis, type TestRedis } from '../testing/redis-server';
import { redisConnection } from './redis-connection';
import { SharedState } from './shared-state';
import { closeSharedStates } from './shared-state-for';

/**
 * Both transports with REDIS_URL set, against a real redis-server: what another instance wrote
 * to the store (a lockout, the client's streams) decides here, though this process counted
 * nothing. "Another instance" is a second connection with the same prefix.
 */

let mock: MockUpstream;
let redis: TestRedis;
let other: SharedState;
let prefixCount = 0;
const accessCode = 'gateway-store-code';
/** Every test request comes from this address (no trusted server sets one in tests). */
const address = 'unknown';

beforeAll(async () => {
  mock = await startMockUpstream();
  redis = await startTestRedis();
});
afterAll(async () => {
  await other?.close();
  await closeSharedStates();
  await redis?.stop();
  await mock?.close();
});

function setup(extra: Environment = {}) {
  prefixCount += 1;
  const config = loadServerConfig({
    OPENROUTER_API_KEY: 'sk-or-server',
    OPENROUTER_BASE_URL: `${mock.url}/api/v1`,
    CODE: accessCode,
    REDIS_URL: redis.url,
    STATE_PREFIX: `gateway${prefixCount}:`,
    ACCESS_FAILURE_LIMIT: '2',
    MAX_STREAMS_PER_CLIENT: '1',
    ...extra,
  });
  const quiet = { level: 'error', format: 'text' } as const;
  const instance: SharedState = new SharedState(
    redisConnection(redis.url, (error) => instance.troubled(error)),
    config.state,
    quiet,
  );
  return { config, other: instance };
}

function chatRequest(model = 'mock/plain', code = accessCode) {
  return new Request('http://parley.test/api/openrouter/chat/completions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-access-code': code },
    body: JSON.stringify({ model, stream: true, messages: [{ role: 'user', content: 'Hi' }] }),
  });
}
const openrouterChat = { provider: 'openrouter', path: ['chat', 'completions'] };

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

describe.each(gatewayTransports)('the gateway with a shared store ($name)', ({ send }) => {
  it('refuses an address another instance locked out, and counts its own wrong codes there', async () => {
    clearAccessFailures();
    const { config, other: peer } = setup();
    other = peer;
    // Wrong codes, here: counted in the store too.
    for (const guess of ['wrong-code-1', 'wrong-code-2']) {
      expect((await send(chatRequest('mock/plain', guess), openrouterChat, config)).status).toBe(
        401,
      );
    }
    expect(await peer.admit(address, { lockoutLimit: 2 })).toMatchObject({ outcome: 'locked' });

    // A fresh process (nothing counted in memory) is refused by the store's count alone.
    clearAccessFailures();
    const refused = await send(chatRequest(), openrouterChat, config);
    expect(refused.status).toBe(429);
    expect(await errorCode(refused)).toBe('auth:too_many_attempts');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(500);
    await peer.close();
  });

  it('counts another instance’s streams against the client’s cap, and frees its own lease', async () => {
    clearAccessFailures();
    const { config, other: peer } = setup();
    const elsewhere = await peer.admit(address, { slots: config.streams });
    if (elsewhere?.outcome !== 'admitted' || !elsewhere.lease) throw new Error('not admitted');
    const busy = await send(chatRequest(), openrouterChat, config);
    expect(busy.status).toBe(429);
    expect(await errorCode(busy)).toBe('gateway:busy');

    peer.release(elsewhere.lease);
    await peer.settled();
    const answered = await send(chatRequest(), openrouterChat, config);
    expect(answered.status).toBe(200);
    expect(await answered.text()).toContain('[DONE]');
    // The stream's lease went back to the store: the other instance may take the one slot.
    await expect
      .poll(async () => (await peer.admit(address, { slots: config.streams }))?.outcome)
      .toBe('admitted');
    await peer.close();
  });
});

describe('the model catalog with a shared store', () => {
  it('is fetched once and read from the store by a process that has none cached', async () => {
    const { config, other: peer } = setup();
    await peer.close();
    clearCatalogCache();
    mock.reset();
    const first = await providerCatalog('openrouter', config);
    expect(first.source).toBe('live');
    await new Promise((done) => setTimeout(done, 100));
    const listings = () => mock.requests().filter((request) => request.path.endsWith('/models'));
    expect(listings()).toHaveLength(1);

    clearCatalogCache();
    const second = await providerCatalog('openrouter', config);
    expect(second.source).toBe('live');
    expect(second.models.map((model) => model.id)).toEqual(first.models.map((model) => model.id));
    expect(listings()).toHaveLength(1);
  });
});
