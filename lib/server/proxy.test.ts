import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMockUpstream, type MockUpstream } from '@/e2e/mock-upstream/server.mjs';
import { startTestServer, type TestServer } from '@/lib/testing/test-server';
import { gatewayTransports } from './testing/gateway-transports';
import { openStreamCount } from './stream-limits';
import { loadServerConfig, type Environment } from './server-config';

let mock: MockUpstream;
const servers: TestServer[] = [];

beforeAll(async () => {
  mock = await startMockUpstream();
});
afterAll(async () => {
  await mock.close();
});
afterEach(async () => {
  mock.reset();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const accessCode = 'proxy-test-code';

function configFor(extra: Environment = {}) {
  return loadServerConfig({
    OPENROUTER_API_KEY: 'sk-or-server',
    OPENROUTER_BASE_URL: `${mock.url}/api/v1`,
    CODE: accessCode,
    MODELS: '+all,-openrouter:x-ai/*',
    ...extra,
  });
}

function chatRequest(body: unknown, headers: Record<string, string> = {}) {
  return new Request('http://parley.test/api/openrouter/chat/completions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-access-code': accessCode, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const chat = (model: string) => ({
  model,
  stream: true,
  messages: [{ role: 'user', content: 'Hi' }],
});
const openrouterChat = { provider: 'openrouter', path: ['chat', 'completions'] };

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

describe.each(gatewayTransports)('the gateway proxy ($name)', ({ send: proxyRequest }) => {
  it('pipes the upstream stream through untouched, comments and all', async () => {
    const response = await proxyRequest(
      chatRequest(chat('mock/reasoning-details')),
      openrouterChat,
      configFor(),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(response.headers.get('x-request-id')).toMatch(/^req_mock_/);
    const text = await response.text();
    expect(text.startsWith(': OPENROUTER PROCESSING\n\n')).toBe(true);
    expect(text).toContain('"reasoning_details":[{"type":"reasoning.text"');
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
  });

  it('sends the server key, attribution, and none of the browser’s own headers', async () => {
    await proxyRequest(
      chatRequest(chat('mock/plain'), {
        cookie: 'session=secret',
        origin: 'http://parley.test',
        'x-forwarded-for': '203.0.113.9',
        'x-api-key': 'sk-smuggled',
        'x-mock-scenario': 'error-500',
      }),
      openrouterChat,
      configFor(),
    ).then((response) => response.text());
    const headers = mock.lastRequest()?.headers ?? {};
    expect(headers.authorization).toBe('Bearer sk-or-server');
    expect(headers['http-referer']).toBe('http://parley.test');
    expect(headers['x-title']).toBe('Parley');
    for (const name of [
      'cookie',
      'origin',
      'x-forwarded-for',
      'x-api-key',
      'x-access-code',
      'x-mock-scenario',
    ]) {
      expect(headers[name]).toBeUndefined();
    }
  });

  it('uses APP_URL and APP_NAME for attribution when set', async () => {
    const config = configFor({ APP_URL: 'https://parley.example', APP_NAME: 'My Parley' });
    await (
      await proxyRequest(
        chatRequest(chat('mock/plain'), { host: 'parley.example' }),
        openrouterChat,
        config,
      )
    ).text();
    expect(mock.lastRequest()?.headers['http-referer']).toBe('https://parley.example');
    expect(mock.lastRequest()?.headers['x-title']).toBe('My Parley');
  });

  it('passes an upstream error through with its status, body, Retry-After and request id', async () => {
    const response = await proxyRequest(
      chatRequest(chat('mock/error-429')),
      openrouterChat,
      configFor(),
    );
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('x-request-id')).toMatch(/^req_mock_/);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe('rate_limit_exceeded');
  });

  it.each([
    [
      'an unknown provider',
      { provider: 'nowhere', path: ['chat', 'completions'] },
      404,
      'provider:unknown',
    ],
    ['an unlisted path', { provider: 'openrouter', path: ['credits'] }, 404, 'path:not_allowed'],
    [
      'a dot-dot segment',
      { provider: 'openrouter', path: ['..', 'chat', 'completions'] },
      404,
      'path:not_allowed',
    ],
    [
      'an encoded segment',
      { provider: 'openrouter', path: ['chat%2Fcompletions'] },
      404,
      'path:not_allowed',
    ],
    [
      'a segment with a slash',
      { provider: 'openrouter', path: ['chat/completions'] },
      404,
      'path:not_allowed',
    ],
    [
      'a backslash',
      { provider: 'openrouter', path: ['chat\\completions'] },
      404,
      'path:not_allowed',
    ],
    ['no path', { provider: 'openrouter', path: [] }, 404, 'path:not_allowed'],
  ])('refuses %s before any network call', async (_name, target, status, code) => {
    const response = await proxyRequest(chatRequest(chat('mock/plain')), target, configFor());
    expect(response.status).toBe(status);
    expect(await errorCode(response)).toBe(code);
    expect(mock.requests()).toHaveLength(0);
  });

  it.each([
    ['malformed JSON', '{"model":', 400, 'request:invalid_json'],
    ['a JSON array', '[1,2]', 400, 'request:invalid_json'],
    ['no model', JSON.stringify({ messages: [] }), 400, 'model:missing'],
    ['a model with a newline', JSON.stringify({ model: 'a\nb' }), 400, 'model:missing'],
    ['a denied model', JSON.stringify(chat('x-ai/grok-4')), 403, 'model:not_allowed'],
    ['a denied model in other case', JSON.stringify(chat('X-AI/Grok-4')), 403, 'model:not_allowed'],
  ])('refuses %s with a typed error and no upstream call', async (_name, body, status, code) => {
    const response = await proxyRequest(chatRequest(body), openrouterChat, configFor());
    expect(response.status).toBe(status);
    expect(await errorCode(response)).toBe(code);
    expect(mock.requests()).toHaveLength(0);
  });

  it('sends the parsed body, so a duplicate key cannot smuggle a second model past the allowlist', async () => {
    const body = '{"model":"x-ai/grok-4","model":"mock/plain","stream":true,"messages":[]}';
    const response = await proxyRequest(chatRequest(body), openrouterChat, configFor());
    await response.text();
    expect(mock.lastRequest()?.rawBody).toBe('{"model":"mock/plain","stream":true,"messages":[]}');
  });

  it('checks every fallback model in a `models` array, failing closed on anything odd', async () => {
    for (const models of [['x-ai/grok-4'], ['mock/plain', 'X-AI/Grok-4'], 'x-ai/grok-4', [42]]) {
      const response = await proxyRequest(
        chatRequest({ ...chat('mock/plain'), models }),
        openrouterChat,
        configFor(),
      );
      expect([400, 403]).toContain(response.status);
    }
    expect(mock.requests()).toHaveLength(0);
  });

  it('merges the operator’s routing for the model and strips what the model would reject', async () => {
    const config = configFor({
      OPENROUTER_ROUTING: JSON.stringify({
        'openai/*': { provider: { data_collection: 'deny' }, models: ['deepseek/deepseek-r1'] },
      }),
    });
    const response = await proxyRequest(
      chatRequest({ ...chat('openai/gpt-5.1'), temperature: 0.7, top_p: 0.9, max_tokens: 100 }),
      openrouterChat,
      config,
    );
    expect(response.status).toBe(200);
    await response.text();
    expect(response.headers.get('x-parley-stripped-params')).toBe(
      'temperature, top_p, max_tokens->max_completion_tokens',
    );
    expect(mock.lastRequest()?.body).toEqual({
      model: 'openai/gpt-5.1',
      stream: true,
      messages: [{ role: 'user', content: 'Hi' }],
      provider: { data_collection: 'deny' },
      models: ['openai/gpt-5.1', 'deepseek/deepseek-r1'],
      max_completion_tokens: 100,
    });
  });

  it('refuses a body over the limit, by Content-Length or while reading', async () => {
    const config = configFor({ MAX_BODY_MB: String(1 / 1024) }); // 1 KiB
    const big = JSON.stringify({ ...chat('mock/plain'), padding: 'x'.repeat(2048) });
    const declared = await proxyRequest(chatRequest(big), openrouterChat, config);
    expect(declared.status).toBe(413);

    const bytes = new TextEncoder().encode(big);
    const streamed = new Request('http://parley.test/api/openrouter/chat/completions', {
      method: 'POST',
      headers: { 'x-access-code': accessCode },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(bytes);
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    const undeclared = await proxyRequest(streamed, openrouterChat, config);
    expect(undeclared.status).toBe(413);
    expect(await errorCode(undeclared)).toBe('request:too_large');
    expect(mock.requests()).toHaveLength(0);
  });

  it('refuses a method the path does not take', async () => {
    const request = new Request('http://parley.test/api/openrouter/models', {
      method: 'DELETE',
      headers: { 'x-access-code': accessCode },
    });
    const response = await proxyRequest(
      request,
      { provider: 'openrouter', path: ['models'] },
      configFor(),
    );
    expect(response.status).toBe(405);
  });

  it('drops hostile response headers and never serves an upstream page as HTML', async () => {
    const hostile = await startTestServer((_request, response) => {
      response.writeHead(500, {
        'content-type': 'text/html',
        'set-cookie': 'stolen=1',
        'www-authenticate': 'Basic realm="x"',
        'access-control-allow-origin': '*',
        'x-request-id': 'req_hostile',
        connection: 'close',
      });
      response.end('<script>alert(1)</script>');
    });
    servers.push(hostile);
    const response = await proxyRequest(
      chatRequest(chat('mock/plain')),
      openrouterChat,
      configFor({ OPENROUTER_BASE_URL: hostile.url }),
    );
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-request-id')).toBe('req_hostile');
    for (const name of ['set-cookie', 'www-authenticate', 'access-control-allow-origin']) {
      expect(response.headers.get(name)).toBeNull();
    }
  });

  it('never follows a redirect, so the key never reaches a second address', async () => {
    const attacker = await startTestServer((_request, response) => response.end('{}'));
    const redirecting = await startTestServer((_request, response) => {
      response.writeHead(307, { location: `${attacker.url}/steal` });
      response.end();
    });
    servers.push(attacker, redirecting);
    const response = await proxyRequest(
      chatRequest(chat('mock/plain')),
      openrouterChat,
      configFor({ OPENROUTER_BASE_URL: redirecting.url }),
    );
    expect(response.status).toBe(502);
    expect(await errorCode(response)).toBe('upstream:redirect');
    expect(attacker.received).toHaveLength(0);
  });

  it('reports an unreachable upstream as 502 and a silent one as 504', async () => {
    const closed = await startTestServer(() => undefined);
    const closedUrl = closed.url;
    await closed.close();
    const unreachable = await proxyRequest(
      chatRequest(chat('mock/plain')),
      openrouterChat,
      configFor({ OPENROUTER_BASE_URL: closedUrl }),
    );
    expect(unreachable.status).toBe(502);
    expect(await errorCode(unreachable)).toBe('upstream:unreachable');

    const silent = await startTestServer(() => undefined);
    servers.push(silent);
    const timedOut = await proxyRequest(
      chatRequest(chat('mock/plain')),
      openrouterChat,
      configFor({ OPENROUTER_BASE_URL: silent.url, FIRST_BYTE_TIMEOUT_MS: '200' }),
    );
    expect(timedOut.status).toBe(504);
    expect(await errorCode(timedOut)).toBe('upstream:timeout');
    await expect.poll(() => silent.closedConnections()).toBe(1);
  });

  it('cuts a stream that goes quiet for longer than the idle budget', async () => {
    const stalling = await startTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: {"choices":[{"index":0,"delta":{"content":"Hi"}}]}\n\n');
    });
    servers.push(stalling);
    const response = await proxyRequest(
      chatRequest(chat('mock/plain')),
      openrouterChat,
      configFor({ OPENROUTER_BASE_URL: stalling.url, IDLE_TIMEOUT_MS: '200' }),
    );
    expect(response.status).toBe(200);
    // The client is told in the stream's own format, so its parser shows why the answer stopped.
    expect(await response.text()).toContain('"code":"upstream:timeout"');
    await expect.poll(() => stalling.closedConnections()).toBe(1);
  });

  it('aborts the upstream as soon as the client goes away mid-stream', async () => {
    const client = new AbortController();
    const request = new Request(chatRequest(chat('mock/slow')), { signal: client.signal });
    const response = await proxyRequest(request, openrouterChat, configFor());
    const reader = response.body!.getReader();
    await reader.read();
    expect(mock.stats().open).toBe(1);
    client.abort();
    await reader.cancel();
    await expect.poll(() => mock.stats().aborted).toBe(1);
    expect(mock.stats().open).toBe(0);
  });

  it('refuses state-changing requests from another site, and non-JSON bodies', async () => {
    const crossSite = await proxyRequest(
      chatRequest(chat('mock/plain'), { origin: 'https://evil.example' }),
      openrouterChat,
      configFor(),
    );
    expect(crossSite.status).toBe(403);
    expect(await errorCode(crossSite)).toBe('request:cross_site');
    const fetchMetadata = await proxyRequest(
      chatRequest(chat('mock/plain'), { 'sec-fetch-site': 'cross-site' }),
      openrouterChat,
      configFor(),
    );
    expect(fetchMetadata.status).toBe(403);
    const form = await proxyRequest(
      chatRequest('model=x', { 'content-type': 'application/x-www-form-urlencoded' }),
      openrouterChat,
      configFor(),
    );
    expect(form.status).toBe(415);
    expect(mock.requests()).toHaveLength(0);
  });

  it('masks the key where an upstream error echoes it', async () => {
    const echoing = await startTestServer((request, response) => {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          error: { message: `Incorrect API key provided: ${request.headers.authorization}` },
        }),
      );
    });
    servers.push(echoing);
    const response = await proxyRequest(
      chatRequest(chat('mock/plain')),
      openrouterChat,
      configFor({ OPENROUTER_BASE_URL: echoing.url }),
    );
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(text).toContain('Bearer [redacted]');
    expect(text).not.toContain('sk-or-server');
  });

  it.each([
    [503, 3],
    [500, 3],
    [502, 3],
    [408, 3],
    [429, 3],
    [400, 1],
    [401, 1],
    [403, 1],
    [404, 1],
    [413, 1],
  ])(
    'an upstream %i before the first byte is tried %i time(s) in all',
    async (status, attempts) => {
      const failing = await startTestServer((_request, response) => {
        response.writeHead(status, { 'content-type': 'application/json', 'retry-after': '0' });
        response.end('{"error":{"message":"no"}}');
      });
      servers.push(failing);
      const response = await proxyRequest(
        chatRequest(chat('mock/plain')),
        openrouterChat,
        configFor({ OPENROUTER_BASE_URL: failing.url }),
      );
      expect(response.status).toBe(status);
      expect(failing.received).toHaveLength(attempts);
    },
  );

  it('does not retry a 429 for a spent quota, and honours Retry-After', async () => {
    const quota = await startTestServer((_request, response) => {
      response.writeHead(429, { 'content-type': 'application/json' });
      response.end(
        '{"error":{"code":"insufficient_quota","message":"You exceeded your current quota"}}',
      );
    });
    servers.push(quota);
    const spent = await proxyRequest(
      chatRequest(chat('mock/plain')),
      openrouterChat,
      configFor({ OPENROUTER_BASE_URL: quota.url }),
    );
    expect(spent.status).toBe(429);
    expect(quota.received).toHaveLength(1);

    let calls = 0;
    const recovering = await startTestServer((_request, response) => {
      calls += 1;
      if (calls === 1) {
        response.writeHead(429, { 'retry-after': '1' });
        response.end();
        return;
      }
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end('data: [DONE]\n\n');
    });
    servers.push(recovering);
    const recovered = await proxyRequest(
      chatRequest(chat('mock/plain')),
      openrouterChat,
      configFor({ OPENROUTER_BASE_URL: recovering.url }),
    );
    expect(recovered.status).toBe(200);
    expect(recovering.received).toHaveLength(2);
  });

  it('limits concurrent streams, and gives the slots back', async () => {
    // Other tests may still hold slots (bodies nobody read); count from what is open now.
    const config = configFor({ MAX_STREAMS_PER_CLIENT: String(openStreamCount() + 2) });
    const first = await proxyRequest(chatRequest(chat('mock/slow')), openrouterChat, config);
    const second = await proxyRequest(chatRequest(chat('mock/slow')), openrouterChat, config);
    const third = await proxyRequest(chatRequest(chat('mock/slow')), openrouterChat, config);
    expect([first.status, second.status, third.status]).toEqual([200, 200, 429]);
    expect(await errorCode(third)).toBe('gateway:busy');
    await first.body?.cancel();
    await second.text();
    const fourth = await proxyRequest(chatRequest(chat('mock/plain')), openrouterChat, config);
    expect(fourth.status).toBe(200);
    await fourth.text();
  });

  it('reports a configuration mistake by variable name, never by value', async () => {
    const { ConfigError } = await import('./server-config');
    const response = new ConfigError('OPENAI_BASE_URL', 'must be an http(s) URL').toResponse();
    expect(response.status).toBe(500);
    expect(await errorCode(response)).toBe('config:invalid');
  });

  it('sends the person’s own key upstream when they also send a valid code', async () => {
    const response = await proxyRequest(
      chatRequest(chat('mock/plain'), { authorization: 'Bearer sk-or-person' }),
      openrouterChat,
      configFor(),
    );
    expect(response.status).toBe(200);
    await response.text();
    expect(mock.lastRequest()?.headers.authorization).toBe('Bearer sk-or-person');
  });

  it('a person’s own key works with a code for a provider that has no server key', async () => {
    const config = configFor({ OPENROUTER_API_KEY: '' });
    const refused = await proxyRequest(chatRequest(chat('mock/plain')), openrouterChat, config);
    expect(await errorCode(refused)).toBe('auth:key_missing');
    const response = await proxyRequest(
      chatRequest(chat('mock/plain'), { authorization: 'Bearer sk-or-person' }),
      openrouterChat,
      config,
    );
    expect(response.status).toBe(200);
    await response.text();
    expect(mock.lastRequest()?.headers.authorization).toBe('Bearer sk-or-person');
  });

  it('logs one line per request with its facts, and never a key, a code or the content', async () => {
    const lines: string[] = [];
    const capture = (line: string | Uint8Array) => {
      lines.push(...String(line).trimEnd().split('\n'));
      return true;
    };
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    const errors = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    try {
      const config = configFor({ LOG_FORMAT: 'json' });
      const body = {
        ...chat('mock/plain'),
        temperature: 0.5,
        messages: [{ role: 'user', content: 'secret words' }],
      };
      const ok = await proxyRequest(chatRequest(body), openrouterChat, config);
      await ok.text();
      const refused = await proxyRequest(
        chatRequest(chat('mock/plain'), { 'x-access-code': 'wrong-code-123' }),
        openrouterChat,
        config,
      );
      expect(refused.status).toBe(401);
      const quiet = configFor({ LOG_LEVEL: 'warn' });
      await (await proxyRequest(chatRequest(chat('mock/plain')), openrouterChat, quiet)).text();
    } finally {
      spy.mockRestore();
      errors.mockRestore();
    }
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      level: 'info',
      event: 'gateway',
      method: 'POST',
      provider: 'openrouter',
      model: 'mock/plain',
      status: 200,
      key: 'server',
      bytes: expect.any(Number),
      first_byte_ms: expect.any(Number),
      duration_ms: expect.any(Number),
    });
    expect(records[1]).toMatchObject({ status: 401, error: 'auth:code_invalid' });
    const text = lines.join('\n');
    for (const secret of ['sk-or-server', accessCode, 'wrong-code-123', 'secret words']) {
      expect(text).not.toContain(secret);
    }
  });
});
