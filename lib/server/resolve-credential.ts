import { timingSafeEqual } from 'node:crypto';
import { ParleyError } from '@/lib/errors/parley-error';
import { digestAccessCode, type ProviderRuntime, type ServerConfig } from './server-config';

/** Which key a request may use upstream, decided once per request. */
export type Credential = { source: 'server'; apiKey: string } | { source: 'user'; apiKey: string };

export const accessCodeHeader = 'x-access-code';

/**
 * The access rules: with access codes configured, the server key needs a valid code (sent as
 * `x-access-code`, or as the bearer so that SDKs work); a bearer that is not a code is the
 * user's own key and goes upstream as is. Without codes, the server key serves anyone.
 */
export function resolveCredential(
  headers: Headers,
  provider: ProviderRuntime,
  config: ServerConfig,
): Credential {
  const presentedCode = headers.get(accessCodeHeader)?.trim();
  const bearer = readBearer(headers);
  const codesRequired = config.accessCodeDigests.length > 0;

  if (codesRequired && presentedCode !== undefined && presentedCode !== '') {
    if (!isAccessCode(presentedCode, config)) {
      throw new ParleyError('auth:code_invalid', 'The access code is not valid.');
    }
    return serverCredential(provider);
  }
  if (bearer) {
    if (codesRequired && isAccessCode(bearer, config)) return serverCredential(provider);
    return { source: 'user', apiKey: bearer };
  }
  if (codesRequired) {
    throw new ParleyError(
      'auth:code_required',
      'This deployment needs an access code, or your own API key.',
    );
  }
  return serverCredential(provider);
}

function serverCredential(provider: ProviderRuntime): Credential {
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
  const token = match?.[1]?.trim();
  return token || undefined;
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
