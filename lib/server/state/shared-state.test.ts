import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StateSettings } from '../server-config';
import { startTestRedis, type TestRedis } from '../testing/redis-server';
import { startUpstashRestServer, type UpstashRestServer } from '../testing/upstash-rest-server';
import { redisConnection } from './redis-connection';
import { SharedState } from './shared-state';
import { upstashConnection } from './upstash-connection';

/**
 * The shared state against a real redis-server, directly and through Upstash's REST protocol:
 * two `SharedState`s are two instances of Parley sharing one store.
 */

const quiet = { level: 'error', format: 'text' } as const;
const token = 'upstash-test-token';
let redis: TestRedis;
let upstash: UpstashRestServer;
let prefixCount = 0;

beforeAll(async () => {
  redis = await startTestRedis();
  upstash = await startUpstashRestServer(redis.url, token);
});
afterAll(async () => {
  await upstash?.stop();
  await redis?.stop();
});

const backends = [
  {
    name: 'Redis',
    connect: (onTrouble: (error: unknown) => void) => redisConnection(redis.url, onTrouble),
  },
  { name: 'Upstash REST', connect: () => upstashConnection(upstash.url, token) },
];

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  // Bounded: a hundred tries, fifty milliseconds apart.
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (await check()) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.each(backends)('shared state on $name', ({ connect }) => {
  /** Two instances with their own connections, on keys no other test uses. */
  function pair(overrides: Partial<StateSettings> = {}): [SharedState, SharedState] {
    prefixCount += 1;
    const settings: StateSettings = {
      store: { kind: 'memory' },
      prefix: `test${prefixCount}:`,
      leaseMs: 30_000,
      timeoutMs: 1_000,
      ...overrides,
    };
    const make = () => {
      const state: SharedState = new SharedState(
        connect((error) => state.troubled(error)),
        settings,
        quiet,
      );
      return state;
    };
    return [make(), make()];
  }
  const slots = { total: 5, perClient: 2 };

  it('holds the per-client and total stream caps across instances', async () => {
    const [a, b] = pair();
    await until(async () => (await a.admit('10.0.0.1', { slots })) !== undefined, 'A');
    expect(await b.admit('10.0.0.1', { slots })).toMatchObject({ outcome: 'admitted' });
    // The client's third stream is refused on either instance.
    expect(await a.admit('10.0.0.1', { slots })).toEqual({ outcome: 'busy' });
    expect(await b.admit('10.0.0.1', { slots })).toEqual({ outcome: 'busy' });
    // Other clients fill the total.
    for (const address of ['10.0.0.2', '10.0.0.2', '10.0.0.3']) {
      expect(await b.admit(address, { slots })).toMatchObject({ outcome: 'admitted' });
    }
    expect(await a.admit('10.0.0.4', { slots })).toEqual({ outcome: 'busy' });
    await Promise.all([a.close(), b.close()]);
  });

  it('gives a slot back on release, on every instance', async () => {
    const [a, b] = pair();
    const one = { total: 1, perClient: 1 };
    let first = await a.admit('10.1.0.1', { slots: one });
    await until(async () => {
      first ??= await a.admit('10.1.0.1', { slots: one });
      return first !== undefined;
    }, 'first admission');
    expect(await b.admit('10.1.0.1', { slots: one })).toEqual({ outcome: 'busy' });
    if (first?.outcome !== 'admitted' || !first.lease) throw new Error('not admitted');
    a.release(first.lease);
    await a.settled();
    expect(await b.admit('10.1.0.1', { slots: one })).toMatchObject({ outcome: 'admitted' });
    await Promise.all([a.close(), b.close()]);
  });

  it('locks an address out on B after wrong codes on A, for the rest of the window', async () => {
    const [a, b] = pair();
    await until(async () => (await b.admit('10.2.0.1', { lockoutLimit: 3 })) !== undefined, 'B');
    for (let guess = 0; guess < 3; guess += 1) a.recordFailure('10.2.0.1', 60_000);
    await a.settled();
    const refused = await b.admit('10.2.0.1', { lockoutLimit: 3, slots });
    expect(refused).toMatchObject({ outcome: 'locked' });
    expect(refused?.outcome === 'locked' && refused.waitMs).toBeGreaterThan(55_000);
    // Another address is not affected; and without a lockout check the slot is given.
    expect(await b.admit('10.2.0.2', { lockoutLimit: 3 })).toEqual({ outcome: 'admitted' });
    await Promise.all([a.close(), b.close()]);
  });

  it('frees a dead instance’s slots when its lease runs out, and renews a live one’s', async () => {
    const [a, b] = pair({ leaseMs: 600 });
    const one = { total: 10, perClient: 1 };
    await until(async () => (await a.admit('10.3.0.1', { slots: one })) !== undefined, 'A');
    await until(async () => (await b.admit('10.3.0.2', { slots: one })) !== undefined, 'B');
    // A dies holding its slot (no release, no renewal); B's live lease is renewed.
    await a.close();
    await new Promise((done) => setTimeout(done, 1_000));
    expect(await b.admit('10.3.0.2', { slots: one })).toEqual({ outcome: 'busy' });
    expect(await b.admit('10.3.0.1', { slots: one })).toMatchObject({ outcome: 'admitted' });
    await b.close();
  });

  it('shares text with its expiry', async () => {
    const [a, b] = pair();
    await until(async () => (await a.health()).state === 'ok', 'store');
    a.writeText(a.key('catalog', 'x'), '{"listed":[]}', 500);
    await a.settled();
    expect(await b.readText(b.key('catalog', 'x'))).toBe('{"listed":[]}');
    await new Promise((done) => setTimeout(done, 700));
    expect(await b.readText(b.key('catalog', 'x'))).toBeUndefined();
    await Promise.all([a.close(), b.close()]);
  });
});

describe('a store that goes away', () => {
  it('answers nothing at once, reports degraded, and recovers by itself after a restart', async () => {
    prefixCount += 1;
    const settings: StateSettings = {
      store: { kind: 'redis', url: redis.url },
      prefix: `test${prefixCount}:`,
      leaseMs: 30_000,
      timeoutMs: 250,
    };
    const state: SharedState = new SharedState(
      redisConnection(redis.url, (error) => state.troubled(error)),
      settings,
      quiet,
    );
    const slots = { total: 5, perClient: 5 };
    await until(async () => (await state.admit('10.4.0.1', { slots })) !== undefined, 'store');

    await redis.kill();
    const started = Date.now();
    // No answer from the store: the caller decides alone, without waiting past the timeout.
    expect(await state.admit('10.4.0.1', { slots })).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await state.health()).toEqual({ kind: 'redis', state: 'degraded' });

    await redis.restart();
    // The restarted server knows no scripts: the digest is refused and the source sent.
    await until(async () => (await state.admit('10.4.0.1', { slots })) !== undefined, 'reconnect');
    expect(await state.health()).toEqual({ kind: 'redis', state: 'ok' });
    await state.close();
  });
});
