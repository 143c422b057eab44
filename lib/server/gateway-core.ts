import { gatewayHeaders } from '@/lib/gateway/contract.mjs';
import { ParleyError } from '@/lib/errors/parley-error';
import { errorBodyLimitBytes } from '@/lib/http/read-bounded';
import { publicOrigin } from './attribution';
import { forwardResponseHeaders } from './forwarded-headers';
import type { HeaderSource } from './header-source';
import { catalogHints } from './model-catalog';
import { requireOwnHost } from './own-host';
import { prepareChatBody } from './prepare-chat-body';
import { RequestLog } from './request-log';
import { recordRejectedKey, resolveCredential, type Credential } from './resolve-credential';
import { resolveRoute, type ResolvedRoute, type RouteTarget } from './resolve-route';
import { ConfigError, getServerConfig, type ServerConfig } from './server-config';
import { protocols } from '@/lib/protocols';
import { accessFailuresCounted, admit } from './admission';
import { clientAddress } from './client-address';
import type { UpstreamOutcome } from './upstream-call';
import {
  planUpstreamRequest,
  userEndpointRoute,
  type UpstreamRequestPlan,
} from './upstream-request';
import { userEndpointHeader } from './user-endpoint';

/** A client's request as the core sees it, whichever transport received it. */
export interface GatewayRequest {
  method: string;
  /** The request's absolute URL, as text: parsed only where its query or host is read. */
  url: string;
  headers: HeaderSource;
  /** Reads the body once, up to the limit, as a JSON object (or throws a `ParleyError`). */
  readJson(maxBytes: number): Promise<Record<string, unknown>>;
}

/** A request the gateway decided to send upstream, with what the transport needs to send it. */
export interface GatewayCall {
  config: ServerConfig;
  route: ResolvedRoute;
  credential: Credential;
  upstream: UpstreamRequestPlan;
  /** What the parameter policy removed, for `x-parley-stripped-params`. */
  stripped: string[];
  /** The person's own address: its connections pass the address guard. */
  userEndpoint: boolean;
  /** An error in the protocol's own stream format, for a budget that runs out mid-stream. */
  streamErrorEvent: (code: string, message: string) => string;
  log: RequestLog;
  /** Gives the stream slot back and writes the log line; the transport calls it once. */
  settled(outcome: UpstreamOutcome): void;
}

/**
 * The gateway's decisions, shared by both transports, in this order: config → host and site →
 * route (provider, path, method) → credential → stream slot → body (read once; model allowlist,
 * operator routing, parameter policy) → the upstream request. Throws a `GatewayFailure` (already
 * logged, slot already free) for anything refused.
 */
export async function prepareGatewayCall(
  request: GatewayRequest,
  target: RouteTarget,
  config?: ServerConfig,
): Promise<GatewayCall> {
  let serverConfig: ServerConfig | undefined;
  let release: (() => void) | undefined;
  const log = new RequestLog(() => serverConfig?.log, request.method, target.provider);
  try {
    serverConfig = config ?? getServerConfig();
    const { headers } = request;
    requireOwnHost(headers, serverConfig);
    refuseCrossSite(request);
    const resolved = resolveRoute(target, request.method, serverConfig);
    log.set({ path: resolved.endpoint.path });
    const userEndpoint = headers.get(userEndpointHeader);
    const route = userEndpoint
      ? userEndpointRoute(resolved, userEndpoint, serverConfig)
      : requireBaseUrl(resolved);
    // The lockout and the caps apply before the code is judged or a byte of the body is read:
    // a refused client costs nothing. With a shared store this is the one round trip to it.
    release = await admit(clientAddress(headers), serverConfig, { slot: true });
    const credential = resolveCredential(headers, resolved.provider, serverConfig, {
      userEndpoint: userEndpoint !== null,
    });
    log.set({ key: credential.source });

    let body: Record<string, unknown> | undefined;
    let model: string | undefined;
    let stripped: string[] = [];
    if (request.method === 'POST') {
      refuseNonJson(headers);
      body = await request.readJson(serverConfig.maxBodyBytes);
      if (route.endpoint.kind === 'chat') {
        log.setModel(route.pathModel ?? body.model);
        const prepared = prepareChatBody(route, body, serverConfig, (name) =>
          catalogHints(route.provider.id, name),
        );
        ({ body, model, stripped } = prepared);
        if (stripped.length > 0) log.set({ stripped: stripped.join(',') });
      }
    }

    const upstream = planUpstreamRequest({
      route,
      credential,
      config: serverConfig,
      method: request.method,
      model,
      query: queryOf(request.url),
      incoming: headers,
      referer: publicOrigin(headers, serverConfig, request.url),
      body,
    });
    const slot = release;
    return {
      config: serverConfig,
      route,
      credential,
      upstream,
      stripped,
      userEndpoint: userEndpoint !== null,
      streamErrorEvent: protocols[route.definition.protocol].streamErrorEvent,
      log,
      settled: (outcome) => {
        slot();
        log.settled(outcome);
      },
    };
  } catch (error) {
    // Refused before the upstream was called: the slot is free again.
    release?.();
    if (serverConfig) await accessFailuresCounted(serverConfig, error);
    throw failGatewayCall(log, error);
  }
}

