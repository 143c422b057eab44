import type { HeaderSource } from './header-source';
import { attributionHeaders, sendsAttribution } from './attribution';
import { forwardRequestHeaders, type UpstreamHeaders } from './forwarded-headers';
import type { ResolvedRoute } from './resolve-route';
import type { ServerConfig } from './server-config';
import { upstreamCredentialHeaders } from './upstream-credential';
import { buildUpstreamUrl } from './upstream-url';
import { parseUserEndpoint, userEndpointHeader, userExtraHeaders } from './user-endpoint';

/** Everything an upstream call sends, built from validated parts only. */
export interface UpstreamRequestPlan {
  url: URL;
  method: string;
  headers: UpstreamHeaders;
  body?: string;
}

export interface UpstreamRequestInput {
  route: ResolvedRoute;
  credential: { source: 'server' | 'user'; apiKey?: string };
  config: ServerConfig;
  method: string;
  /** The model already checked against the allowlist (it may sit in the URL). */
  model?: string;
  /** The client's query; only what the registry allows for the path is passed on. */
  query?: URLSearchParams;
  /** The client's headers, when a client made the request (the proxy; not the catalog). */
  incoming?: HeaderSource;
  /** The public origin a router sees as `HTTP-Referer`. */
  referer: string;
  body?: Record<string, unknown>;
}

/**
 * The one place an upstream call is put together, for the proxy and the model catalog alike:
 * the URL (base, registry path, allowed query), the forwarded and the person's extra headers,
 * attribution for the operator's routers, and the one credential the access rules chose.
 */
export function planUpstreamRequest(input: UpstreamRequestInput): UpstreamRequestPlan {
  const { route, incoming } = input;
  const headers = incoming
    ? forwardRequestHeaders(incoming, route.definition.forwardHeaders ?? [])
    : {};
  if (incoming && route.userEndpoint) {
    for (const [name, value] of userExtraHeaders(incoming)) headers[name.toLowerCase()] = value;
  }
  // Attribution is for the routers the operator configured, not for a person's own address.
  if (sendsAttribution(route.definition, route.provider.baseUrl, route.userEndpoint === true)) {
    for (const [name, value] of Object.entries(attributionHeaders(input.config, input.referer))) {
      headers[name.toLowerCase()] = value;
    }
  }
  return {
    url: buildUpstreamUrl(route, input.query, input.model),
    method: input.method,
    headers: upstreamCredentialHeaders(route.definition, route.provider, input.credential, headers),
    // The validated object is what gets sent: a duplicate key cannot smuggle a second model.
    body: input.body === undefined ? undefined : JSON.stringify(input.body),
  };
}

/**
 * The same route, aimed at the person's own endpoint: whether or not the operator configured the
 * provider, without the operator's headers or options. `resolveCredential` makes sure only the
 * person's key goes there.
 */
export function userEndpointRoute(
  route: ResolvedRoute,
  endpoint: string,
  config: ServerConfig,
): ResolvedRoute {
  const baseUrl = parseUserEndpoint(endpoint, config).href;
  return {
    ...route,
    provider: { ...route.provider, baseUrl, headers: {}, credentialHeaders: {}, options: {} },
    userEndpoint: true,
  };
}

export { userEndpointHeader };
