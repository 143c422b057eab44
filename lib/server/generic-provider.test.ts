import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '@/lib/testing/test-server';
import { buildPublicConfig } from './build-public-config';
import { gatewayTransports } from './testing/gateway-transports';
import { loadServerConfig } from './server-config';

/** The refactor document's compatibility variables for the generic OpenAI-compatible provider. */

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const chat = (headers: Record<string, string> = {}) =>
  new Request('http://localhost/api/openai-compatible/chat/completions', {
    method: 'POST',
    headers: { host: 'localhost', 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ model: 'lab/model', messages: [{ role: 'user', content: 'Hi' }] }),
  });
const target = { provider: 'openai-compatible', path: ['chat', 'completions'] };

describe.each(gatewayTransports)('the generic provider ($name)', ({ send: proxyRequest }) => {
  it('means OpenRouter when only a key is set, and is off with ENABLED=false', () => {
    const keyed = loadServerConfig({ OPENAI_COMPATIBLE_API_KEY: 'sk-generic' });
    expect(keyed.providers['openai-compatible'].baseUrl).toBe('https://openrouter.ai/api/v1');
    expect(loadServerConfig({}).providers['openai-compatible'].baseUrl).toBeUndefined();
    const off = loadServerConfig({
      OPENAI_COMPATIBLE_API_KEY: 'sk-generic',
      OPENAI_COMPATIBLE_BASE_URL: 'https://lab.example/v1',
      OPENAI_COMPATIBLE_ENABLED: 'false',
    });
    expect(off.providers['openai-compatible']).toMatchObject({
      baseUrl: undefined,
      apiKey: undefined,
    });
  });

  it('authenticates with a credential header alone, and never sends it with a person’s key', async () => {
    const upstream = await startTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"choices":[]}');
    });
    servers.push(upstream);
    const config = loadServerConfig({
      OPENAI_COMPATIBLE_BASE_URL: upstream.url,
      OPENAI_COMPATIBLE_CUSTOM_HEADERS: '{"X-Api-Key":"gateway-secret","X-Team":"research"}',
      CODE: 'generic-code-1',
      MODELS: '+all',
    });
    expect(
      buildPublicConfig(config).providers.find((p) => p.id === 'openai-compatible'),
    ).toMatchObject({ hasServerKey: true });
    const server = await proxyRequest(chat({ 'x-access-code': 'generic-code-1' }), target, config);
    expect(server.status).toBe(200);
    await server.text();
    const own = await proxyRequest(chat({ authorization: 'Bearer sk-own' }), target, config);
    expect(own.status).toBe(200);
    await own.text();
    const [viaServer, viaOwn] = upstream.received;
    expect(viaServer?.headers['x-api-key']).toBe('gateway-secret');
    expect(viaServer?.headers['x-team']).toBe('research');
    expect(viaOwn?.headers['x-api-key']).toBeUndefined();
    expect(viaOwn?.headers.authorization).toBe('Bearer sk-own');
    expect(viaOwn?.headers['x-team']).toBe('research');
    // Without the code, the header credential is the server's key: refused.
    const anonymous = await proxyRequest(chat(), target, config);
    expect(anonymous.status).toBe(401);
  });

  it('starts new chats on PREFERRED_PROVIDER, and retries as MAX_RETRIES says', async () => {
    const config = loadServerConfig({
      OPENROUTER_API_KEY: 'sk-or',
      ANTHROPIC_API_KEY: 'sk-ant',
      PREFERRED_PROVIDER: 'anthropic',
      MAX_RETRIES: '0',
    });
    expect(buildPublicConfig(config).defaultModel).toMatch(/^anthropic:/);
    expect(config.maxRetries).toBe(0);
    expect(() => loadServerConfig({ PREFERRED_PROVIDER: 'nowhere' })).toThrow(/PREFERRED_PROVIDER/);
    expect(loadServerConfig({ PREFERRED_PROVIDER: 'openai_compatible' }).preferredProvider).toBe(
      'openai-compatible',
    );

    let calls = 0;
    const failing = await startTestServer((_request, response) => {
      calls += 1;
      response.writeHead(503);
      response.end();
    });
    servers.push(failing);
    const response = await proxyRequest(
      chat({ authorization: 'Bearer sk-own' }),
      target,
      loadServerConfig({
        OPENAI_COMPATIBLE_BASE_URL: failing.url,
        MAX_RETRIES: '0',
        MODELS: '+all',
      }),
    );
    expect(response.status).toBe(503);
    await response.text();
    expect(calls).toBe(1);
  });
});
