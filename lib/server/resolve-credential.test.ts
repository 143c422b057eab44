import { describe, expect, it } from 'vitest';
import { ParleyError } from '@/lib/errors/parley-error';
import { resolveCredential } from './resolve-credential';
import { loadServerConfig } from './server-config';

const withCode = loadServerConfig({
  CODE: 'alpha-code-1,beta-code-2',
  OPENROUTER_API_KEY: 'sk-server',
});
const withoutCode = loadServerConfig({ OPENROUTER_API_KEY: 'sk-server' });
const noServerKey = loadServerConfig({ CODE: 'alpha-code-1' });

function resolve(headers: Record<string, string>, config = withCode) {
  try {
    return resolveCredential(new Headers(headers), config.providers.openrouter, config);
  } catch (error) {
    if (error instanceof ParleyError) return error.code;
    throw error;
  }
}

describe('which key a request may use', () => {
  it.each([
    [
      'a valid code header',
      { 'x-access-code': 'alpha-code-1' },
      { source: 'server', apiKey: 'sk-server' },
    ],
    [
      'the second code',
      { 'x-access-code': 'beta-code-2' },
      { source: 'server', apiKey: 'sk-server' },
    ],
    [
      'a code as the bearer (SDKs)',
      { authorization: 'Bearer beta-code-2' },
      { source: 'server', apiKey: 'sk-server' },
    ],
    ['a wrong code header', { 'x-access-code': 'alpha-code-2' }, 'auth:code_invalid'],
    ['a code that is a prefix', { 'x-access-code': 'alpha' }, 'auth:code_invalid'],
    [
      'a bearer that is not a code',
      { authorization: 'Bearer sk-user' },
      { source: 'user', apiKey: 'sk-user' },
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
    expect(resolve({}, withoutCode)).toEqual({ source: 'server', apiKey: 'sk-server' });
    expect(resolve({ authorization: 'Bearer sk-user' }, withoutCode)).toEqual({
      source: 'user',
      apiKey: 'sk-user',
    });
  });

  it('a valid code for a provider without a server key asks for the user key', () => {
    expect(resolve({ 'x-access-code': 'alpha-code-1' }, noServerKey)).toBe('auth:key_missing');
  });
});
