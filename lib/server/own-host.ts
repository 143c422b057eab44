import type { HeaderSource } from './header-source';
import { ParleyError } from '@/lib/errors/parley-error';
import type { ServerConfig } from './server-config';

/** Always this machine: `npm start` on a laptop, a health check, the e2e suite. */
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The host name of a `Host` header value (`name`, `name:port`, `[v6]:port`), lower-cased. */
export function hostNameOf(host: string): string {
  const trimmed = host.trim().toLowerCase();
  if (trimmed.startsWith('[')) return trimmed.slice(0, trimmed.indexOf(']') + 1);
  return trimmed.replace(/:\d+$/, '').replace(/\.$/, '');
}

/**
 * Refuses a request addressed to a host name that is not the deployment's own. A page on another
 * site whose name is rebound to this server's address (DNS rebinding) arrives with its own name
 * in `Host`, and would otherwise pass the same-site rule as "same origin". Only `Host` counts:
 * such a page can set any other header on its own requests. Without `APP_URL` or
 * `ALLOWED_HOSTS` every host is accepted (the start-up line warns).
 */
export function requireOwnHost(headers: HeaderSource, config: ServerConfig): void {
  if (!config.allowedHosts) return;
  const host = hostNameOf(headers.get('host') ?? '');
  if (loopbackHosts.has(host) || config.allowedHosts.includes(host)) return;
  throw new ParleyError(
    'request:host_not_allowed',
    'This deployment does not answer to that host name.',
  );
}
