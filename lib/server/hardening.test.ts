import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GET as listModels } from '@/app/api/models/route';
import { startTestServer, type TestServer } from '@/lib/testing/test-server';
import { gatewayTransports } from './testing/gateway-transports';
import { openStreamCount } from './stream-limits';
import { forgetServerConfig, loadServerConfig, type Environment } from './server-config';

/**
 * The gateway against hostile upstreams and clients, each case over real HTTP on loopback
 * (issue 11's battery, reduced to one test per hole).
 */

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  vi.unstubAllEnvs();
  forgetServerConfig();
  // Every answer's body was read (or refused), so no upstream call is left holding a slot.
  expect(openStreamCount()).toBe(0);
});

/** The process environment a route handler reads, as an operator would set it. */
function environment(values: Environment) {
  for (const [name, value] of Object.entries(values)) vi.stubEnv(name, value);
  forgetServerConfig();
}

const accessCode = 'hardening-code-1';
const megabyte = 1024 * 1024;

function configFor(extra: Environment = {}) {
  return loadServerConfig({
    OPENROUTER_API_KEY: 'sk-or-server-hardening',
    CODE: accessCode,
    ALLOW_PRIVATE_UPSTREAMS: 'true',
    ALLOW_HTTP_UPSTREAMS: 'true',
    ...extra,
  });
}

/** An upstream that answers an error with `megabytes` of body, written as fast as it is read. */
async function floodingUpstream(
  status: number,
  megabytes: number,
): Promise<{ server: TestServer; written: () => number }> {
  let written = 0;
  const chunk = Buffer.alloc(megabyte, 'x');
  const server = await startTestServer((_request, response: ServerResponse) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.write('{"error":{"message":"');
    let left = megabytes;
    const pump = () => {
      while (left > 0) {
        left -= 1;
        written += chunk.length;
        if (!response.write(chunk)) {
          response.once('drain', pump);
          return;
        }
      }
      response.end('"}}');
    };
    response.on('close', () => (left = 0));
    pump();
  });
  servers.push(server);
  return { server, written: () => written };
}

const chatRequest = (headers: Record<string, string>) =>
  new Request('http://parley.test/api/openrouter/chat/completions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ model: 'openai/gpt-5.1', messages: [{ role: 'user', content: 'Hi' }] }),
  });
const openrouterChat = { provider: 'openrouter', path: ['chat', 'completions'] };

describe.each(gatewayTransports)(
  'bodies read from an upstream are bounded ($name)',
  ({ send: proxyRequest }) => {
    it('reads a few hundred KB of a 300 MB error, masks it, and leaves memory where it was', async () => {
      const flood = await floodingUpstream(400, 300);
      const config = configFor({ OPENROUTER_BASE_URL: flood.server.url });
      global.gc?.();
      const before = process.memoryUsage();
      const response = await proxyRequest(
        chatRequest({ 'x-access-code': accessCode }),
        openrouterChat,
        config,
      );
      const text = await response.text();
      const after = process.memoryUsage();
      expect(response.status).toBe(400);
      expect(text.length).toBeLessThanOrEqual(256 * 1024 + 32);
      expect(text.endsWith('…[truncated]')).toBe(true);
      // The rest was never read: the upstream stopped long before its 300 MB.
      expect(flood.written()).toBeLessThan(64 * megabyte);
      // Reading the body whole took over 1 GB; what grows now is buffers in flight, not the body.
      const grownMb = (after.rss - before.rss) / megabyte;
      expect(grownMb).toBeLessThan(150);
    });

    it('truncates what the model list passes on from an upstream error', async () => {
      const flood = await floodingUpstream(400, 50);
      environment({
        OPENROUTER_BASE_URL: flood.server.url,
        ALLOW_PRIVATE_UPSTREAMS: 'true',
        ALLOW_HTTP_UPSTREAMS: 'true',
      });
      const response = await listModels(
        new Request('http://parley.test/api/models?provider=openrouter', {
          headers: { authorization: 'Bearer sk-own-key-1' },
        }),
      );
      const body = (await response.json()) as { error: { detail?: string; message: string } };
      expect(response.status).toBe(400);
      expect((body.error.detail ?? '').length + body.error.message.length).toBeLessThan(2100);
      expect(flood.written()).toBeLessThan(32 * megabyte);
    });
  },
);

const okUpstream = async () => {
  const server = await startTestServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"choices":[]}');
  });
  servers.push(server);
  return server;
};

const chatBody = (model: string) =>
  JSON.stringify({ model, messages: [{ role: 'user', content: 'Hi' }] });

