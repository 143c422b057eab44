import type {
  IncomingHttpHeaders,
  IncomingMessage,
  RequestOptions,
  ServerResponse,
} from 'node:http';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { securityHeaders } from '@/lib/gateway/security-headers.mjs';
import { ParleyError } from '@/lib/errors/parley-error';
import { isProviderId } from '@/lib/providers/registry';
import {
  GatewayFailure,
  failGatewayCall,
  maskSecret,
  maskedBodyLimitBytes,
  prepareGatewayCall,
  upstreamAnswered,
  type GatewayCall,
  type GatewayRequest,
} from './gateway-core';
import { isPlainHost } from './attribution';
import type { HeaderSource } from './header-source';
import { readJsonObject } from './read-json-body';
import { readStreamBounded } from './read-stream-bounded';
import { RequestLog } from './request-log';
import type { RouteTarget } from './resolve-route';
import type { ServerConfig } from './server-config';
import { UpstreamCall, type AttemptAnswer } from './upstream-call';
import { processState } from './process-state';
import { guardedLookup } from './user-endpoint';

export interface NodeGatewayOptions {
  /** The client's address as the server established it (socket plus trusted proxy hops). */
  clientAddress: string;
  /** For tests; the process's configuration otherwise. */
  config?: ServerConfig;
}

