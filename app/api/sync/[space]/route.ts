import { handleSyncRequest } from '@/lib/server/sync/sync-request';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

interface RouteContext {
  params: Promise<{ space: string }>;
}

async function handle(request: Request, context: RouteContext): Promise<Response> {
  const { space } = await context.params;
  return handleSyncRequest(request, space);
}

export { handle as GET, handle as PUT, handle as DELETE };
