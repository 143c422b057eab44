import { describe, expect, it } from 'vitest';
import { ConfigError, loadServerConfig } from '../server-config';
import { startupSummary } from '../startup-summary';
import { storeHealth } from './shared-state-for';

describe('the shared store from the environment', () => {
  it('keeps state in memory when no store is set, as before', async () => {
    const config = loadServerConfig({});
    expect(config.state).toEqual({
      store: { kind: 'memory' },
      prefix: 'parley:',
      leaseMs: 30_000,
      timeoutMs: 250,
    });
    expect(await storeHealth(config)).toEqual({ kind: 'memory', state: 'ok' });
    expect(startupSummary(config).shared_state).toBe('memory (this process only)');
  });

  it('reads REDIS_URL (Valkey spellings too) and the tuning variables', () => {
    const config = loadServerConfig({
      REDIS_URL: 'rediss://:secret@cache.example:6380/2',
      STATE_PREFIX: 'team-a:',
      STREAM_LEASE_S: '5',
      STATE_TIMEOUT_MS: '100',
    });
    expect(config.state).toEqual({
      store: { kind: 'redis', url: 'rediss://:secret@cache.example:6380/2' },
      prefix: 'team-a:',
      leaseMs: 5_000,
      timeoutMs: 100,
    });
    expect(loadServerConfig({ REDIS_URL: 'valkey://127.0.0.1:6379' }).state.store).toEqual({
      kind: 'redis',
      url: 'redis://127.0.0.1:6379',
    });
    // The start-up line names the kind, never the address or its password.
    expect(JSON.stringify(startupSummary(config))).not.toContain('secret');
    expect(startupSummary(config).shared_state).toBe('redis');
  });

  it('refuses a malformed REDIS_URL without repeating it', () => {
    const attempt = () => loadServerConfig({ REDIS_URL: 'http://:hunter2@cache.example' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/REDIS_URL/);
    expect(attempt).not.toThrow(/hunter2/);
  });

  it('reads Upstash from its own variables or from Vercel’s KV ones, and needs both halves', () => {
    expect(
      loadServerConfig({
        UPSTASH_REDIS_REST_URL: 'https://eu1-x.upstash.io',
        UPSTASH_REDIS_REST_TOKEN: 'token-1',
      }).state.store,
    ).toEqual({ kind: 'upstash', url: 'https://eu1-x.upstash.io', token: 'token-1' });
    expect(
      loadServerConfig({ KV_REST_API_URL: 'https://kv.example', KV_REST_API_TOKEN: 'token-2' })
        .state.store,
    ).toEqual({ kind: 'upstash', url: 'https://kv.example', token: 'token-2' });
    expect(() => loadServerConfig({ KV_REST_API_URL: 'https://kv.example' })).toThrow(
      /UPSTASH_REDIS_REST_TOKEN/,
    );
    expect(() => loadServerConfig({ UPSTASH_REDIS_REST_TOKEN: 'token-3' })).toThrow(
      /UPSTASH_REDIS_REST_URL/,
    );
    // REDIS_URL wins when both are set: one store, never two.
    expect(
      loadServerConfig({
        REDIS_URL: 'redis://127.0.0.1:6379',
        KV_REST_API_URL: 'https://kv.example',
        KV_REST_API_TOKEN: 'token-2',
      }).state.store.kind,
    ).toBe('redis');
  });
});
