import { ParleyError } from '@/lib/errors/parley-error';
import { isProviderId, providers } from '@/lib/providers/registry';
import type { HttpMethod, ProviderDefinition, ProviderPath } from '@/lib/providers/types';
import type { ProviderRuntime, ServerConfig } from './server-config';

export interface RouteTarget {
  provider: string;
  path: readonly string[];
}

export interface ResolvedRoute {
  provider: ProviderRuntime;
  endpoint: ProviderPath;
  /** Built only from the registry entry and the configured base URL, never from the request. */
  upstreamUrl: URL;
  attribution: boolean;
}

/** A path segment that could change where the joined path points is refused outright. */
const unsafeSegment = /[/\\?#%\u0000-\u001f\u007f]|^\.{1,2}$|^$/;

/**
 * Decides, before any network call, whether `/api/<provider>/<path>` may be opened: the provider
 * exists, every segment is plain, the joined path is one the registry lists, the method fits.
 */
export function resolveRoute(
  target: RouteTarget,
  method: string,
  config: ServerConfig,
): ResolvedRoute {
  if (!isProviderId(target.provider)) {
    throw new ParleyError('provider:unknown', 'There is no such provider.');
  }
  const definition: ProviderDefinition = providers[target.provider];
  const runtime = config.providers[target.provider];

  if (target.path.length === 0 || target.path.some((segment) => unsafeSegment.test(segment))) {
    throw new ParleyError('path:not_allowed', 'This path is not available through the gateway.');
  }
  const joined = target.path.join('/');
  const endpoint = definition.paths.find((candidate) => candidate.path === joined);
  if (!endpoint) {
    throw new ParleyError('path:not_allowed', 'This path is not available through the gateway.');
  }
  if (!endpoint.methods.includes(method as HttpMethod)) {
    throw new ParleyError('method:not_allowed', `${method} is not allowed on this path.`);
  }
  if (!runtime.baseUrl) {
    throw new ParleyError('provider:not_configured', `${runtime.name} has no base URL configured.`);
  }

  const base = new URL(`${runtime.baseUrl}/`);
  const upstreamUrl = new URL(endpoint.path, base);
  if (upstreamUrl.origin !== base.origin || !upstreamUrl.pathname.startsWith(base.pathname)) {
    throw new ParleyError('path:not_allowed', 'This path is not available through the gateway.');
  }
  return {
    provider: runtime,
    endpoint,
    upstreamUrl,
    attribution: definition.attribution === true,
  };
}
