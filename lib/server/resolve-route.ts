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
  definition: ProviderDefinition;
  endpoint: ProviderPath;
  /** The model named in the path (`models/{model}:…`), checked like a model in the body. */
  pathModel?: string;
  attribution: boolean;
  /** The base URL came from the request (the person's own address), not from the operator. */
  userEndpoint?: boolean;
}

/** A path segment that could change where the joined path points is refused outright. */
const unsafeSegment = /[/\\?#%\u0000-\u001f\u007f]|^\.{1,2}$|^$/;

const notAllowed = () =>
  new ParleyError('path:not_allowed', 'This path is not available through the gateway.');

/**
 * Decides, before any network call, whether `/api/<provider>/<path>` may be opened: the provider
 * exists, every segment is plain, the path matches one the registry lists, the method fits.
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
    throw notAllowed();
  }
  let match: { endpoint: ProviderPath; pathModel?: string } | undefined;
  for (const endpoint of definition.paths) {
    const pathModel = matchTemplate(endpoint.path, target.path);
    if (pathModel !== null) {
      match = { endpoint, pathModel };
      break;
    }
  }
  if (!match) throw notAllowed();
  if (!match.endpoint.methods.includes(method as HttpMethod)) {
    throw new ParleyError('method:not_allowed', `${method} is not allowed on this path.`);
  }
  return {
    provider: runtime,
    definition,
    endpoint: match.endpoint,
    pathModel: match.pathModel,
    attribution: definition.attribution === true,
  };
}

/**
 * Matches request segments against a registry path. Returns the captured `{model}` (undefined
 * when the template has none), or null when the path does not match.
 */
function matchTemplate(template: string, segments: readonly string[]): string | undefined | null {
  const parts = template.split('/');
  if (parts.length !== segments.length) return null;
  let model: string | undefined;
  for (const [index, part] of parts.entries()) {
    const segment = segments[index] ?? '';
    const placeholder = part.indexOf('{model}');
    if (placeholder < 0) {
      if (part !== segment) return null;
      continue;
    }
    const prefix = part.slice(0, placeholder);
    const suffix = part.slice(placeholder + '{model}'.length);
    if (
      segment.length <= prefix.length + suffix.length ||
      !segment.startsWith(prefix) ||
      !segment.endsWith(suffix)
    ) {
      return null;
    }
    model = segment.slice(prefix.length, segment.length - suffix.length);
  }
  return model;
}
