import { ParleyError } from '@/lib/errors/parley-error';
import type { ResolvedRoute } from './resolve-route';

/** A value the client may pass for a `'*'` query parameter: a page size or an opaque token. */
const plainQueryValue = /^[\w.~-]{1,512}$/;

/**
 * Builds the URL actually fetched from validated parts only: the configured base, the registry
 * path (or the provider hook's), the model already checked against the allowlist, and the query
 * parameters the registry allows. The result is asserted to stay under the base.
 */
export function buildUpstreamUrl(
  route: ResolvedRoute,
  query: URLSearchParams | undefined,
  model: string | undefined,
): URL {
  const base = new URL(`${route.provider.baseUrl}/`);
  const target = route.definition.upstreamTarget?.({
    endpoint: route.endpoint,
    model,
    options: route.provider.options,
  });
  const path =
    target?.path ??
    route.endpoint.path.replace('{model}', encodeURIComponent(route.pathModel ?? ''));
  const url = new URL(path, base);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) {
    throw new ParleyError('path:not_allowed', 'This path is not available through the gateway.');
  }

  const allowed = route.endpoint.query ?? {};
  for (const [name, value] of query ?? []) {
    const values = allowed[name];
    if (
      values &&
      (values.includes(value) || (values.includes('*') && plainQueryValue.test(value)))
    ) {
      url.searchParams.set(name, value);
    }
  }
  for (const [name, value] of Object.entries(target?.query ?? {}))
    url.searchParams.set(name, value);
  return url;
}
