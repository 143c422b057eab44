import { ParleyError } from '@/lib/errors/parley-error';
import { isModelAllowed } from '@/lib/models/allowlist';
import type { AuthScheme } from '@/lib/providers/types';
import { fetchUpstream } from './fetch-upstream';
import { forwardRequestHeaders, forwardResponseHeaders } from './forwarded-headers';
import { readJsonBody } from './read-json-body';
import { resolveCredential, type Credential } from './resolve-credential';
import { resolveRoute, type ResolvedRoute, type RouteTarget } from './resolve-route';
import { ConfigError, getServerConfig, type ServerConfig } from './server-config';

const credentialHeaders: Record<AuthScheme, (apiKey: string) => [string, string] | undefined> = {
  bearer: (apiKey) => ['authorization', `Bearer ${apiKey}`],
  'x-api-key': (apiKey) => ['x-api-key', apiKey],
  'api-key': (apiKey) => ['api-key', apiKey],
  'x-goog-api-key': (apiKey) => ['x-goog-api-key', apiKey],
  none: () => undefined,
};

/** Characters that could split a header or a log line; never valid in a key or a model id. */
const controlCharacters = /[\r\n\u0000]/;

/**
 * The gateway: `/api/<provider>/<path>` → the provider's upstream, in this order: config → route
 * (provider, path, method) → credential → body (read once, model allowlist) → upstream call →
 * the response streamed back untouched. Every failure is a typed JSON error with a real status.
 */
export async function proxyRequest(
  request: Request,
  target: RouteTarget,
  config?: ServerConfig,
): Promise<Response> {
  try {
    const serverConfig = config ?? getServerConfig();
    const route = resolveRoute(target, request.method, serverConfig);
    const credential = resolveCredential(request.headers, route.provider, serverConfig);
    const body =
      request.method === 'POST' ? await readCheckedBody(request, route, serverConfig) : undefined;

    const upstream = await fetchUpstream({
      url: route.upstreamUrl,
      method: request.method,
      headers: buildUpstreamHeaders(request, route, credential, serverConfig),
      body: body === undefined ? undefined : JSON.stringify(body),
      clientSignal: request.signal,
      timeouts: serverConfig.timeouts,
    });
    return new Response(upstream.body, {
      status: upstream.status,
      headers: forwardResponseHeaders(upstream.headers),
    });
  } catch (error) {
    return errorResponse(error);
  }
}

async function readCheckedBody(
  request: Request,
  route: ResolvedRoute,
  config: ServerConfig,
): Promise<Record<string, unknown>> {
  const body = await readJsonBody(request, config.maxBodyBytes);
  if (route.endpoint.kind === 'chat') {
    const model = body.model;
    if (typeof model !== 'string' || model.trim() === '' || controlCharacters.test(model)) {
      throw new ParleyError('model:missing', 'The request must name a model.');
    }
    if (!isModelAllowed(config.modelRules, route.provider.id, model)) {
      throw new ParleyError('model:not_allowed', 'This model is not allowed on this deployment.');
    }
  }
  // The parsed object is what gets sent, so a duplicate key cannot smuggle a second model past the check.
  return body;
}

function buildUpstreamHeaders(
  request: Request,
  route: ResolvedRoute,
  credential: Credential,
  config: ServerConfig,
): Headers {
  const headers = forwardRequestHeaders(request.headers);
  for (const [name, value] of Object.entries(route.provider.headers)) headers.set(name, value);
  if (route.attribution) {
    headers.set('http-referer', config.appUrl ?? requestOrigin(request));
    headers.set('x-title', config.appName);
    headers.set('x-openrouter-title', config.appName);
  }
  if (controlCharacters.test(credential.apiKey)) {
    throw new ParleyError(
      'auth:key_missing',
      'The API key contains characters that are not allowed.',
    );
  }
  const credentialHeader = credentialHeaders[route.provider.auth](credential.apiKey);
  if (credentialHeader) headers.set(...credentialHeader);
  return headers;
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