/** `/api/<provider>/<path…>` with a plain path: the Node transport's; anything else is Next's. */
const gatewayPath = /^\/api\/([a-z0-9-]+)\/([^?#]*[^/?#])(?:\?|$)/;

/**
 * The route target of a request URL, when the Node transport serves it: a known provider and a
 * path without empty segments (Next's own rules, such as its trailing-slash redirect, apply to
 * the rest, which the route handler still serves).
 */
export function nodeGatewayTarget(url: string): RouteTarget | undefined {
  const match = gatewayPath.exec(url);
  if (!match || !isProviderId(match[1] ?? '')) return undefined;
  const rest = match[2] ?? '';
  if (rest.includes('//')) return undefined;
  try {
    return { provider: match[1] ?? '', path: rest.split('/').map(decodeURIComponent) };
  } catch {
    return undefined;
  }
}

/**
 * The Node transport (`npm start`): the same core decides as in the route handler, and the
 * upstream body is piped straight to the socket with Node's own HTTP client: no web streams, no
 * per-chunk promise, an idle watch that does not touch a timer per chunk, and writes coalesced
 * per tick (Node corks the socket per write and uncorks on the next tick).
 */
export async function serveNodeGateway(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  target: RouteTarget,
  options: NodeGatewayOptions,
): Promise<void> {
  const headers = nodeHeaders(incoming.headers, options.clientAddress);
  const request: GatewayRequest = {
    method: incoming.method ?? 'GET',
    url: requestUrl(incoming),
    headers,
    readJson: (maxBytes) =>
      readJsonObject(headers, (limit) => readStreamBounded(decodedBody(incoming), limit), maxBytes),
  };
  let call: GatewayCall | undefined;
  try {
    call = await prepareGatewayCall(request, target, options.config);
    await forward(call, request, outgoing);
  } catch (error) {
    const log = call?.log ?? new RequestLog(() => undefined, request.method, target.provider);
    writeError(outgoing, failGatewayCall(log, error).error);
  }
}

async function forward(
  gatewayCall: GatewayCall,
  request: GatewayRequest,
  outgoing: ServerResponse,
): Promise<void> {
  const { config, upstream: plan } = gatewayCall;
  const call = new UpstreamCall(config.timeouts, gatewayCall.settled);
  const onClientGone = () => {
    if (!outgoing.writableFinished) call.clientLeft();
  };
  outgoing.once('close', onClientGone);
  // A person's own address passes the address guard at connect time, unless the operator
  // allows private upstreams.
  const guarded = gatewayCall.userEndpoint && !config.userEndpoints.allowPrivate;
  let answer: NodeAnswer;
  try {
    answer = await call.withRetries(() => requestAttempt(plan, call, guarded), config.maxRetries);
    call.answered();
  } catch (error) {
    outgoing.off('close', onClientGone);
    throw call.failed(error);
  }
  const { status, body } = answer;
  if (status >= 300 && status < 400) {
    call.settle();
    discardBody(body);
    throw UpstreamCall.redirectError();
  }
  const { headers, maskWith } = upstreamAnswered(
    gatewayCall,
    request,
    status,
    Object.entries(answer.headers),
  );
  if (maskWith || answer.buffered) {
    const { bytes, truncated } =
      answer.buffered ?? (await readStreamBounded(body, maskedBodyLimitBytes));
    // The rest of a body past the limit is never read.
    if (truncated) discardBody(body);
    call.chunk(bytes.byteLength);
    call.settle();
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    writeHead(outgoing, status, headers);
    outgoing.end(maskWith ? maskSecret(text, truncated, maskWith) : text);
    return;
  }
  writeHead(outgoing, status, headers);
  const isStream = /text\/event-stream/i.test(headers['content-type'] ?? '');
  pipeBody(body, outgoing, call, isStream ? gatewayCall.streamErrorEvent : undefined);
}

interface NodeAnswer extends AttemptAnswer {
  headers: IncomingHttpHeaders;
  body: Readable;
  /** The body, already read for the quota probe (a 429's, small and bounded). */
  buffered?: { bytes: Uint8Array; truncated: boolean };
}

/** Keep-alive pools for the operator's upstreams; the guarded ones for people's own addresses. */
const operatorAgents = processState('nodeAgents', () => ({
  'http:': new HttpAgent({ keepAlive: true, maxSockets: Infinity }),
  'https:': new HttpsAgent({ keepAlive: true, maxSockets: Infinity }),
}));
const guardedAgents = processState('guardedNodeAgents', () => ({
  'http:': new HttpAgent({ keepAlive: true, maxSockets: Infinity, lookup: guardedLookup }),
  'https:': new HttpsAgent({ keepAlive: true, maxSockets: Infinity, lookup: guardedLookup }),
}));

/**
 * One attempt with Node's own HTTP client (its native parser; the same machinery a bare pipe
 * uses), resolved when the upstream's headers arrive. A stopped call destroys the request, and
 * with it the response (no AbortSignal per call: Node's listener bookkeeping for one cost more
 * than the rest of the attempt).
 */
function requestAttempt(
  plan: GatewayCall['upstream'],
  call: UpstreamCall,
  guarded: boolean,
): Promise<NodeAnswer> {
  const secure = plan.url.protocol === 'https:';
  const agent = (guarded ? guardedAgents : operatorAgents)[secure ? 'https:' : 'http:'];
  const send = secure ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const options = {
      ...requestTarget(plan.url),
      method: plan.method,
      headers: plan.headers,
      agent,
    };
    const outgoing = send(options, (response) => {
      const retryAfter = response.headers['retry-after'];
      const answer: NodeAnswer = {
        status: response.statusCode ?? 502,
        retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
        headers: response.headers,
        body: response,
        probe: async (maxBytes) => {
          // Only a 429 is probed: its whole (bounded) body is kept for the client.
          answer.buffered = await readStreamBounded(
            response,
            Math.max(maxBytes, maskedBodyLimitBytes),
          );
          const { bytes } = answer.buffered;
          return Buffer.from(
            bytes.buffer,
            bytes.byteOffset,
            Math.min(bytes.byteLength, maxBytes),
          ).toString('utf8');
        },
        discard: async () => {
          discardBody(response);
        },
      };
      resolve(answer);
    });
    // Destroying the request ends its response too: a budget that runs out mid-body stops it.
    call.onAbort(() => outgoing.destroy(abortedError()));
    outgoing.on('error', reject);
    if (plan.body !== undefined) outgoing.setHeader('content-length', Buffer.byteLength(plan.body));
    outgoing.end(plan.body);
  });
}

type RequestTarget = Pick<RequestOptions, 'protocol' | 'hostname' | 'port' | 'path' | 'auth'>;
/** Request targets by URL: the same few upstream URLs are called again and again. */
const requestTargets = processState('nodeRequestTargets', () => new Map<string, RequestTarget>());

