import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMockUpstream, type MockUpstream } from '@/e2e/mock-upstream/server.mjs';
import { proxyRequest } from '@/lib/server/proxy';
import { loadServerConfig } from '@/lib/server/server-config';
import { providerIds, providers } from './registry';
import { protocols } from '@/lib/protocols';
import type { AuthScheme, ProviderDefinition } from './types';

const authHeaders: Record<AuthScheme, [string, string] | undefined> = {
  bearer: ['authorization', 'Bearer sk-registry-test'],
  'x-api-key': ['x-api-key', 'sk-registry-test'],
  'api-key': ['api-key', 'sk-registry-test'],
  'x-goog-api-key': ['x-goog-api-key', 'sk-registry-test'],
  none: undefined,
};

let mock: MockUpstream;
beforeAll(async () => {
  mock = await startMockUpstream();
});
afterAll(() => mock.close());
afterEach(() => mock.reset());

const definitions: Array<[string, ProviderDefinition]> = providerIds.map((id) => [
  id,
  providers[id],
]);

/** The environment an operator would set for this one provider, pointed at the mock. */
function environmentFor(definition: ProviderDefinition, basePath: string) {
  const [keyVariable] = definition.env.apiKey;
  const [baseVariable] = definition.env.baseUrl;
  if (!keyVariable || !baseVariable) throw new Error('every provider names its env variables');
  return { [keyVariable]: 'sk-registry-test', [baseVariable]: `${mock.url}${basePath}` };
}

describe.each(definitions)('registry entry %s', (id, definition) => {
  it('has a name, a protocol, env variables, and only relative paths', () => {
    expect(definition.name).not.toBe('');
    expect(definition.env.apiKey.length).toBeGreaterThan(0);
    expect(definition.env.baseUrl.length).toBeGreaterThan(0);
    for (const entry of definition.paths) {
      expect(entry.path).not.toMatch(/^\/|\.\.|\?|#/);
      expect(entry.methods.length).toBeGreaterThan(0);
    }
    if (definition.baseUrl) expect(new URL(definition.baseUrl).protocol).toBe('https:');
  });

  it('uses the SDK base-URL convention, so the native path appends to the configured base', async () => {
    const config = loadServerConfig(environmentFor(definition, '/some/base'));
    const native = protocols[definition.protocol].buildChatRequest({
      model: 'mock-plain',
      turns: [{ role: 'user', content: 'x' }],
    });
    const query = native.query ? `?${new URLSearchParams(native.query)}` : '';
    const response = await proxyRequest(
      new Request(`http://parley.test/api/${id}/${native.path}${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(native.body),
      }),
      { provider: id, path: native.path.split('/') },
      config,
    );
    expect(response.status).toBe(200);
    await response.text();
    const received = mock.lastRequest();
    expect(received?.path).toBe(`/some/base/${native.path}`);
    expect(received?.query).toEqual(native.query ?? {});
    const expectedHeader = authHeaders[definition.auth];
    if (expectedHeader) expect(received?.headers[expectedHeader[0]]).toBe(expectedHeader[1]);
    expect(received?.headers['http-referer'] !== undefined).toBe(definition.attribution === true);
    expect(received?.headers['x-title'] !== undefined).toBe(definition.attribution === true);
  });

  it('opens every listed path with its method and nothing else', async () => {
    const config = loadServerConfig(environmentFor(definition, '/v1'));
    for (const entry of definition.paths.filter((candidate) => candidate.methods.includes('GET'))) {
      const response = await proxyRequest(
        new Request(`http://parley.test/api/${id}/${entry.path}`),
        { provider: id, path: entry.path.split('/') },
        config,
      );
      expect(response.status).toBe(200);
      await response.text();
    }
    const requestsBefore = mock.requests().length;
    for (const path of [
      'completions',
      'embeddings',
      'files',
      'chat',
      'v2/chat/completions',
      'v1beta/files',
    ]) {
      const response = await proxyRequest(
        new Request(`http://parley.test/api/${id}/${path}`),
        { provider: id, path: path.split('/') },
        config,
      );
      expect(response.status).toBe(404);
    }
    expect(mock.requests()).toHaveLength(requestsBefore);
  });

  it.each([
    ['..', 'models'],
    ['.', 'models'],
    ['models', '..'],
    ['%2e%2e', 'models'],
    ['..%2Fmodels'],
    ['models%00'],
    ['models\\..'],
    ['models?x=1'],
    ['models#frag'],
    ['https:', '', 'evil.example', 'models'],
    ['\u0000models'],
    ['models\nx'],
  ])('refuses the traversal path %j before any network call', async (...path) => {
    const config = loadServerConfig(environmentFor(definition, '/v1'));
    const response = await proxyRequest(
      new Request(`http://parley.test/api/${id}/x`),
      { provider: id, path },
      config,
    );
    expect(response.status).toBe(404);
    expect(mock.requests()).toHaveLength(0);
  });

  it("never uses another provider's key", async () => {
    const others = definitions.filter(([otherId]) => otherId !== id);
    const env: Record<string, string> = { [definition.env.baseUrl[0] ?? '']: `${mock.url}/v1` };
    for (const [, other] of others)
      for (const name of other.env.apiKey) env[name] = 'sk-someone-else';
    const modelsPath = definition.paths.find((path) => path.kind === 'models')?.path ?? 'models';
    const response = await proxyRequest(
      new Request(`http://parley.test/api/${id}/${modelsPath}`),
      { provider: id, path: modelsPath.split('/') },
      loadServerConfig(env),
    );
    if (definition.keyOptional) {
      // A provider that needs no key is called without one, never with a neighbour's.
      expect(response.status).toBe(200);
      await response.text();
      expect(JSON.stringify(mock.lastRequest()?.headers)).not.toContain('sk-someone-else');
    } else {
      expect(response.status).toBe(401);
      expect(mock.requests()).toHaveLength(0);
    }
  });
});
