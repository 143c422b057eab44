import type { HeaderSource } from './header-source';
import { knownHost } from '@/lib/providers/known-hosts';
import { providers } from '@/lib/providers/registry';
import type { ProviderDefinition } from '@/lib/providers/types';
import type { ServerConfig } from './server-config';

/**
 * Where the app is, as the public sees it, for a router's `HTTP-Referer`: `APP_URL`; else the
 * page's own origin (a browser sends it); else the host the request was addressed to, through the
 * trusted proxies' `X-Forwarded-Host`/`-Proto` when there are any. Never the internal
 * `http://localhost:<port>` a Node server sees behind a proxy, unless that is the truth.
 */
export function publicOrigin(
  headers: HeaderSource,
  config: ServerConfig,
  requestUrl?: string,
): string {
  if (config.appUrl) return config.appUrl;
  const origin = headers.get('origin');
  if (origin && /^https?:\/\/[^/]+$/i.test(origin)) return origin;
  const trusted = config.trustedProxyCount > 0;
  const first = (name: string) => headers.get(name)?.split(',')[0]?.trim() || undefined;
  const host = (trusted ? first('x-forwarded-host') : undefined) ?? headers.get('host')?.trim();
  if (host && isPlainHost(host)) {
    const proto =
      (trusted ? first('x-forwarded-proto') : undefined) ?? (process.env.VERCEL ? 'https' : 'http');
    return `${proto === 'https' ? 'https' : 'http'}://${host}`;
  }
  return requestUrl ? new URL(requestUrl).origin : 'http://localhost';
}

/** The attribution OpenRouter and OrcaRouter read, for the routers the operator configured only. */
export function attributionHeaders(config: ServerConfig, referer: string): Record<string, string> {
  return {
    'http-referer': referer,
    'x-title': config.appName,
    'x-openrouter-title': config.appName,
  };
}

/**
 * Whether a call carries attribution: to a router the operator configured, or to any address on
 * a router's host (an OpenRouter-hosted endpoint behaves as OpenRouter, wherever it was set up).
 * Never to a person's own address elsewhere.
 */
export function sendsAttribution(
  definition: ProviderDefinition,
  baseUrl: string | undefined,
  ownAddress: boolean,
): boolean {
  if (definition.attribution === true && !ownAddress) return true;
  const behavesAs = baseUrl ? knownHost(baseUrl)?.behavesAs : undefined;
  const router: ProviderDefinition | undefined = behavesAs ? providers[behavesAs] : undefined;
  return router?.attribution === true;
}

/** A Host header that is a name or an address with an optional port, and nothing else. */
export function isPlainHost(host: string): boolean {
  return /^[\w.-]+(:\d+)?$|^\[[\da-f:.]+\](:\d+)?$/i.test(host);
}
