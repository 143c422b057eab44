import { timingSafeEqual } from 'node:crypto';
import { ParleyError } from '@/lib/errors/parley-error';
import type { AuthScheme } from '@/lib/providers/types';
import { accessRetryAfter, recordAccessFailure } from './access-failures';
import { clientAddress } from './client-address';
import { digestAccessCode, type ProviderRuntime, type ServerConfig } from './server-config';

/** Which key a request may use upstream, decided once per request. */
export type Credential =
  /** No key for a provider that needs none (a local Ollama). */
  { source: 'server'; apiKey?: string } | { source: 'user'; apiKey: string };

export const accessCodeHeader = 'x-access-code';

/** Where each auth scheme's SDK puts its key; an SDK sends the access code the same way. */
const schemeHeaders: Record<AuthScheme, string | undefined> = {
  bearer: undefined,
  'x-api-key': 'x-api-key',
  'api-key': 'api-key',
  'x-goog-api-key': 'x-goog-api-key',
  none: undefined,
};

/**
 * Whether the request may use the operator's keys: `granted` (no codes configured, or a valid
 * one sent as `x-access-code` or as the token an SDK sends), `denied` (nothing presented), or an
 * error for a wrong `x-access-code`. A presented token that is not a code is the user's own key.
 */
export function checkAccess(
  headers: Headers,
  config: ServerConfig,
  auth: AuthScheme = 'bearer',
): { access: 'granted' | 'denied'; userKey?: string } {
  const presentedCode = headers.get(accessCodeHeader)?.trim();
  const schemeHeader = schemeHeaders[auth];
  const token = (schemeHeader && headers.get(schemeHeader)?.trim()) || readBearer(headers);
  const codesRequired = config.accessCodeDigests.length > 0;
  if (!codesRequired) {
    // With user keys disabled a token is ignored: an SDK must send something, and it gets the server key.
    return { access: 'granted', userKey: config.userKeysDisabled ? undefined : token };
  }

  const address = clientAddress(headers);
  const wrongCode = () => {
    recordAccessFailure(address, config);
    return new ParleyError('auth:code_invalid', 'The access code is not valid.');
  };
  if (presentedCode || token) {
    const wait = accessRetryAfter(address, config);
    if (wait !== undefined) {
      throw new ParleyError(
        'auth:too_many_attempts',
        'Too many wrong access codes; wait before trying again.',
        {
          retryAfterSeconds: wait,
        },
      );
    }
  }
  if (presentedCode) {
    if (!isAccessCode(presentedCode, config)) throw wrongCode();
    return { access: 'granted' };
  }
  if (token) {
    if (isAccessCode(token, config)) return { access: 'granted' };
    // Where users may not bring keys, a token that is not a code can only be a wrong code.
    if (config.userKeysDisabled) throw wrongCode();
    return { access: 'denied', userKey: token };
  }
  return { access: 'denied' };
}

/**
 * The access rules for one provider: with codes configured, the server key needs a valid code;
 * the user's own key goes upstream as is. Without codes, the server key serves anyone.
 */
export function resolveCredential(
  headers: Headers,
  provider: ProviderRuntime,
  config: ServerConfig,
): Credential {
  const { access, userKey } = checkAccess(headers, config, provider.auth);
  if (userKey) return { source: 'user', apiKey: userKey };
  if (access === 'denied') {
    throw new ParleyError(
      'auth:code_required',
      'This deployment needs an access code, or your own API key.',
    );
  }
  if (!provider.apiKey && provider.keyOptional) return { source: 'server' };
  if (!provider.apiKey) {
    throw new ParleyError(
      'auth:key_missing',
      `No server key is configured for ${provider.name}; add your own API key in the settings.`,
    );
  }
  return { source: 'server', apiKey: provider.apiKey };
}

function readBearer(headers: Headers): string | undefined {
  const authorization = headers.get('authorization');
  const match = authorization?.match(/^Bearer\s+(.+)$/i);
  return match?.[1]?.trim() || undefined;
}

/** Compares digests, so neither the length nor the content of a code leaks through timing. */
function isAccessCode(candidate: string, config: ServerConfig): boolean {
  const digest = digestAccessCode(candidate);
  let matched = false;
  for (const expected of config.accessCodeDigests) {
    if (timingSafeEqual(digest, expected)) matched = true;
  }
  return matched;
}