describe.each(gatewayTransports)(
  'the deployment answers only to its own host names ($name)',
  ({ send: proxyRequest }) => {
    const request = (host: string, origin?: string) =>
      new Request(`http://${host}/api/openrouter/chat/completions`, {
        method: 'POST',
        headers: {
          host,
          'content-type': 'application/json',
          'x-access-code': accessCode,
          ...(origin ? { origin } : {}),
        },
        body: chatBody('openai/gpt-5.1'),
      });

    it('refuses a rebound name (same-origin to the browser) and accepts its own and loopback', async () => {
      const upstream = await okUpstream();
      const config = configFor({
        OPENROUTER_BASE_URL: upstream.url,
        APP_URL: 'https://parley.example',
        ALLOWED_HOSTS: 'chat.internal.example, other.example:8443',
      });
      const rebound = await proxyRequest(
        request('attacker.example', 'http://attacker.example'),
        openrouterChat,
        config,
      );
      expect(rebound.status).toBe(421);
      expect(((await rebound.json()) as { error: { code: string } }).error.code).toBe(
        'request:host_not_allowed',
      );
      expect(upstream.received).toHaveLength(0);
      for (const host of [
        'parley.example',
        'chat.internal.example',
        'other.example:8443',
        '127.0.0.1:3000',
        'localhost:3000',
      ]) {
        const response = await proxyRequest(request(host), openrouterChat, config);
        expect(response.status, host).toBe(200);
        await response.text();
      }
    });

    it('accepts any host when the operator named none (and warns at start)', async () => {
      const upstream = await okUpstream();
      const response = await proxyRequest(
        request('anything.example'),
        openrouterChat,
        configFor({ OPENROUTER_BASE_URL: upstream.url }),
      );
      expect(response.status).toBe(200);
      await response.text();
    });
  },
);