/** A refusal or failure, typed and logged, ready for any transport to write. */
export class GatewayFailure {
  constructor(readonly error: ParleyError) {}
}

/** Turns anything thrown into the error the client is told, and logs it once. */
export function failGatewayCall(log: RequestLog, error: unknown): GatewayFailure {
  if (error instanceof GatewayFailure) return error;
  const typed = typedError(error);
  log.failed(typed.status, error);
  return new GatewayFailure(typed);
}

function typedError(error: unknown): ParleyError {
  if (error instanceof ParleyError) return error;
  if (error instanceof ConfigError) return error.toParleyError();
  console.error(
    '[parley] unexpected gateway failure',
    error instanceof Error ? error.name : typeof error,
  );
  return new ParleyError('upstream:error', 'The gateway failed unexpectedly.', { status: 500 });
}

/**
 * The upstream answered: the status is logged, a rejected own key counts as a guessed code, and
 * the headers the client may see are chosen. Returns whether the body must be masked (an error
 * body, which some upstreams fill with the key they were sent).
 */
export function upstreamAnswered(
  call: GatewayCall,
  request: GatewayRequest,
  status: number,
  upstreamHeaders: Iterable<[string, string | string[] | number | undefined]>,
): { headers: Record<string, string>; maskWith?: string } {
  call.log.responded(status);
  recordRejectedKey(request.headers, call.credential, status, call.config);
  const headers = forwardResponseHeaders(upstreamHeaders);
  if (call.stripped.length > 0) {
    headers[gatewayHeaders.strippedParameters] = call.stripped.join(', ');
  }
  const { apiKey } = call.credential;
  return { headers, maskWith: status >= 400 && apiKey ? apiKey : undefined };
}

/**
 * The upstream's error text with the key replaced, however often it appears, marked where it was
 * cut at `errorBodyLimitBytes` (the rest is never read).
 */
export function maskSecret(text: string, truncated: boolean, apiKey: string): string {
  // A key cut at the limit is masked too: its visible start is dropped with the tail.
  const masked = apiKey.length >= 4 ? text.split(apiKey).join('[redacted]') : text;
  if (!truncated) return masked;
  const cut = partialKeyAtEnd(masked, apiKey);
  return `${masked.slice(0, masked.length - cut)}…[truncated]`;
}

export const maskedBodyLimitBytes = errorBodyLimitBytes;

/** How many characters at the end of `text` are the start of `key` (a key cut by the limit). */
function partialKeyAtEnd(text: string, key: string): number {
  for (let length = Math.min(key.length - 1, text.length); length > 0; length--) {
    if (text.endsWith(key.slice(0, length))) return length;
  }
  return 0;
}

/** A provider the operator left without an address is reachable only at the person's own. */
function requireBaseUrl(route: ResolvedRoute): ResolvedRoute {
  if (!route.provider.baseUrl) {
    throw new ParleyError(
      'provider:not_configured',
      `${route.provider.name} has no base URL configured; set your own in the settings.`,
    );
  }
  return route;
}

/**
 * Browsers say where a request comes from; a state-changing one from another site is refused
 * (a page elsewhere must not spend this deployment's keys). SDKs send no Origin and pass.
 */
function refuseCrossSite(request: GatewayRequest): void {
  if (request.method === 'GET' || request.method === 'HEAD') return;
  const { headers } = request;
  const origin = headers.get('origin');
  if (origin === null && headers.get('sec-fetch-site') !== 'cross-site') return;
  // Behind a reverse proxy the page's host may arrive as X-Forwarded-Host; a browser on another
  // site cannot set that header without a preflight this gateway never grants.
  const ownHosts = [headers.get('host'), headers.get('x-forwarded-host'), hostOf(request.url)]
    .filter((host): host is string => Boolean(host))
    .map((host) => host.toLowerCase());
  const originHost = origin ? hostOf(origin) : undefined;
  if (!originHost || !ownHosts.includes(originHost)) {
    throw new ParleyError('request:cross_site', 'Requests from other websites are not accepted.');
  }
}

/** A URL's query, when it has one (most gateway requests have none, and skip the parse). */
function queryOf(url: string): URLSearchParams | undefined {
  if (!url.includes('?')) return undefined;
  try {
    return new URL(url).searchParams;
  } catch {
    return undefined;
  }
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined;
  }
}

function refuseNonJson(headers: HeaderSource): void {
  const type = headers.get('content-type');
  if (type && !/^application\/([\w.+-]+\+)?json\b/i.test(type.trim())) {
    throw new ParleyError(
      'request:unsupported_media_type',
      'The gateway accepts JSON request bodies only.',
    );
  }
}
