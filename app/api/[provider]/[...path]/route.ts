import { proxyRequest } from '@/lib/server/proxy';

// The upstream guard and client-abort propagation need Node's networking, not the Edge runtime.
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

interface RouteContext {
  params: Promise<{ provider: string; path: string[] }>;
}

async function handle(request: Request, context: RouteContext): Promise<Response> {
  const { provider, path } = await context.params;
  return proxyRequest(request, { provider, path });
}

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
