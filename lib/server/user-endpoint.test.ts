import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMockUpstream, type MockUpstream } from '@/e2e/mock-upstream/server.mjs';
import { ParleyError } from '@/lib/errors/parley-error';
import { startTestServer } from '@/lib/testing/test-server';
import { isPrivateAddress } from './address-guard';
import { gatewayTransports } from './testing/gateway-transports';
import { loadServerConfig, type Environment } from './server-config';
import { guardedLookup, parseUserEndpoint } from './user-endpoint';

const strict = loadServerConfig({});

function refusal(url: string, config = strict): string | undefined {
  try {
    parseUserEndpoint(url, config);
    return undefined;
  } catch (error) {
    if (error instanceof ParleyError) return error.code;
    throw error;
  }
}

describe('user endpoint addresses', () => {
  it.each([
    'http://api.example.com/v1',
    'https://user:pass@api.example.com/v1',
    'https://localhost/v1',
    'https://127.0.0.1/v1',
    'https://127.1/v1',
    'https://2130706433/v1',
    'https://0x7f.1/v1',
    'https://０x7f.0.0.1/v1',
    'https://１２７.0.0.1/v1',
    'https://[::1]/v1',
    'https://[::ffff:7f00:1]/v1',
    'https://[::ffff:169.254.169.254]/v1',
    'https://[64:ff9b::a9fe:a9fe]/v1',
    // IPv4-compatible and IPv4-translated spellings of loopback (both passed the prefix list).
    'https://[::127.0.0.1]/v1',
    'https://[::ffff:0:7f00:1]/v1',
    'https://[::ffff:0:127.0.0.1]/v1',
    'https://[2002:7f00:1::]/v1',
    'https://[2001:0:7f00:1::]/v1',
    'https://[fec0::1]/v1',
    'https://[100::1]/v1',
    'https://255.255.255.255/v1',
    'https://192.88.99.1/v1',
    'https://192.0.0.170/v1',
    'https://169.254.169.254/latest',
    'https://10.1.2.3/v1',
    'https://172.20.0.1/v1',
    'https://192.168.1.10/v1',
    'https://100.64.0.1/v1',
    'https://0.0.0.0/v1',
    'https://metadata.google.internal/v1',
    'https://ollama.local/v1',
    'https://ollama/v1',
    'https://api.example.com/v1?api.openai.com',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s', (url) => {
    expect(refusal(url)).toBe('endpoint:refused');
  });

  it.each(['https://api.together.xyz/v1', 'https://llm.example.org:8443/openai/v1/'])(
    'accepts %s',
    (url) => {
      expect(refusal(url)).toBeUndefined();
    },
  );

  it('allows http and private hosts only when the operator says so', () => {
    const relaxed = loadServerConfig({ ALLOW_PRIVATE_UPSTREAMS: 'true' });
    expect(refusal('http://127.0.0.1:11434/v1', relaxed)).toBeUndefined();
    expect(
      refusal('http://api.example.com/v1', loadServerConfig({ ALLOW_HTTP_UPSTREAMS: 'true' })),
    ).toBeUndefined();
    expect(
      refusal('http://127.0.0.1:11434/v1', loadServerConfig({ ALLOW_HTTP_UPSTREAMS: 'true' })),
    ).toBe('endpoint:refused');
  });

  it('checks the addresses a name resolves to when connecting, not only the name', async () => {
    // `localhost` resolves to loopback through the hosts file: the connect-time check must refuse
    // it even if the name check were fooled (a public-looking name rebound to a private address).
    const outcome = await new Promise<string>((resolve) =>
      guardedLookup('localhost', { all: true }, (error) => resolve(error?.code ?? 'allowed')),
    );
    expect(outcome).toBe('EPRIVATEADDRESS');
  });

  it.each([
    ['127.0.0.1', true],
    ['::ffff:127.0.0.1', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['8.8.8.8', false],
    ['2606:4700:4700::1111', false],
    ['::7f00:1', true],
    ['::ffff:0:7f00:1', true],
    ['64:ff9b:1::a9fe:a9fe', true],
    ['2001:db8::1', true],
    ['2001:2::1', true],
    ['3fff::1', true],
    ['5f00::1', true],
    ['4000::1', true],
    ['198.18.0.1', true],
    ['240.0.0.1', true],
    ['1.1.1.1', false],
    ['not-an-ip', true],
  ])('%s is private: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});

describe.each(gatewayTransports)(
  'the proxy with a user endpoint ($name)',
  ({ send: proxyRequest }) => {
    let mock: MockUpstream;
    beforeAll(async () => {
      mock = await startMockUpstream();
    });
    afterAll(() => mock.close());
    afterEach(() => mock.reset());

    const configFor = (extra: Environment = {}) =>
      loadServerConfig({
        OPENAI_COMPATIBLE_BASE_URL: 'https://operator.example/v1',
        OPENAI_COMPATIBLE_API_KEY: 'sk-operator',
        OPENAI_COMPATIBLE_CUSTOM_HEADERS: '{"X-Operator":"secret-header"}',
        CODE: 'the-access-code',
        ...extra,
      });

    const request = (headers: Record<string, string>) =>
      new Request('http://parley.test/api/openai-compatible/chat/completions', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-upstream-base-url': `${mock.url}/user/v1`,
          ...headers,
        },
        body: JSON.stringify({
          model: 'mock-plain',
          stream: true,
          messages: [{ role: 'user', content: 'hi' }],
        }),
      });
    const target = { provider: 'openai-compatible', path: ['chat', 'completions'] };

    it('never sends a server key to an address from the request', async () => {
      const response = await proxyRequest(
        request({ 'x-access-code': 'the-access-code' }),
        target,
        configFor({ ALLOW_PRIVATE_UPSTREAMS: 'true' }),
      );
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'auth:user_key_required',
      );
      expect(mock.requests()).toHaveLength(0);
    });

    it('refuses a private endpoint unless the operator allows private upstreams', async () => {
      const response = await proxyRequest(
        request({ authorization: 'Bearer sk-user' }),
        target,
        configFor(),
      );
      expect(response.status).toBe(400);
      expect(mock.requests()).toHaveLength(0);
    });

    it('never follows a redirect from a user endpoint', async () => {
      const attacker = await startTestServer((_request, response) => response.end('{}'));
      const redirecting = await startTestServer((_request, response) => {
        response.writeHead(302, { location: `${attacker.url}/steal` });
        response.end();
      });
      const response = await proxyRequest(
        new Request('http://parley.test/api/openai-compatible/chat/completions', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: 'Bearer sk-user',
            'x-access-code': 'the-access-code',
            'x-upstream-base-url': `${redirecting.url}/v1`,
          },
          body: JSON.stringify({ model: 'm', messages: [] }),
        }),
        target,
        configFor({ ALLOW_PRIVATE_UPSTREAMS: 'true' }),
      );
      await Promise.all([attacker.close(), redirecting.close()]);
      expect(response.status).toBe(502);
      expect(redirecting.received).toHaveLength(1);
      expect(attacker.received).toHaveLength(0);
    });

    it('sends the user key and the user’s extra headers, never the operator’s', async () => {
      const response = await proxyRequest(
        request({
          authorization: 'Bearer sk-user',
          'x-access-code': 'the-access-code',
          'x-upstream-headers': JSON.stringify({
            'X-Team': 'blue',
            Cookie: 'a=b',
            'X-Api-Key': 'smuggled',
          }),
        }),
        target,
        configFor({ ALLOW_PRIVATE_UPSTREAMS: 'true' }),
      );
      expect(response.status).toBe(200);
      await response.text();
      const received = mock.lastRequest();
      expect(received?.path).toBe('/user/v1/chat/completions');
      expect(received?.headers.authorization).toBe('Bearer sk-user');
      expect(received?.headers['x-team']).toBe('blue');
      for (const name of [
        'x-operator',
        'cookie',
        'x-api-key',
        'x-upstream-base-url',
        'x-upstream-headers',
      ]) {
        expect(received?.headers[name]).toBeUndefined();
      }
    });

    it('with codes configured, an address from the request needs the code too (no open relay)', async () => {
      const response = await proxyRequest(
        request({ authorization: 'Bearer made-up-key' }),
        target,
        configFor({ ALLOW_PRIVATE_UPSTREAMS: 'true' }),
      );
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'endpoint:code_required',
      );
      expect(mock.requests()).toHaveLength(0);
    });

    it.each([
      ['openai-compatible', 'sk-user', 'Bearer sk-user'],
      ['azure', 'azure-user-key', undefined],
      ['ollama', undefined, undefined],
    ])(
      'reaches a person’s own %s address when the operator configured none',
      async (provider, key, expectedAuthorization) => {
        const config = loadServerConfig({ ALLOW_PRIVATE_UPSTREAMS: 'true' });
        expect(config.providers[provider as 'ollama'].baseUrl).toBeUndefined();
        const headers: Record<string, string> = {
          'content-type': 'application/json',
          'x-upstream-base-url': `${mock.url}/user/v1`,
        };
        if (key)
          headers[provider === 'azure' ? 'api-key' : 'authorization'] =
            expectedAuthorization ?? key;
        const response = await proxyRequest(
          new Request(`http://parley.test/api/${provider}/chat/completions`, {
            method: 'POST',
            headers,
            body: JSON.stringify({
              model: 'mock-plain',
              stream: true,
              messages: [{ role: 'user', content: 'hi' }],
            }),
          }),
          { provider, path: ['chat', 'completions'] },
          config,
        );
        expect(response.status).toBe(200);
        await response.text();
        const received = mock.lastRequest();
        expect(received?.path).toBe('/user/v1/chat/completions');
        if (provider === 'azure') expect(received?.headers['api-key']).toBe(key);
        else expect(received?.headers.authorization).toBe(expectedAuthorization);
      },
    );

    it('without a person’s own address, an unconfigured provider says so', async () => {
      const response = await proxyRequest(
        new Request('http://parley.test/api/ollama/chat/completions', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ model: 'm', messages: [] }),
        }),
        { provider: 'ollama', path: ['chat', 'completions'] },
        loadServerConfig({}),
      );
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'provider:not_configured',
      );
    });
  },
);
