import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GET as listModels } from '@/app/api/models/route';
import { startTestServer, type TestServer } from '@/lib/testing/test-server';
import { proxyRequest } from './proxy';
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

describe('bodies read from an upstream are bounded', () => {
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
});
