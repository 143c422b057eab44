import { ConfigError, getServerConfig } from '@/lib/server/server-config';
import { storeHealth } from '@/lib/server/state/shared-state-for';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'no-store' };

/**
 * For load balancers and uptime checks: 200 while the instance serves, with the shared store's
 * state (`memory`, or `redis`/`upstash` as `ok` or `degraded`: a degraded store still serves,
 * with per-instance limits). 503 when the configuration is invalid. No access code, no secrets;
 * the store is asked at most every two seconds.
 */
export async function GET(): Promise<Response> {
  try {
    const config = getServerConfig();
    return Response.json({ status: 'ok', store: await storeHealth(config) }, { headers: noStore });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return Response.json(
      { status: 'error', error: { code: 'config:invalid' } },
      { status: 503, headers: noStore },
    );
  }
}
