// @ts-check
/**
 * The client's address as the server itself can establish it: the socket's, or with N trusted
 * proxies in front, the address the outermost trusted proxy saw (each proxy appends the address it
 * received the request from to X-Forwarded-For, so the last N entries are theirs to vouch for).
 * Shared by the custom server (plain JavaScript) and the TypeScript code.
 *
 * @param {string | undefined} socketAddress
 * @param {string | undefined} forwardedFor
 * @param {number} trustedProxyCount
 * @returns {string}
 */
export function addressFromSocket(socketAddress, forwardedFor, trustedProxyCount) {
  const chain = [
    ...(forwardedFor ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
    socketAddress ?? 'unknown',
  ];
  return chain[Math.max(0, chain.length - 1 - trustedProxyCount)] ?? 'unknown';
}
