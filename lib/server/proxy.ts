import { ParleyError } from '@/lib/errors/parley-error';
import { fetchUpstream } from './fetch-upstream';
import { forwardRequestHeaders, forwardResponseHeaders } from './forwarded-headers';
import { catalogHints } from './model-catalog';
import { prepareChatBody } from './prepare-chat-body';
import { readJsonBody } from './read-json-body';
import { resolveCredential, type Credential } from './resolve-credential';
import { resolveRoute, type ResolvedRoute, type RouteTarget } from './resolve-route';
import { ConfigError, getServerConfig, type ServerConfig } from './server-config';
import { upstreamCredentialHeaders } from './upstream-credential';
import { buildUpstreamUrl } from './upstream-url';
import {
  parseUserEndpoint,
  userEndpointFetch,
  userEndpointHeader,
  userExtraHeaders,
} from './user-endpoint';

/** Tells SDK users what the parameter policy removed from their request. */
export const strippedParametersHeader = 'x-parley-stripped-params';

/**
 * The gateway: `/api/<provider>/<path>` → the provider's upstream, in this order: config → route
 * (provider, path, method) → credential → body (read once; model allowlist, operator routing,
 * parameter policy) → upstream call → the response streamed back untouched. Every failure is a
 * typed JSON error with a real status.
 */
export async function proxyRequest(
  request: Request,
  target: RouteTarget,
  config?: ServerConfig,
): Promise<Response> {
  try {
    const serverConfig = config ?? getServerConfig();
    const resolved = resolveRoute(target, request.method, serverConfig);
    const credential = resolveCredential(request.headers, resolved.provider, serverConfig);
    const userEndpoint = request.headers.get(userEndpointHeader);
    const route = userEndpoint
      ? userEndpointRoute(resolved, userEndpoint, credential, serverConfig)
      : resolved;

    let body: Record<string, unknown> | undefined;
    let model: string | undefined;
    let stripped: string[] = [];
    if (request.method === 'POST') {
      body = await readJsonBody(request, serverConfig.maxBodyBytes);
      if (route.endpoint.kind === 'chat') {
        const prepared = prepareChatBody(route, body, serverConfig, (name) =>
          catalogHints(route.provider.id, name),
        );
        ({ body, model, stripped } = prepared);
      }
    }

    const upstream = await fetchUpstream({
      url: buildUpstreamUrl(route, request.url, model),
      method: request.method,
      headers: buildUpstreamHeaders(request, route, credential, serverConfig),
      // The validated object is what gets sent: a duplicate key cannot smuggle a second model.
      body: body === undefined ? undefined : JSON.stringify(body),
      clientSignal: request.signal,
      timeouts: serverConfig.timeouts,
      fetchImplementation: userEndpoint ? userEndpointFetch(serverConfig) : undefined,
    });
    const headers = forwardResponseHeaders(upstream.headers);
    if (stripped.length > 0) headers.set(strippedParametersHeader, stripped.join(', '));
    return new Response(upstream.body, { status: upstream.status, headers });
  } catch (error) {
    return errorResponse(error);
  }
}

/**
 * The same route, aimed at the user's own endpoint: only with the user's own key (a server key
 * never travels to an address that came from the request), without the operator's headers or
 * options, and with the user's extra headers (never credentials or hop-by-hop ones).
 */
function userEndpointRoute(
  route: ResolvedRoute,
  endpoint: string,
  credential: Credential,
  config: ServerConfig,
): ResolvedRoute {
  if (credential.source !== 'user') {
    throw new ParleyError('auth:user_key_required', 'Your own endpoint needs your own API key.');
  }
  const baseUrl = parseUserEndpoint(endpoint, config).href;
  return { ...route, provider: { ...route.provider, baseUrl, headers: {}, options: {} } };
}

function buildUpstreamHeaders(
  request: Request,
  route: ResolvedRoute,
  credential: Credential,
  config: ServerConfig,
): Headers {
  const headers = forwardRequestHeaders(request.headers, route.definition.forwardHeaders ?? []);
  if (request.headers.has(userEndpointHeader)) {
    for (const [name, value] of userExtraHeaders(request.headers)) headers.set(name, value);
  }
  if (route.attribution) {
    headers.set('http-referer', config.appUrl ?? requestOrigin(request));
    headers.set('x-title', config.appName);
    headers.set('x-openrouter-title', config.appName);
  }
  return upstreamCredentialHeaders(route.definition, route.provider, credential.apiKey, headers);
}

function requestOrigin(request: Request): string {
  return request.headers.get('origin') ?? new URL(request.url).origin;
}

function errorResponse(error: unknown): Response {
  if (error instanceof ParleyError) return error.toResponse();
  if (error instanceof ConfigError) return error.toResponse();
  console.error(
    '[parley] unexpected gateway failure',
    error instanceof Error ? error.name : typeof error,
  );
  return new ParleyError('upstream:error', 'The gateway failed unexpectedly.', {
    status: 500,
  }).toResponse();
}
