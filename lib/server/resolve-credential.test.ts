import { afterEach, describe, expect, it } from 'vitest';
import { ParleyError } from '@/lib/errors/parley-error';
import { clearAccessFailures } from './access-failures';
import { admit } from './admission';
import { clientAddress } from './client-address';
import { recordRejectedKey, resolveCredential } from './resolve-credential';
import { loadServerConfig } from './server-config';

afterEach(() => clearAccessFailures());

const withCode = loadServerConfig({
  CODE: 'alpha-code-1,beta-code-2',
  OPENROUTER_API_KEY: 'sk-server',
});
const withoutCode = loadServerConfig({ OPENROUTER_API_KEY: 'sk-server' });
const noServerKey = loadServerConfig({ CODE: 'alpha-code-1' });

function resolve(headers: Record<string, string>, config = withCode, userEndpoint = false) {
  try {
    return resolveCredential(new Headers(headers), config.providers.openrouter, config, {
      userEndpoint,
    });
  } catch (error) {
    if (error instanceof ParleyError) return error.code;
    throw error;
  }
}

const server = { source: 'server', apiKey: 'sk-server', unlocked: true };

describe('which key a request may use', () => {
  it.each([
    ['a valid code header', { 'x-access-code': 'alpha-code-1' }, server],
    ['the second code', { 'x-access-code': 'beta-code-2' }, server],
    ['a code as the bearer (SDKs)', { authorization: 'Bearer beta-code-2' }, server],
    [
      'a code and the person’s own key (the browser, or an SDK with x-access-code)',
      { 'x-access-code': 'alpha-code-1', authorization: 'Bearer sk-user' },
      { source: 'user', apiKey: 'sk-user', unlocked: true },
    ],
    [
      'the code in both places',
      { 'x-access-code': 'alpha-code-1', authorization: 'Bearer alpha-code-1' },
      server,
    ],
    ['a wrong code header', { 'x-access-code': 'alpha-code-2' }, 'auth:code_invalid'],
    ['a code that is a prefix', { 'x-access-code': 'alpha' }, 'auth:code_invalid'],
    [
      'a bearer that is not a code',
      { authorization: 'Bearer sk-user' },
      { source: 'user', apiKey: 'sk-user', unlocked: false },
    ],
    ['nothing at all', {}, 'auth:code_required'],
    ['an empty bearer', { authorization: 'Bearer ' }, 'auth:code_required'],
  ])('with codes configured, %s', (_name, headers, expected) => {
    expect(resolve(headers)).toEqual(expected);
  });

  it('a wrong code is an error even when a user key is also sent', () => {
    expect(resolve({ 'x-access-code': 'nope', authorization: 'Bearer sk-user' })).toBe(
      'auth:code_invalid',
    );
  });

  it('without codes, the server key serves anyone and a user key still wins', () => {
    expect(resolve({}, withoutCode)).toEqual(server);
    expect(resolve({ authorization: 'Bearer sk-user' }, withoutCode)).toEqual({
      source: 'user',
      apiKey: 'sk-user',
      unlocked: true,
    });
  });

  it('a valid code for a provider without a server key asks for the user key, and takes it', () => {
    expect(resolve({ 'x-access-code': 'alpha-code-1' }, noServerKey)).toBe('auth:key_missing');
    expect(
      resolve({ 'x-access-code': 'alpha-code-1', authorization: 'Bearer sk-own' }, noServerKey),
    ).toEqual({ source: 'user', apiKey: 'sk-own', unlocked: true });
  });

  it('an address from the request takes the person’s key and, with codes configured, the code', () => {
    expect(resolve({ authorization: 'Bearer sk-user' }, withCode, true)).toBe(
      'endpoint:code_required',
    );
    expect(resolve({ 'x-access-code': 'alpha-code-1' }, withCode, true)).toBe(
      'auth:user_key_required',
    );
    expect(
      resolve({ 'x-access-code': 'alpha-code-1', authorization: 'Bearer sk-user' }, withCode, true),
    ).toEqual({ source: 'user', apiKey: 'sk-user', unlocked: true });
    expect(resolve({ authorization: 'Bearer sk-user' }, withoutCode, true)).toEqual({
      source: 'user',
      apiKey: 'sk-user',
      unlocked: true,
    });
    const closed = loadServerConfig({ DISABLE_USER_KEYS: 'true' });
    expect(resolve({ authorization: 'Bearer sk-user' }, closed, true)).toBe(
      'auth:user_keys_disabled',
    );
  });

  it('counts keys the provider rejected as wrong codes, only when sent without a valid code', async () => {
    const config = loadServerConfig({ CODE: 'alpha-code-1', ACCESS_FAILURE_LIMIT: '2' });
    const headers = new Headers({ authorization: 'Bearer guess' });
    const guess = resolveCredential(headers, config.providers.openai, config);
    const withValidCode = { source: 'user', apiKey: 'k', unlocked: true } as const;
    recordRejectedKey(headers, withValidCode, 401, config);
    recordRejectedKey(headers, withValidCode, 401, config);
    recordRejectedKey(headers, guess, 200, config);
    expect(resolve({ authorization: 'Bearer another' }, config)).toMatchObject({
      source: 'user',
    });
    recordRejectedKey(headers, guess, 401, config);
    recordRejectedKey(headers, guess, 403, config);
    // The address is now refused at admission, before any code or key is judged.
    await expect(admit(clientAddress(headers), config, { slot: false })).rejects.toMatchObject({
      code: 'auth:too_many_attempts',
    });
  });
});
