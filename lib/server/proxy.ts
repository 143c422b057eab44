import { gatewayHeaders } from '@/lib/gateway/contract.mjs';
import { errorBodyLimitBytes, readBoundedText } from '@/lib/http/read-bounded';
import { ParleyError } from '@/lib/errors/parley-error';
import { fetchUpstream } from './fetch-upstream';
import { forwardRequestHeaders, forwardResponseHeaders } from './forwarded-headers';
import { catalogHints } from './model-catalog';
import { prepareChatBody } from './prepare-chat-body';
import { readJsonBody } from './read-json-body';
import { RequestLog } from './request-log';
import { recordRejectedKey, resolveCredential, type Credential } from './resolve-credential';
import { resolveRoute, type ResolvedRoute, type RouteTarget } from './resolve-route';
import { ConfigError, getServerConfig, type ServerConfig } from './server-config';
import { upstreamCredentialHeaders } from './upstream-credential';
import { buildUpstreamUrl } from './upstream-url';
import { clientAddress } from './client-address';
import { streamErrorEvents } from './stream-error-events';
import { acquireStreamSlot } from './stream-limits';
import { attributionHeaders, publicOrigin, sendsAttribution } from './attribution';
import { requireOwnHost } from './own-host';
import {
  parseUserEndpoint,
  userEndpointFetch,
  userEndpointHeader,
  userExtraHeaders,
} from './user-endpoint';

/** Tells SDK users what the parameter policy removed from their request. */
export const strippedParametersHeader = gatewayHeaders.strippedParameters;

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
  let serverConfig: ServerConfig | undefined;
  let release: (() => void) | undefined;
  const requestLog = new RequestLog(() => serverConfig?.log, request.method, target.provider);
  try {
    serverConfig = config ?? getServerConfig();
    requireOwnHost(request.headers, serverConfig);
    refuseCrossSite(request);
    const resolved = resolveRoute(target, request.method, serverConfig);
    requestLog.set({ path: resolved.endpoint.path });
    const userEndpoint = request.headers.get(userEndpointHeader);
    const route = userEndpoint
      ? userEndpointRoute(resolved, userEndpoint, serverConfig)
      : requireBaseUrl(resolved);
    const credential = resolveCredential(request.headers, resolved.provider, serverConfig, {
      userEndpoint: userEndpoint !== null,
    });
    requestLog.set({ key: credential.source });
    // The caps apply before a byte of the body is read: a refused client costs nothing.
    release = acquireStreamSlot(clientAddress(request.headers), serverConfig);

    let body: Record<string, unknown> | undefined;
    let model: string | undefined;
    let stripped: string[] = [];
    if (request.method === 'POST') {
      refuseNonJson(request);
      body = await readJsonBody(request, serverConfig.maxBodyBytes);
      if (route.endpoint.kind === 'chat') {
        requestLog.setModel(route.pathModel ?? body.model);
        const prepared = prepareChatBody(route, body, serverConfig, (name) =>
          catalogHints(route.provider.id, name),
        );
        ({ body, model, stripped } = prepared);
        if (stripped.length > 0) requestLog.set({ stripped: stripped.join(',') });
      }
    }

    const slot = release;
    const upstream = await fetchUpstream({
      url: buildUpstreamUrl(route, request.url, model),
      method: request.method,
      headers: buildUpstreamHeaders(request, route, credential, serverConfig),
      // The validated object is what gets sent: a duplicate key cannot smuggle a second model.
      body: body === undefined ? undefined : JSON.stringify(body),
      clientSignal: request.signal,
      timeouts: serverConfig.timeouts,
      maxRetries: serverConfig.maxRetries,
      fetchImplementation: userEndpoint ? userEndpointFetch(serverConfig) : undefined,
      streamErrorEvent: streamErrorEvents[route.definition.protocol],
      onSettled: (outcome) => {
        slot();
        requestLog.settled(outcome);
      },
    });
    requestLog.responded(upstream.status);
    recordRejectedKey(request.headers, credential, upstream.status, serverConfig);
    const headers = forwardResponseHeaders(upstream.headers);
    if (stripped.length > 0) headers.set(strippedParametersHeader, stripped.join(', '));
    if (upstream.status >= 400 && credential.apiKey) {
      // Some upstreams echo the key they were sent in their error text.
      return new Response(await maskedText(upstream, credential.apiKey), {
        status: upstream.status,
        headers,
      });
    }
    return new Response(upstream.body, { status: upstream.status, headers });
  } catch (error) {
    // Refused or failed before the upstream answered: the slot is free again.
    release?.();
    const response = errorResponse(error);
    requestLog.failed(response.status, error);
    return response;
  }
}

