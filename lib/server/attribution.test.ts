import { describe, expect, it } from 'vitest';
import { publicOrigin } from './attribution';
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
