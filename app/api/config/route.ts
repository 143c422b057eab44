import { buildPublicConfig } from '@/lib/server/build-public-config';
import { ConfigError, getServerConfig } from '@/lib/server/server-config';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function GET(): Response {
  try {
    return Response.json(buildPublicConfig(getServerConfig()), {
      headers: { 'cache-control': 'no-store' },
    });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.toResponse();
  }
}
