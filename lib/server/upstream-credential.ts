import { ParleyError } from '@/lib/errors/parley-error';
import type { AuthScheme, ProviderDefinition } from '@/lib/providers/types';
import type { UpstreamHeaders } from './forwarded-headers';
import type { ProviderRuntime } from './server-config';

const credentialHeaders: Record<AuthScheme, (apiKey: string) => [string, string] | undefined> = {
  bearer: (apiKey) => ['authorization', `Bearer ${apiKey}`],
  'x-api-key': (apiKey) => ['x-api-key', apiKey],
  'api-key': (apiKey) => ['api-key', apiKey],
  'x-goog-api-key': (apiKey) => ['x-goog-api-key', apiKey],
  none: () => undefined,
};

/** Characters that could split a header; never valid in a key. */
const controlCharacters = /[\r\n\u0000]/;

/**
 * Adds what every upstream call to this provider carries: its version headers (unless the client
 * chose its own), the operator's extra headers, and the one credential the access rules chose.
 */
export function upstreamCredentialHeaders(
  definition: ProviderDefinition,
  runtime: ProviderRuntime,
  credential: { source: 'server' | 'user'; apiKey?: string },
  headers: UpstreamHeaders = {},
): UpstreamHeaders {
  for (const [name, value] of Object.entries(definition.defaultHeaders ?? {})) {
    headers[name.toLowerCase()] ??= value;
  }
  for (const [name, value] of Object.entries(runtime.headers)) headers[name.toLowerCase()] = value;
  // The operator's credential in header form goes with the server's key only, never a person's.
  if (credential.source === 'server') {
    for (const [name, value] of Object.entries(runtime.credentialHeaders)) {
      headers[name.toLowerCase()] = value;
    }
  }
  const { apiKey } = credential;
  if (apiKey === undefined) return headers;
  if (controlCharacters.test(apiKey)) {
    throw new ParleyError(
      'request:invalid_header',
      'The API key contains characters that are not allowed.',
    );
  }
  const keyHeader = credentialHeaders[runtime.auth](apiKey);
  if (keyHeader) headers[keyHeader[0]] = keyHeader[1];
  return headers;
}
