import { describe, expect, it } from 'vitest';
import { detectProviderName } from '@/lib/providers/detect-provider-name';
import { providers } from '@/lib/providers/registry';
import { behavesAs, definitionFor } from '@/lib/providers/behaviour';
import { publicOrigin, sendsAttribution } from './attribution';
import { buildPublicConfig } from './build-public-config';
import { loadServerConfig } from './server-config';

describe('the public origin sent as attribution', () => {
  const headers = (values: Record<string, string>) => new Headers(values);
  const internal = 'http://localhost:3000/api/openrouter/chat/completions';

  it('is APP_URL when set, else the page’s origin', () => {
    expect(
      publicOrigin(
        headers({ origin: 'https://page.example' }),
        loadServerConfig({ APP_URL: 'https://app.example' }),
        internal,
      ),
    ).toBe('https://app.example');
    expect(
      publicOrigin(headers({ origin: 'https://page.example' }), loadServerConfig({}), internal),
    ).toBe('https://page.example');
  });

  it('is the addressed host for an SDK, not the localhost the server sees', () => {
    expect(
      publicOrigin(headers({ host: 'chat.example.org' }), loadServerConfig({}), internal),
    ).toBe('http://chat.example.org');
    // A client-sent X-Forwarded-Host counts only behind trusted proxies.
    const forwarded = headers({
      host: '127.0.0.1:3000',
      'x-forwarded-host': 'chat.example.org',
      'x-forwarded-proto': 'https',
    });
    expect(publicOrigin(forwarded, loadServerConfig({}), internal)).toBe('http://127.0.0.1:3000');
    expect(publicOrigin(forwarded, loadServerConfig({ TRUSTED_PROXY_COUNT: '1' }), internal)).toBe(
      'https://chat.example.org',
    );
  });
});

describe('one host table for names, icons and behaviour', () => {
  it('names an endpoint on a known host, routers, OpenAI and Azure included', () => {
    expect(detectProviderName('https://openrouter.ai/api/v1')).toBe('OpenRouter');
    expect(detectProviderName('https://api.openai.com/v1')).toBe('OpenAI');
    expect(detectProviderName('https://team.services.ai.azure.com/openai/v1')).toBe('Azure OpenAI');
    expect(detectProviderName('https://lab.example/v1')).toBeUndefined();
    const config = loadServerConfig({ OPENAI_COMPATIBLE_BASE_URL: 'https://openrouter.ai/api/v1' });
    expect(config.providers['openai-compatible'].name).toBe('OpenRouter');
  });

  it('gives an OpenRouter-hosted endpoint OpenRouter’s attribution, wherever it was set up', () => {
    const generic = providers['openai-compatible'];
    expect(sendsAttribution(generic, 'https://openrouter.ai/api/v1', false)).toBe(true);
    expect(sendsAttribution(generic, 'https://openrouter.ai/api/v1', true)).toBe(true);
    expect(sendsAttribution(generic, 'https://lab.example/v1', false)).toBe(false);
    expect(sendsAttribution(providers.openrouter, 'https://proxy.example/v1', true)).toBe(false);
    expect(sendsAttribution(providers.openrouter, 'https://openrouter.ai/api/v1', false)).toBe(
      true,
    );
  });
});

describe('an endpoint on a router’s host takes the router’s request shape', () => {
  it('offers the router’s preferences and applies them, keeping its own paths', () => {
    const config = buildPublicConfig(
      loadServerConfig({ OPENAI_COMPATIBLE_BASE_URL: 'https://openrouter.ai/api/v1' }),
    );
    const generic = config.providers.find((provider) => provider.id === 'openai-compatible');
    expect(generic).toMatchObject({ name: 'OpenRouter', behavesAs: 'openrouter' });
    const shaped = definitionFor('openai-compatible', generic?.behavesAs);
    expect(shaped.settingFields?.map((field) => field.key)).toContain('providerOnly');
    expect(shaped.paths).toBe(providers['openai-compatible'].paths);
    expect(shaped.applyUserSettings?.({ model: 'm' }, { providerOnly: ['anthropic'] })).toEqual({
      model: 'm',
      provider: { order: ['anthropic'], only: ['anthropic'] },
    });
    expect(behavesAs('openai-compatible', 'https://lab.example/v1')).toBeUndefined();
    expect(behavesAs('openrouter', 'https://openrouter.ai/api/v1')).toBeUndefined();
  });
});
