import { ParleyError } from '@/lib/errors/parley-error';
import { accessFailuresCounted, admit } from '../admission';
import { clientAddress } from '../client-address';
import { requireOwnHost } from '../own-host';
import { readJsonBody } from '../read-json-body';
import { requireAccessCode } from '../resolve-credential';
import { ConfigError, getServerConfig, type ServerConfig } from '../server-config';
import { sharedStateFor } from '../state/shared-state-for';
import { parseIds, parseWrites, requireSpaceId, syncLimits, SyncSpace } from './sync-space';

const noStore = { 'cache-control': 'no-store' };

/**
 * `/api/sync/<space>`: an end-to-end encrypted sync space, stored as opaque records with
 * versions in the shared store. GET `?after=<sequence>` reads what changed, `?ids=a,b` reads
 * named records as they are; PUT writes records
 * conditionally (`{ records: [{ id, base, data }] }`); DELETE forgets the space. The access
 * code is required where the deployment has one; requests are rate-limited per client address;
 * a space holds at most `SYNC_MAX_MB`. Nothing but ids, versions and ciphertext is read, stored,
 * returned or logged.
 */
export async function handleSyncRequest(
  request: Request,
  spaceParameter: string,
): Promise<Response> {
  let config: ServerConfig | undefined;
  try {
    const current = getServerConfig();
    config = current;
    requireOwnHost(request.headers, current);
    const address = clientAddress(request.headers);
    await admit(address, current, { slot: false });
    requireAccessCode(request.headers, current);
    const state = sharedStateFor(current);
    if (!state) {
      throw new ParleyError(
        'sync:unavailable',
        'Sync needs a shared store on this deployment (REDIS_URL or Upstash).',
      );
    }
    const space = new SyncSpace(state, requireSpaceId(spaceParameter));
    const count = await state.countInWindow(state.addressKey('sync-rate', address), 60_000);
    if (count === undefined) {
      throw new ParleyError('sync:unavailable', 'The sync store is not answering; try again soon.');
    }
    if (count > current.sync.requestsPerMinute) {
      throw new ParleyError('sync:rate_limited', 'Too many sync requests; wait a minute.', {
        retryAfterSeconds: 60,
      });
    }

    if (request.method === 'GET') {
      const query = new URL(request.url).searchParams;
      const ids = query.get('ids');
      if (ids !== null) {
        return Response.json({ records: await space.pick(parseIds(ids)) }, { headers: noStore });
      }
      const after = Number(query.get('after') ?? '0');
      if (!Number.isInteger(after) || after < 0) {
        throw new ParleyError('sync:invalid', 'The sequence number is not valid.');
      }
      const page = await space.changesAfter(after);
      return Response.json({ ...page, quotaBytes: current.sync.maxBytes }, { headers: noStore });
    }
    if (request.method === 'PUT') {
      const body = await readJsonBody(
        request,
        Math.min(current.maxBodyBytes, syncLimits.writeBytes),
      );
      const result = await space.write(parseWrites(body), current.sync.maxBytes);
      const { outcomes } = result;
      if (outcomes.length > 0 && outcomes.every((outcome) => outcome.outcome === 'quota')) {
        throw new ParleyError(
          'sync:quota_exceeded',
          'The synced copy is full; delete some conversations or the synced copy.',
        );
      }
      return Response.json(result, { headers: noStore });
    }
    if (request.method === 'DELETE') {
      await space.delete();
      return new Response(null, { status: 204, headers: noStore });
    }
    throw new ParleyError('method:not_allowed', 'Use GET, PUT or DELETE.');
  } catch (error) {
    if (config) await accessFailuresCounted(config, error);
    if (error instanceof ParleyError || error instanceof ConfigError) return error.toResponse();
    throw error;
  }
}
