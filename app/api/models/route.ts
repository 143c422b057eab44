import { ParleyError } from '@/lib/errors/parley-error';
import { isProviderId, providerIds } from '@/lib/providers/registry';
import { assembleCatalog, fetchModelList, providerCatalog } from '@/lib/server/model-catalog';
import { checkAccess } from '@/lib/server/resolve-credential';
import { ConfigError, getServerConfig } from '@/lib/server/server-config';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * The model catalog: every reachable provider's models (or one, with `?provider=`), discovered
 * with the server keys, so it needs the same access as the keys themselves. With a user's own
 * key and `?provider=`, that provider's list as the user's key sees it.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const config = getServerConfig();
    const requested = new URL(request.url).searchParams.get('provider');
    if (requested !== null && !isProviderId(requested)) {
      throw new ParleyError('provider:unknown', 'There is no such provider.');
    }
    const { access, userKey } = checkAccess(request.headers, config);
    if (userKey && requested && config.providers[requested].baseUrl) {
      // A user's own key lists what that key can use; nothing is cached or shared.
      const userBase = request.headers.get('x-upstream-base-url') ?? undefined;
      const listed = await fetchModelList(requested, config, userKey, userBase);
      return Response.json(
        {
          providers: [{ provider: requested, source: 'live' }],
          models: assembleCatalog(requested, config, listed),
        },
        { headers: { 'cache-control': 'no-store' } },
      );
    }
    if (access === 'denied') {
      throw new ParleyError('auth:code_required', 'This deployment needs an access code.');
    }
    // `?check`: only whether the access code opens the door (the settings' "Check" button).
    if (new URL(request.url).searchParams.has('check')) return new Response(null, { status: 204 });
    const ids = (requested ? [requested] : providerIds).filter(
      (id) => config.providers[id].baseUrl,
    );
    const catalogs = await Promise.all(ids.map((id) => providerCatalog(id, config)));
    return Response.json(
      {
        providers: catalogs.map(({ provider, source, error }) => ({ provider, source, error })),
        models: catalogs.flatMap((catalog) => catalog.models),
      },
      { headers: { 'cache-control': 'no-store' } },
    );
  } catch (error) {
    if (error instanceof ParleyError || error instanceof ConfigError) return error.toResponse();
    throw error;
  }
}
