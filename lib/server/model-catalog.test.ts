import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMockUpstream, type MockUpstream } from '@/e2e/mock-upstream/server.mjs';
import { startTestServer } from '@/lib/testing/test-server';
import { catalogHints, clearCatalogCache, providerCatalog } from './model-catalog';
import { loadServerConfig } from './server-config';

let mock: MockUpstream;
beforeAll(async () => {
  mock = await startMockUpstream();
});
afterAll(() => mock.close());
afterEach(() => {
  mock.reset();
  clearCatalogCache();
});

describe('the model catalog', () => {
  it('discovers with the server key, keeps curated models first, filters by the allowlist', async () => {
    const config = loadServerConfig({
      OPENROUTER_API_KEY: 'sk-or-catalog',
      OPENROUTER_BASE_URL: `${mock.url}/api/v1`,
      MODELS: '+all,-*:free',
    });
    const catalog = await providerCatalog('openrouter', config, 'http://localhost');
    expect(catalog.source).toBe('live');
    expect(mock.lastRequest()?.headers.authorization).toBe('Bearer sk-or-catalog');
    // The router sees the same attribution on discovery as on chat.
    expect(mock.lastRequest()?.headers['x-title']).toBe('Parley');
    expect(mock.lastRequest()?.headers['http-referer']).toBe('http://localhost');
    expect(catalog.models[0]?.curated).toBe(true);
    const ids = catalog.models.map((model) => model.id);
    expect(ids).toContain('openai/gpt-5.1');
    expect(ids.some((id) => id.endsWith(':free'))).toBe(false);
    const gpt = catalog.models.find((model) => model.id === 'openai/gpt-5.1');
    expect(gpt).toMatchObject({ reasoning: true, contextLength: expect.any(Number) });
    expect(gpt?.parameters).not.toContain('temperature');
    // The live entry now informs the gateway's parameter policy without another request.
    expect(catalogHints('openrouter', 'openai/gpt-5.1')?.supportedParameters).toBeDefined();
  });

  it('asks the provider once per ten minutes', async () => {
    const config = loadServerConfig({ OPENAI_API_KEY: 'sk', OPENAI_BASE_URL: `${mock.url}/v1` });
    await Promise.all([providerCatalog('openai', config), providerCatalog('openai', config)]);
    await providerCatalog('openai', config);
    expect(mock.requests()).toHaveLength(1);
  });

  it('serves the curated list, and says why, when discovery fails', async () => {
    const failing = await startTestServer((_request, response) => {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end('{"error":{"message":"Incorrect API key provided."}}');
    });
    const config = loadServerConfig({
      ANTHROPIC_API_KEY: 'sk-wrong',
      ANTHROPIC_BASE_URL: failing.url,
    });
    const catalog = await providerCatalog('anthropic', config);
    await failing.close();
    expect(catalog.source).toBe('curated');
    expect(catalog.error).toBe('upstream:unauthorized');
    expect(catalog.models.map((model) => model.id)).toEqual([
      'claude-opus-4-7',
      'claude-sonnet-4-5',
      'claude-haiku-4-5',
    ]);
  });

  it('lists without discovery for a provider that has no server key', async () => {
    const catalog = await providerCatalog('deepseek', loadServerConfig({}));
    expect(catalog.source).toBe('curated');
    expect(catalog.error).toBeUndefined();
    expect(mock.requests()).toHaveLength(0);
  });

  it('marks a curated model the live list lacks, after the listed ones', async () => {
    const lister = await startTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      // A bare array, as Together AI answers; OrcaRouter's own names for xAI.
      response.end(JSON.stringify([{ id: 'orcarouter/auto' }, { id: 'grok/grok-4' }]));
    });
    const config = loadServerConfig({ ORCAROUTER_API_KEY: 'sk', ORCAROUTER_BASE_URL: lister.url });
    const catalog = await providerCatalog('orcarouter', config);
    await lister.close();
    const curated = catalog.models.filter((model) => model.curated);
    expect(curated.slice(0, 2).map((model) => [model.id, model.unlisted])).toEqual([
      ['orcarouter/auto', undefined],
      ['grok/grok-4', undefined],
    ]);
    expect(curated.slice(2).every((model) => model.unlisted)).toBe(true);
    expect(catalog.models.map((model) => model.id)).not.toContain('x-ai/grok-4');
  });

  it('offers OpenRouter’s auto router among the curated models', async () => {
    const catalog = await providerCatalog('openrouter', loadServerConfig({}));
    expect(catalog.models.find((model) => model.id === 'openrouter/auto')).toMatchObject({
      curated: true,
      acceptsImages: true,
    });
  });
});
