import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMockUpstream, type MockUpstream } from '@/e2e/mock-upstream/server.mjs';

let mock: MockUpstream;
let route: typeof import('./route');

beforeAll(async () => {
  mock = await startMockUpstream();
  vi.stubEnv('OPENROUTER_API_KEY', 'sk-or-route-test');
  vi.stubEnv('OPENROUTER_BASE_URL', `${mock.url}/api/v1`);
  vi.stubEnv('CODE', 'route-test-code');
  // The configuration is read once per process, so the route is imported after the env is set.
  route = await import('./route');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await mock.close();
});

const context = (provider: string, path: string[]) => ({
  params: Promise.resolve({ provider, path }),
});

describe('the proxy route handler', () => {
  it('streams a chat completion with the server key when the access code is right', async () => {
    const response = await route.POST(
      new Request('http://localhost:3000/api/openrouter/chat/completions', {
        method: 'POST',
        headers: { authorization: 'Bearer route-test-code', 'content-type': 'application/json' },
        body: JSON.stringify({
          model: 'mock/reasoning',
          stream: true,
          messages: [{ role: 'user', content: 'Hi' }],
        }),
      }),
      context('openrouter', ['chat', 'completions']),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('"reasoning":"The "');
    expect(mock.lastRequest()?.headers.authorization).toBe('Bearer sk-or-route-test');
  });

  it('answers 401 auth:code_required without a code or key, with no network call', async () => {
    const before = mock.requests().length;
    const response = await route.GET(
      new Request('http://localhost:3000/api/openrouter/models'),
      context('openrouter', ['models']),
    );
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('auth:code_required');
    expect(JSON.stringify(body)).not.toContain('sk-or-route-test');
    expect(mock.requests()).toHaveLength(before);
  });
});
