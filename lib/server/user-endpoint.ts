import { processState } from './process-state';
import type { HeaderSource } from './header-source';
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { Agent, fetch as undiciFetch } from 'undici';
import { ParleyError } from '@/lib/errors/parley-error';
import { isPrivateAddress, isPrivateHostName } from './address-guard';
import type { ServerConfig } from './server-config';
import { gatewayHeaders } from '@/lib/gateway/contract.mjs';

export const userEndpointHeader = gatewayHeaders.upstreamBaseUrl;
/** A user endpoint's extra headers, as one JSON object. */
export const userHeadersHeader = gatewayHeaders.upstreamHeaders;

/** Headers a user's extra headers may never set: credentials, routing and hop-by-hop ones. */
const reservedHeaders =
  /^(authorization|x-api-key|api-key|x-goog-api-key|cookie|host|connection|content-length|content-type|transfer-encoding|te|trailer|upgrade|keep-alive|expect|origin|referer|forwarded|via|proxy-.*|x-forwarded-.*|x-real-ip|x-access-code|x-upstream-.*)$/i;
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/;

export function userExtraHeaders(headers: HeaderSource): Array<[string, string]> {
  const text = headers.get(userHeadersHeader);
  if (!text) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ParleyError('request:invalid_json', 'The endpoint headers are not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return [];
  return Object.entries(parsed).flatMap(([name, value]): Array<[string, string]> =>
    headerName.test(name) &&
    !reservedHeaders.test(name) &&
    typeof value === 'string' &&
    !/[\r\n\u0000]/.test(value)
      ? [[name, value]]
      : [],
  );
}

const refused = (reason: string) =>
  new ParleyError('endpoint:refused', `This endpoint address is refused: ${reason}.`);

/**
 * A base URL that came from the browser, parsed once; the parsed URL is what gets fetched. It
 * must be https (http only where the operator allows it), carry no credentials, and name no
 * private host, unless the operator allows private upstreams (a self-hoster's own Ollama).
 */
export function parseUserEndpoint(text: string, config: ServerConfig): URL {
  if (text.length > 2048 || /[\u0000-\u001f\u007f]/.test(text)) throw refused('not a plain URL');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refused('not a URL');
  }
  const httpAllowed = config.userEndpoints.allowHttp || config.userEndpoints.allowPrivate;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && httpAllowed)) {
    throw refused('only https is allowed');
  }
  if (url.username || url.password) throw refused('credentials in the URL are not allowed');
  if (url.search || url.hash) throw refused('a query or fragment is not allowed');
  if (!config.userEndpoints.allowPrivate && isPrivateHostName(url.hostname)) {
    throw refused('private and local addresses are not allowed');
  }
  return new URL(url.href.replace(/\/+$/, ''));
}

/**
 * Checks every address a name resolves to, at the moment the socket connects, so a name that
 * resolves to a public address when checked and a private one when used (DNS rebinding) is
 * still caught.
 */
export function guardedLookup(
  hostName: string,
  options: LookupOptions,
  callback: (
    error: NodeJS.ErrnoException | null,
    address: string | LookupAddress[],
    family?: number,
  ) => void,
): void {
  const family =
    options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : (options.family ?? 0);
  dnsLookup(hostName, { all: true, family }, (error, addresses) => {
    if (error) return callback(error, []);
    if (addresses.length === 0 || addresses.some((entry) => isPrivateAddress(entry.address))) {
      const refusal: NodeJS.ErrnoException = new Error(`${hostName} resolves to a private address`);
      refusal.code = 'EPRIVATEADDRESS';
      return callback(refusal, []);
    }
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    return callback(null, first?.address ?? '', first?.family);
  });
}

/** The connection pool for user endpoints: every connection passes the address guard. */
export function userEndpointDispatcher(config: ServerConfig): Agent | undefined {
  if (config.userEndpoints.allowPrivate) return undefined;
  return processState('guardedAgent', () => new Agent({ connect: { lookup: guardedLookup } }));
}

/** The fetch used for user endpoints: same API, through the guarded pool. */
export function userEndpointFetch(config: ServerConfig): typeof fetch {
  const agent = userEndpointDispatcher(config);
  if (!agent) return fetch;
  return ((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher: agent,
    })) as unknown as typeof fetch;
}
