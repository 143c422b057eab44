/**
 * What the gateway reads from a request's headers. A web `Headers` (the route handler) is one;
 * the Node transport wraps `IncomingMessage.headers` without copying them. `clientAddress` is
 * the address the server itself established (socket plus trusted proxy hops), carried beside
 * the headers so no header a client sends can stand in for it.
 */
export interface HeaderSource {
  get(name: string): string | null;
  has(name: string): boolean;
  readonly clientAddress?: string;
}
