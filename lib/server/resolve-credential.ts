import type { HeaderSource } from './header-source';
import { timingSafeEqual } from 'node:crypto';
import { ParleyError } from '@/lib/errors/parley-error';
import type { AuthScheme } from '@/lib/providers/types';
import { recordAccessFailure } from './access-failures';
import { clientAddress } from './client-address';
import { digestAccessCode, type ProviderRuntime, type ServerConfig } from './server-config';
import { gatewayHeaders } from '@/lib/gateway/contract.mjs';

/**
 * Which key a request may use upstream, decided once per request. `unlocked`: the request
 * carried a valid access code (or none is configured), so it may use the operator's keys.
 */
export type Credential =
  /** The operator's key; none for a provider that needs none (a local Ollama). */
  | { source: 'server'; apiKey?: string; unlocked: true }
  /** The person's own key (none only for a key-optional provider at their own address). */
  | { source: 'user'; apiKey?: string; unlocked: boolean };

export const accessCodeHeader = gatewayHeaders.accessCode;

/** Where each auth scheme's SDK puts its key; an SDK sends the access code the same way. */
const schemeHeaders: Record<AuthScheme, string | undefined> = {
  bearer: undefined,
  'x-api-key': 'x-api-key',
  'api-key': 'api-key',
  'x-goog-api-key': 'x-goog-api-key',
  none: undefined,
};

export interface AccessResult {
  /** The operator's keys may be used: codes are not configured, or a valid one was sent. */
  access: 'granted' | 'denied';
  /** The person's own key for the provider: a presented token that is not an access code. */
  userKey?: string;
}

/**
 * Reads the access code and the person's own key from a request. A code travels as
 * `x-access-code`, or as the token an SDK sends (then it is not a key). A wrong code in either
 * place counts against the client's address; a token that is not a code counts only when the
 * provider rejects it (see `recordRejectedKey`), since it may be a real key.
 */
export function checkAccess(
  headers: HeaderSource,
  config: ServerConfig,
  auth: AuthScheme = 'bearer',
): AccessResult {
  const presentedCode = headers.get(accessCodeHeader)?.trim();
  const schemeHeader = schemeHeaders[auth];
  const token = (schemeHeader && headers.get(schemeHeader)?.trim()) || readBearer(headers);
  if (!codesRequired(config)) {
    // With user keys disabled a token is ignored: an SDK must send something, and it gets the server key.
    return { access: 'granted', userKey: config.userKeysDisabled ? undefined : token };
  }

  // A locked-out address never gets here: `admit` refused it before any code was judged.
  const address = clientAddress(headers);
  const wrongCode = () => {
    recordAccessFailure(address, config);
    return new ParleyError('auth:code_invalid', 'The access code is not valid.');
  };
  const tokenIsCode = token !== undefined && isAccessCode(token, config);
  if (presentedCode) {
    if (!isAccessCode(presentedCode, config)) throw wrongCode();
    // The code unlocks the server's keys; a key beside it is the person's own and still wins.
    const userKey = token && !tokenIsCode && !config.userKeysDisabled ? token : undefined;
    return { access: 'granted', userKey };
  }
  if (token) {
    if (tokenIsCode) return { access: 'granted' };
    // Where users may not bring keys, a token that is not a code can only be a wrong code.
    if (config.userKeysDisabled) throw wrongCode();
    return { access: 'denied', userKey: token };
  }
  return { access: 'denied' };
}

/**
 * The access rules for one provider. The person's own key always wins, code or not; the code
 * unlocks the server's key only where the person has none. An address that came from the
 * request (`userEndpoint`) is used only with the person's own key, and, where codes are
 * configured, only with a valid code too: otherwise anyone with a made-up key could make the
 * server fetch any address.
 */
export function resolveCredential(
  headers: HeaderSource,
  provider: ProviderRuntime,
  config: ServerConfig,
  { userEndpoint = false }: { userEndpoint?: boolean } = {},
): Credential {
  const { access, userKey } = checkAccess(headers, config, provider.auth);
  const unlocked = access === 'granted';
  if (userEndpoint) {
    if (config.userKeysDisabled) {
      throw new ParleyError(
        'auth:user_keys_disabled',
        'This deployment does not accept your own keys or addresses.',
      );
    }
    if (!unlocked) {
      throw new ParleyError(
        'endpoint:code_required',
        'Your own endpoint address needs this deployment’s access code too.',
      );
    }
    if (!userKey && !provider.keyOptional) {
      throw new ParleyError('auth:user_key_required', 'Your own endpoint needs your own API key.');
    }
    return { source: 'user', apiKey: userKey, unlocked };
  }
  if (userKey) return { source: 'user', apiKey: userKey, unlocked };
  if (!unlocked) {
    throw new ParleyError(
      'auth:code_required',
      'This deployment needs an access code, or your own API key.',
    );
  }
  // A key-optional provider, or one whose credential the operator put in its headers.
  const headerCredential = Object.keys(provider.credentialHeaders).length > 0;
  if (!provider.apiKey && (provider.keyOptional || headerCredential)) {
    return { source: 'server', unlocked: true };
  }
  if (!provider.apiKey) {
    throw new ParleyError(
      'auth:key_missing',
      `No server key is configured for ${provider.name}; add your own API key in the settings.`,
    );
  }
  return { source: 'server', apiKey: provider.apiKey, unlocked: true };
}

/**
 * Whether the request carries a valid access code, for endpoints that are only about the code
 * (`/api/models?check`, the server catalog): every token presented (in whichever key header) is a code candidate, and a
 * wrong one counts, so no endpoint answers "right or wrong" faster than the lockout allows.
 */
export function requireAccessCode(headers: HeaderSource, config: ServerConfig): void {
  if (!codesRequired(config)) return;
  // Whichever header an SDK would use: a guess is a guess, and every one is counted.
  const candidate =
    headers.get(accessCodeHeader)?.trim() ||
    readBearer(headers) ||
    Object.values(schemeHeaders)
      .map((name) => (name ? headers.get(name)?.trim() : undefined))
      .find(Boolean);
  if (!candidate) {
    throw new ParleyError('auth:code_required', 'This deployment needs an access code.');
  }
  const address = clientAddress(headers);
  if (!isAccessCode(candidate, config)) {
    recordAccessFailure(address, config);
    throw new ParleyError('auth:code_invalid', 'The access code is not valid.');
  }
}

/**
 * A token sent without a valid code that the provider rejected could have been a guessed access
 * code: it counts as a wrong code, so guessing through `Authorization` is throttled like
 * guessing through `x-access-code`. (A person who mistypes their own key ten times waits too.)
 */
export function recordRejectedKey(
  headers: HeaderSource,
  credential: Credential,
  status: number,
  config: ServerConfig,
): void {
  if (!codesRequired(config) || credential.source !== 'user' || credential.unlocked) return;
  if (status !== 401 && status !== 403) return;
  recordAccessFailure(clientAddress(headers), config);
}

export function codesRequired(config: ServerConfig): boolean {
  return config.accessCodeDigests.length > 0;
}

function readBearer(headers: HeaderSource): string | undefined {
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