/** Node's request options for a URL, read from its parts once per distinct URL. */
function requestTarget(url: URL): RequestTarget {
  const { href } = url;
  let target = requestTargets.get(href);
  if (!target) {
    target = {
      protocol: url.protocol,
      // An IPv6 literal is bracketed in a URL and bare in a host name.
      hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      // Credentials in an operator's base URL travel as Basic auth, as Node sends them.
      auth: url.username
        ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`
        : undefined,
    };
    if (requestTargets.size >= 1000) requestTargets.clear();
    requestTargets.set(href, target);
  }
  return target;
}

/**
 * Upstream body → client socket. A chunk costs a byte count, a time stamp and a write; writes
 * within one tick go out together. Backpressure pauses the upstream. When a budget runs
 * out mid-stream the client gets an error event in the protocol's own format; when the client
 * leaves, the upstream is aborted at once so it stops generating (and billing).
 */
function pipeBody(
  body: Readable,
  outgoing: ServerResponse,
  call: UpstreamCall,
  timeoutEvent: ((code: string, message: string) => string) | undefined,
): void {
  // Node's response corks its socket on a write and uncorks on the next tick, so the chunks
  // that arrive within one tick already leave in one `writev`.
  const onData = (chunk: Buffer) => {
    call.chunk(chunk.byteLength);
    if (!outgoing.write(chunk)) body.pause();
  };
  const onDrain = () => body.resume();
  const finish = () => {
    body.off('data', onData);
    outgoing.off('drain', onDrain);
    call.settle();
  };
  let over = false;
  const broken = () => {
    if (over) return;
    over = true;
    const timedOut = call.timedOut;
    finish();
    if (outgoing.destroyed) return;
    if (timedOut && timeoutEvent) {
      outgoing.end(timeoutEvent('upstream:timeout', 'The provider stopped sending for too long.'));
      return;
    }
    outgoing.destroy();
  };
  body.on('data', onData);
  outgoing.on('drain', onDrain);
  body.once('end', () => {
    if (over) return;
    over = true;
    finish();
    outgoing.end();
  });
  body.once('error', broken);
  // An upstream connection that closes before the body ended is a break, error event or not.
  body.once('close', broken);
  body.on('error', () => undefined);
  outgoing.once('close', () => {
    if (outgoing.writableFinished || over) return;
    // The client went away mid-body.
    over = true;
    finish();
    call.abort();
    discardBody(body);
  });
}

/** Stops an upstream body; undici reports the stop as an error, which is expected here. */
function discardBody(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}

function writeHead(
  outgoing: ServerResponse,
  status: number,
  headers: Record<string, string>,
): void {
  outgoing.writeHead(status, { ...securityHeaders, ...headers });
}

function writeError(outgoing: ServerResponse, error: ParleyError): void {
  if (outgoing.headersSent) {
    outgoing.destroy();
    return;
  }
  outgoing.writeHead(error.status, { ...securityHeaders, ...error.wireHeaders() });
  outgoing.end(error.wireBody());
}

/** `IncomingMessage.headers` read in place, with the address the server established. */
function nodeHeaders(raw: IncomingHttpHeaders, address: string): HeaderSource {
  return {
    clientAddress: address,
    get(name) {
      const value = raw[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
    has(name) {
      return raw[name.toLowerCase()] !== undefined;
    },
  };
}

/** The request's absolute URL as text (parsed by the core only where it reads the query). */
function requestUrl(incoming: IncomingMessage): string {
  const host = incoming.headers.host ?? '';
  const origin = isPlainHost(host) ? `http://${host}` : 'http://localhost';
  return `${origin}${incoming.url ?? '/'}`;
}

/** Why a stopped call's request ended, as `fetch` would say it. */
function abortedError(): Error {
  const error = new Error('The upstream call was stopped.');
  error.name = 'AbortError';
  return error;
}

/**
 * The request body, decompressed when the client says it is (`Content-Encoding` gzip, deflate
 * or br, as Next reads it); the size limit applies to what comes out.
 */
function decodedBody(incoming: IncomingMessage): Readable {
  const encoding = (incoming.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding === '' || encoding === 'identity') return incoming;
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : undefined;
  if (!decoder) {
    throw new ParleyError(
      'request:invalid_json',
      'The request body could not be read (is its Content-Encoding right?).',
    );
  }
  incoming.on('error', (error) => decoder.destroy(error));
  return incoming.pipe(decoder);
}

export { GatewayFailure };
