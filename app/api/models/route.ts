import { ParleyError } from '@/lib/errors/parley-error';
import { isProviderId, providerIds, type ProviderId } from '@/lib/providers/registry';
import { assembleCatalog, fetchModelList, providerCatalog } from '@/lib/server/model-catalog';
import {
  type Credential,
  recordRejectedKey,
  requireAccessCode,
  resolveCredential,
} from '@/lib/server/resolve-credential';
import { ConfigError, getServerConfig, type ServerConfig } from '@/lib/server/server-config';
import { publicOrigin } from '@/lib/server/attribution';
import { requireOwnHost } from '@/lib/server/own-host';
import { accessFailuresCounted, admit } from '@/lib/server/admission';
import { clientAddress } from '@/lib/server/client-address';
import { userEndpointHeader } from '@/lib/server/user-endpoint';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'no-store' };

/**
 * The model catalog: every reachable provider's models (or one, with `?provider=`), discovered
 * with the server keys, so it needs the same access as the keys themselves. With a person's own
 * key (and, optionally, their own address) and `?provider=`, that provider's list as their key
 * sees it. `?check` answers only whether the access code is right, counting wrong ones.
 */
export async function GET(request: Request): Promise<Response> {
  let config: ServerConfig | undefined;
  try {
    const current = getServerConfig();
    config = current;
    requireOwnHost(request.headers, current);
    // A locked-out address is refused before its code is judged, on every instance.
    await admit(clientAddress(request.headers), current, { slot: false });
    const url = new URL(request.url);
    const requested = url.searchParams.get('provider');
    if (requested !== null && !isProviderId(requested)) {
      throw new ParleyError('provider:unknown', 'There is no such provider.');
    }
    if (url.searchParams.has('check')) {
      requireAccessCode(request.headers, current);
      return new Response(null, { status: 204, headers: noStore });
    }
    if (requested && hasOwnCredential(request.headers)) {
      const userBase = request.headers.get(userEndpointHeader) ?? undefined;
      const credential = resolveCredential(request.headers, current.providers[requested], current, {
        userEndpoint: userBase !== undefined,
      });
      if (credential.source === 'user') {
        return await userListing(request, requested, current, credential, userBase);
      }
    }
    requireAccessCode(request.headers, current);
    const ids = (requested ? [requested] : providerIds).filter(
      (id) => current.providers[id].baseUrl,
    );
    const referer = publicOrigin(request.headers, current, request.url);
    const catalogs = await Promise.all(ids.map((id) => providerCatalog(id, current, referer)));
    return Response.json(
      {
        providers: catalogs.map(({ provider, source, error }) => ({ provider, source, error })),
        models: catalogs.flatMap((catalog) => catalog.models),
      },
      { headers: noStore },
    );
  } catch (error) {
    if (config) await accessFailuresCounted(config, error);
    if (error instanceof ParleyError || error instanceof ConfigError) return error.toResponse();
    throw error;
  }
}

function hasOwnCredential(headers: Headers): boolean {
  return headers.has('authorization') || headers.has(userEndpointHeader);
}

/** What the person's own key lists (at their own address when they set one); never cached. */
async function userListing(
  request: Request,
  provider: ProviderId,
  config: ServerConfig,
  credential: Credential,
  userBase: string | undefined,
): Promise<Response> {
  try {
    const listed = await fetchModelList(provider, config, credential.apiKey, userBase);
    return Response.json(
      {
        providers: [{ provider, source: 'live' }],
        models: assembleCatalog(provider, config, listed),
      },
      { headers: noStore },
    );
  } catch (error) {
    if (error instanceof ParleyError) {
      recordRejectedKey(request.headers, credential, error.status, config);
    }
    throw error;
  }
}
