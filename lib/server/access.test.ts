import { afterEach, describe, expect, it } from 'vitest';
import { ParleyError } from '@/lib/errors/parley-error';
import { clearAccessFailures } from './access-failures';
import { admit } from './admission';
import { clientAddress } from './client-address';
import { addressFromSocket } from './address-from-socket.mjs';
import { checkAccess } from './resolve-credential';
import { loadServerConfig } from './server-config';

afterEach(() => clearAccessFailures());

/** A request's access as every route decides it: admission (the lockout), then the code. */
async function attempt(
  headers: Record<string, string>,
  config: ReturnType<typeof loadServerConfig>,
) {
  try {
    const request = new Headers(headers);
    await admit(clientAddress(request), config, { slot: false });
    return checkAccess(request, config).access;
  } catch (error) {
    if (error instanceof ParleyError)
      return `${error.code}${error.retryAfterSeconds ? ` ${error.retryAfterSeconds}` : ''}`;
    throw error;
  }
}

describe('access control', () => {
  it('refuses a configured code shorter than eight characters, from CODE or ACCESS_CODE', () => {
    expect(() => loadServerConfig({ CODE: 'short' })).toThrow(
      /CODE: each access code must be at least 8/,
    );
    expect(() => loadServerConfig({ ACCESS_CODE: 'long-enough,1234' })).toThrow(/ACCESS_CODE/);
    expect(loadServerConfig({ ACCESS_CODE: 'long-enough' }).accessCodeDigests).toHaveLength(1);
  });

  it('makes an address wait after too many wrong codes, the right code included', async () => {
    const config = loadServerConfig({ CODE: 'the-right-code', ACCESS_FAILURE_LIMIT: '3' });
    for (let index = 0; index < 3; index++) {
      expect(await attempt({ 'x-access-code': `wrong-${index}` }, config)).toBe(
        'auth:code_invalid',
      );
    }
    expect(await attempt({ 'x-access-code': 'the-right-code' }, config)).toBe(
      'auth:too_many_attempts 600',
    );
  });

  it('with user keys disabled, ignores a token without codes and counts it as a wrong code with them', async () => {
    const open = loadServerConfig({ DISABLE_USER_KEYS: 'true', OPENROUTER_API_KEY: 'sk' });
    expect(checkAccess(new Headers({ authorization: 'Bearer sk-user' }), open)).toEqual({
      access: 'granted',
      userKey: undefined,
    });
    const closed = loadServerConfig({ HIDE_USER_API_KEY: '1', CODE: 'the-right-code' });
    expect(await attempt({ authorization: 'Bearer sk-user' }, closed)).toBe('auth:code_invalid');
    expect(await attempt({ authorization: 'Bearer the-right-code' }, closed)).toBe('granted');
  });

  it.each([
    ['203.0.113.7', undefined, 0, '203.0.113.7'],
    ['203.0.113.7', '1.2.3.4', 0, '203.0.113.7'],
    ['10.0.0.2', '198.51.100.9', 1, '198.51.100.9'],
    ['10.0.0.2', 'spoofed, 198.51.100.9', 1, '198.51.100.9'],
    ['10.0.0.2', '198.51.100.9, 10.0.0.1', 2, '198.51.100.9'],
    ['10.0.0.2', undefined, 3, '10.0.0.2'],
  ])(
    'socket %s, X-Forwarded-For %s, %i trusted proxies → %s',
    (socket, forwarded, proxies, expected) => {
      expect(addressFromSocket(socket, forwarded, proxies)).toBe(expected);
    },
  );
});
