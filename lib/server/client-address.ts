import type { HeaderSource } from './header-source';
import { gatewayHeaders } from '@/lib/gateway/contract.mjs';
/**
 * The address a request came from, for per-client limits. Only an address the server itself
 * established counts: the custom server (`server.mjs`, which `npm start` runs) reads the socket
 * and walks back TRUSTED_PROXY_COUNT hops of X-Forwarded-For; on Vercel the platform's edge
 * overwrites `x-real-ip`. A client-sent header alone never decides it.
 */
export const clientAddressHeader = gatewayHeaders.clientAddress;
const trustedFlag = Symbol.for('parley.trustedClientAddress');

export function clientAddress(headers: HeaderSource): string {
  // The Node transport carries the address it took from the socket beside the headers.
  if (headers.clientAddress) return headers.clientAddress;
  if ((globalThis as Record<symbol, unknown>)[trustedFlag] === true) {
    const fromServer = headers.get(clientAddressHeader);
    if (fromServer) return fromServer;
  }
  if (process.env.VERCEL) {
    const fromEdge =
      headers.get('x-real-ip') ?? headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (fromEdge) return fromEdge;
  }
  // Started without the custom server (`next start`, `next dev`): every client shares one bucket.
  return 'unknown';
}
