const allowedProtocols = /^(https?:|mailto:)/i;

/**
 * Model output is hostile input: a URL survives only with an http(s) or mailto scheme; anything
 * else (javascript:, data:, relative paths that would hit this app) becomes empty and is dropped.
 */
export function safeUrl(url: string): string {
  const trimmed = url.trim();
  return allowedProtocols.test(trimmed) ? trimmed : '';
}