/** A provider the operator left without an address is reachable only at the person's own. */
function requireBaseUrl(route: ResolvedRoute): ResolvedRoute {
  if (!route.provider.baseUrl) {
    throw new ParleyError(
      'provider:not_configured',
      `${route.provider.name} has no base URL configured; set your own in the settings.`,
    );
  }
  return route;
}

/**
 * The same route, aimed at the user's own endpoint: whether or not the operator configured the
 * provider, without the operator's headers or options, and with the user's extra headers (never
 * credentials or hop-by-hop ones). `resolveCredential` makes sure only the user's key goes there.
 */
function userEndpointRoute(
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
  // Attribution is for the routers the operator configured, not for a person's own address.
  if (sendsAttribution(route.definition, route.provider.baseUrl, route.userEndpoint === true)) {
    const referer = publicOrigin(request.headers, config, request.url);
    for (const [name, value] of Object.entries(attributionHeaders(config, referer))) {
      headers.set(name, value);
    }
  }
  return upstreamCredentialHeaders(route.definition, route.provider, credential, headers);
}

/**
 * Browsers say where a request comes from; a state-changing one from another site is refused
 * (a page elsewhere must not spend this deployment's keys). SDKs send no Origin and pass.
 */
function refuseCrossSite(request: Request): void {
  if (request.method === 'GET' || request.method === 'HEAD') return;
  const origin = request.headers.get('origin');
  if (origin === null && request.headers.get('sec-fetch-site') !== 'cross-site') return;
  // Behind a reverse proxy the page's host may arrive as X-Forwarded-Host; a browser on another
  // site cannot set that header without a preflight this gateway never grants.
  const ownHosts = [
    request.headers.get('host'),
    request.headers.get('x-forwarded-host'),
    new URL(request.url).host,
  ]
    .filter((host): host is string => Boolean(host))
    .map((host) => host.toLowerCase());
  const originHost = origin ? hostOf(origin) : undefined;
  if (!originHost || !ownHosts.includes(originHost)) {
    throw new ParleyError('request:cross_site', 'Requests from other websites are not accepted.');
  }
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined;
  }
}

function refuseNonJson(request: Request): void {
  const type = request.headers.get('content-type');
  if (type && !/^application\/([\w.+-]+\+)?json\b/i.test(type.trim())) {
    throw new ParleyError(
      'request:unsupported_media_type',
      'The gateway accepts JSON request bodies only.',
    );
  }
}

/**
 * The upstream's error text with the key replaced, however often it appears: at most
 * `errorBodyLimitBytes` of it (the rest is never read), marked where it was cut.
 */
async function maskedText(upstream: Response, apiKey: string): Promise<string> {
  const { text, truncated } = await readBoundedText(upstream, errorBodyLimitBytes);
  // A key cut at the limit is masked too: its visible start is dropped with the tail.
  const masked = apiKey.length >= 4 ? text.split(apiKey).join('[redacted]') : text;
  if (!truncated) return masked;
  const cut = partialKeyAtEnd(masked, apiKey);
  return `${masked.slice(0, masked.length - cut)}…[truncated]`;
}

/** How many characters at the end of `text` are the start of `key` (a key cut by the limit). */
function partialKeyAtEnd(text: string, key: string): number {
  for (let length = Math.min(key.length - 1, text.length); length > 0; length--) {
    if (text.endsWith(key.slice(0, length))) return length;
  }
  return 0;
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
