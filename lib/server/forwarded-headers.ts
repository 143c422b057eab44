import type { HeaderSource } from './header-source';

/** An upstream request's headers: lower-case names, one value each (what both transports send). */
export type UpstreamHeaders = Record<string, string>;
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

/** The client's headers an upstream may see, as a plain record with lower-case names. */
export function forwardRequestHeaders(
  incoming: HeaderSource,
  providerHeaders: readonly string[],
): UpstreamHeaders {
  const outgoing: UpstreamHeaders = {};
  for (const names of [requestHeadersToForward, providerHeaders]) {
    for (const name of names) {
      const value = incoming.get(name);
      if (value) outgoing[name.toLowerCase()] = value;
    }
  }
  return outgoing;
}

/**
 * The upstream response headers the client may see, plus the gateway's own. Takes entries, so a
 * web `Headers` and Node's header object (`Object.entries`) both pass without a copy.
 */
export function forwardResponseHeaders(
  upstream: Iterable<[string, string | string[] | number | undefined]>,
): Record<string, string> {
  const outgoing: Record<string, string> = {};
  for (const [name, value] of upstream) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    if (
      responseHeadersToForward.has(lower) ||
      responseHeaderPrefixesToForward.some((prefix) => lower.startsWith(prefix))
    ) {
      outgoing[lower] = Array.isArray(value) ? value.join(', ') : String(value);
    }
  }
  // An upstream HTML page (a proxy's error page) must not render as HTML on our origin.
  if (/html|xml|javascript/i.test(outgoing['content-type'] ?? '')) {
    outgoing['content-type'] = 'text/plain; charset=utf-8';
  }
  outgoing['cache-control'] = 'no-cache, no-transform';
  outgoing['x-accel-buffering'] = 'no';
  outgoing['x-content-type-options'] = 'nosniff';
  return outgoing;
}
