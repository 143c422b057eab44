/**
 * Header allowlists for both directions. Everything not named here is dropped: cookies,
 * hop-by-hop and forwarding headers, and every credential the client sent (the proxy adds the
 * one credential its rules chose).
 */
const requestHeadersToForward = ['accept', 'accept-language', 'content-type'];

const responseHeadersToForward = new Set([
  'content-type',
  'retry-after',
  'x-request-id',
  'request-id',
  'openai-processing-ms',
  'x-generation-id',
]);

const responseHeaderPrefixesToForward = [
  'x-ratelimit-',
  'ratelimit-',
  'anthropic-ratelimit-',
  'x-orca-',
];

export function forwardRequestHeaders(
  incoming: Headers,
  providerHeaders: readonly string[],
): Headers {
  const outgoing = new Headers();
  for (const name of [...requestHeadersToForward, ...providerHeaders]) {
    const value = incoming.get(name);
    if (value) outgoing.set(name, value);
  }
  return outgoing;
}

export function forwardResponseHeaders(upstream: Headers): Headers {
  const outgoing = new Headers();
  upstream.forEach((value, name) => {
    const lower = name.toLowerCase();
    if (
      responseHeadersToForward.has(lower) ||
      responseHeaderPrefixesToForward.some((prefix) => lower.startsWith(prefix))
    ) {
      outgoing.set(lower, value);
    }
  });
  // An upstream HTML page (a proxy's error page) must not render as HTML on our origin.
  if (/html|xml|javascript/i.test(outgoing.get('content-type') ?? '')) {
    outgoing.set('content-type', 'text/plain; charset=utf-8');
  }
  outgoing.set('cache-control', 'no-cache, no-transform');
  outgoing.set('x-accel-buffering', 'no');
  outgoing.set('x-content-type-options', 'nosniff');
  return outgoing;
}
