import { describe, expect, it } from 'vitest';
import { ParleyError } from '@/lib/errors/parley-error';
import { resolveRoute } from './resolve-route';
import { loadServerConfig } from './server-config';
import { buildUpstreamUrl } from './upstream-url';

const config = loadServerConfig({
  GOOGLE_API_KEY: 'g',
  AZURE_OPENAI_API_KEY: 'a',
  AZURE_OPENAI_BASE_URL: 'https://res.openai.azure.com/openai',
  AZURE_OPENAI_API_VERSION: '2024-10-21',
});

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ParleyError) return error.code;
    throw error;
  }
  return undefined;
}

describe('routes with a model in the path', () => {
  it('captures the Gemini model and keeps only the allowed query', () => {
    const route = resolveRoute(
      { provider: 'google', path: ['v1beta', 'models', 'gemini-2.5-pro:streamGenerateContent'] },
      'POST',
      config,
    );
    expect(route.pathModel).toBe('gemini-2.5-pro');
    const url = buildUpstreamUrl(
      route,
      new URL('http://parley.test/api/google/x?alt=sse&key=leaked&alt2=1').searchParams,
      route.pathModel,
    );
    expect(url.toString()).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse',
    );
  });

  it('drops a query value the registry does not allow', () => {
    const route = resolveRoute(
      { provider: 'google', path: ['v1beta', 'models', 'gemini-2.5-pro:streamGenerateContent'] },
      'POST',
      config,
    );
    const url = buildUpstreamUrl(
      route,
      new URL('http://parley.test/?alt=json').searchParams,
      route.pathModel,
    );
    expect(url.search).toBe('');
  });

  it.each([
    ['an empty model', ['v1beta', 'models', ':streamGenerateContent']],
    ['another verb', ['v1beta', 'models', 'gemini-2.5-pro:countTokens']],
    ['an extra segment', ['v1beta', 'models', 'x', 'gemini-2.5-pro:streamGenerateContent']],
    ['an encoded slash', ['v1beta', 'models', '..%2Fgemini:streamGenerateContent']],
  ])('refuses %s', (_name, path) => {
    expect(codeOf(() => resolveRoute({ provider: 'google', path }, 'POST', config))).toBe(
      'path:not_allowed',
    );
  });

  it('sends Azure chats to the deployment URL with the server’s API version', () => {
    const route = resolveRoute(
      { provider: 'azure', path: ['chat', 'completions'] },
      'POST',
      config,
    );
    const url = buildUpstreamUrl(
      route,
      new URL('http://parley.test/?api-version=1999-01-01').searchParams,
      'my-deployment',
    );
    expect(url.toString()).toBe(
      'https://res.openai.azure.com/openai/deployments/my-deployment/chat/completions?api-version=2024-10-21',
    );
    const sdkRoute = resolveRoute(
      { provider: 'azure', path: ['deployments', 'other-deployment', 'chat', 'completions'] },
      'POST',
      config,
    );
    expect(sdkRoute.pathModel).toBe('other-deployment');
  });

  it('keeps a deployment name with URL characters inside its own segment', () => {
    const route = resolveRoute(
      { provider: 'azure', path: ['chat', 'completions'] },
      'POST',
      config,
    );
    const url = buildUpstreamUrl(
      route,
      new URL('http://parley.test/').searchParams,
      '../../admin?x=1',
    );
    expect(url.pathname).toBe('/openai/deployments/..%2F..%2Fadmin%3Fx%3D1/chat/completions');
  });
});