describe.each(gatewayTransports)(
  'smaller holes ($name)',
  ({ name: transport, send: proxyRequest }) => {
    const send = (
      body: string | ReadableStream<Uint8Array>,
      headers: Record<string, string> = {},
    ) =>
      new Request('http://parley.test/api/openrouter/chat/completions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-access-code': accessCode, ...headers },
        body,
        duplex: 'half',
      } as RequestInit);

    it('refuses an Azure deployment of . or .. from the body, before any call', async () => {
      const upstream = await okUpstream();
      const config = loadServerConfig({
        AZURE_OPENAI_API_KEY: 'azure-server-key',
        AZURE_OPENAI_BASE_URL: `${upstream.url}/openai`,
        AZURE_OPENAI_API_VERSION: '2024-10-21',
      });
      for (const model of ['.', '..', '../../x', 'a/./b']) {
        const response = await proxyRequest(
          new Request('http://parley.test/api/azure/chat/completions', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: chatBody(model),
          }),
          { provider: 'azure', path: ['chat', 'completions'] },
          config,
        );
        expect(response.status, model).toBe(403);
      }
      expect(upstream.received).toHaveLength(0);
    });

    it('refuses model ids that would dodge a deny rule or climb out of a glob', async () => {
      const upstream = await okUpstream();
      const denying = configFor({
        OPENROUTER_BASE_URL: upstream.url,
        MODELS: '+all,-openrouter:x-ai/*',
      });
      for (const model of [' x-ai/grok-4', '\tx-ai/grok-4', 'x-ai\u2215grok-4', 'x-ai／grok-4']) {
        const response = await proxyRequest(send(chatBody(model)), openrouterChat, denying);
        expect(response.status, JSON.stringify(model)).toBe(403);
      }
      const onlyAnthropic = configFor({
        OPENROUTER_BASE_URL: upstream.url,
        MODELS: '-all,+openrouter:anthropic/*',
      });
      const climbing = await proxyRequest(
        send(chatBody('anthropic/../openai/gpt-4o')),
        openrouterChat,
        onlyAnthropic,
      );
      expect(climbing.status).toBe(403);
      expect(upstream.received).toHaveLength(0);
      const allowed = await proxyRequest(
        send(chatBody('anthropic/claude-opus-4.7')),
        openrouterChat,
        onlyAnthropic,
      );
      expect(allowed.status).toBe(200);
      await allowed.text();
    });

    it('does not retry a spend-limit 429, which waiting does not fix', async () => {
      const limited = await startTestServer((_request, response) => {
        response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
        response.end(
          '{"type":"error","error":{"type":"rate_limit_error","message":"enforced_spend_limit_reached: your workspace reached its spend limit"}}',
        );
      });
      servers.push(limited);
      const config = loadServerConfig({
        ANTHROPIC_API_KEY: 'sk-ant',
        ANTHROPIC_BASE_URL: limited.url,
      });
      const response = await proxyRequest(
        new Request('http://parley.test/api/anthropic/v1/messages', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            model: 'claude-opus-4-7',
            max_tokens: 10,
            messages: [{ role: 'user', content: 'Hi' }],
          }),
        }),
        { provider: 'anthropic', path: ['v1', 'messages'] },
        config,
      );
      expect(response.status).toBe(429);
      await response.text();
      expect(limited.received).toHaveLength(1);
    });

    it('answers a body that claims a compression it does not have with 400', async () => {
      const upstream = await okUpstream();
      const response = await proxyRequest(
        send('this is not gzip at all', { 'content-encoding': 'gzip' }),
        openrouterChat,
        configFor({ OPENROUTER_BASE_URL: upstream.url }),
      );
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'request:invalid_json',
      );
      expect(upstream.received).toHaveLength(0);
    });

    it('answers a body that cannot be read with a real error, not an empty reply', async () => {
      // A body stream that breaks: only a web Request can carry one to the route handler; over
      // the network the same break is a garbled compression (the test above).
      if (transport !== 'route handler') return;
      const upstream = await okUpstream();
      const broken = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"model":'));
          controller.error(new Error('incorrect header check'));
        },
      });
      const response = await proxyRequest(
        send(broken, { 'content-encoding': 'gzip' }),
        openrouterChat,
        configFor({ OPENROUTER_BASE_URL: upstream.url }),
      );
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'request:invalid_json',
      );
    });

    it('sends attribution to the routers the operator configured, not to an own endpoint', async () => {
      const upstream = await okUpstream();
      const config = configFor({
        OPENROUTER_BASE_URL: upstream.url,
        APP_URL: 'https://parley.example',
      });
      const viaOperator = await proxyRequest(
        send(chatBody('openai/gpt-5.1'), { host: 'parley.example' }),
        openrouterChat,
        config,
      );
      await viaOperator.text();
      const viaOwn = await proxyRequest(
        send(chatBody('openai/gpt-5.1'), {
          host: 'parley.example',
          authorization: 'Bearer sk-own-key',
          'x-upstream-base-url': `${upstream.url}/own/v1`,
        }),
        openrouterChat,
        config,
      );
      await viaOwn.text();
      const [operator, own] = upstream.received;
      expect(operator?.headers['http-referer']).toBe('https://parley.example');
      expect(operator?.headers['x-title']).toBeDefined();
      expect(own?.url).toBe('/own/v1/chat/completions');
      expect(own?.headers['http-referer']).toBeUndefined();
      expect(own?.headers['x-title']).toBeUndefined();
    });

    it('applies the stream caps before reading a body', async () => {
      let answer: (() => void) | undefined;
      const holding = await startTestServer((_request, response) => {
        answer = () => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end('{}');
        };
      });
      servers.push(holding);
      const config = configFor({ OPENROUTER_BASE_URL: holding.url, MAX_STREAMS_PER_CLIENT: '1' });
      const first = proxyRequest(send(chatBody('openai/gpt-5.1')), openrouterChat, config);
      await expect.poll(() => holding.received.length).toBe(1);
      let pulled = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += 1;
          controller.enqueue(new TextEncoder().encode(chatBody('openai/gpt-5.1')));
          controller.close();
        },
      });
      const second = await proxyRequest(send(body), openrouterChat, config);
      expect(second.status).toBe(429);
      // A Request may buffer its first chunk on its own; the gateway itself read none of it.
      expect(pulled).toBeLessThanOrEqual(1);
      expect(holding.received).toHaveLength(1);
      answer?.();
      const answered = await first;
      expect(answered.status).toBe(200);
      await answered.text();
    });
  },
);

describe('codes cannot be guessed faster than the lockout allows', () => {
  it('throttles guesses at the code check whichever header carries them', async () => {
    environment({ CODE: accessCode, ACCESS_FAILURE_LIMIT: '3' });
    const check = async (headers: Record<string, string>) =>
      (
        await listModels(
          new Request('http://parley.test/api/models?check', {
            headers: { 'x-parley-client-address': '203.0.113.50', ...headers },
          }),
        )
      ).status;
    expect(await check({ authorization: 'Bearer guess-number-1' })).toBe(401);
    expect(await check({ 'x-api-key': 'guess-number-2' })).toBe(401);
    expect(await check({ 'x-access-code': 'guess-number-3' })).toBe(401);
    // Locked out: even the right code gets no answer about itself for a while.
    expect(await check({ authorization: `Bearer ${accessCode}` })).toBe(429);
  });
});
