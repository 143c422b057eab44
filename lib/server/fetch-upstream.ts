import { readBoundedText } from '@/lib/http/read-bounded';
import { ParleyError, parseRetryAfter } from '@/lib/errors/parley-error';
import type { ServerConfig } from './server-config';

export interface UpstreamRequest {
  url: URL;
  method: string;
  headers: Headers;
  body?: string;
  /** The client's request signal: when the browser goes away, so does the upstream call. */
  clientSignal: AbortSignal;
  timeouts: ServerConfig['timeouts'];
  /** Retries before the first byte (`MAX_RETRIES`); two when unsaid. */
  maxRetries?: number;
  /** A guarded fetch for user endpoints; the platform's otherwise. */
  fetchImplementation?: typeof fetch;
  /** Writes an error in the provider's own stream format, for a budget that runs out mid-stream. */
  streamErrorEvent?: (code: string, message: string) => string;
  /** Called once when the call is over, however it ends (stream limits are released here). */
  onSettled?: (outcome: UpstreamOutcome) => void;
}

/** What the call cost, for the request log: never a header or a byte of content. */
export interface UpstreamOutcome {
  /** Attempts after the first. */
  retries: number;
  /** Body bytes passed to the client. */
  bytes: number;
  /** From the first attempt until the upstream's response headers. */
  firstByteMs?: number;
  /** How it ended when it did not end well: `timeout`, `client_abort`, or a network code. */
  failure?: string;
}

const defaultMaxRetries = 2;
/** The longest the gateway waits in all between attempts, Retry-After included. */
const retryWaitBudgetMs = 12_000;

/**
 * Calls the upstream with three time budgets (first byte, idle gap, total) and returns its
 * response with a body that aborts the upstream when a budget runs out or the client leaves.
 * Before the first byte, connection errors, 408, 429 (not a spent quota) and 5xx are retried
 * twice at most. Redirects are never followed: credentials must not travel to a second address.
 */
export async function fetchUpstream(request: UpstreamRequest): Promise<Response> {
  const controller = new AbortController();
  const startedAt = performance.now();
  const outcome: UpstreamOutcome = { retries: 0, bytes: 0 };
  let timedOut = false;
  const expire = () => {
    timedOut = true;
    controller.abort();
  };
  const onClientAbort = () => {
    outcome.failure ??= 'client_abort';
    controller.abort();
  };
  request.clientSignal.addEventListener('abort', onClientAbort, { once: true });
  const totalTimer = setTimeout(expire, request.timeouts.totalMs);
  const firstByteTimer = setTimeout(expire, request.timeouts.firstByteMs);
  let settled = false;
  const settle = () => {
    if (settled) return;
    settled = true;
    clearTimeout(totalTimer);
    clearTimeout(firstByteTimer);
    request.clientSignal.removeEventListener('abort', onClientAbort);
    if (timedOut) outcome.failure = 'timeout';
    request.onSettled?.(outcome);
  };

  let upstream: Response;
  try {
    upstream = await fetchWithRetries(request, controller.signal, outcome);
    outcome.firstByteMs = performance.now() - startedAt;
  } catch (error) {
    // The network's reason (ENOTFOUND, ECONNREFUSED, a certificate error) tells the user what to fix.
    const reason = networkReason(error);
    outcome.failure ??= reason ?? 'network';
    settle();
    if (error instanceof ParleyError) throw error;
    if (timedOut) throw new ParleyError('upstream:timeout', 'The provider did not answer in time.');
    throw new ParleyError('upstream:unreachable', 'The provider could not be reached.', {
      detail: reason,
    });
  } finally {
    clearTimeout(firstByteTimer);
  }

  if (upstream.status >= 300 && upstream.status < 400) {
    settle();
    await upstream.body?.cancel();
    throw new ParleyError(
      'upstream:redirect',
      'The provider answered with a redirect, which is not followed.',
    );
  }
  if (!upstream.body) {
    settle();
    return upstream;
  }
  const isStream = /text\/event-stream/i.test(upstream.headers.get('content-type') ?? '');
  const body = guardBody(upstream.body, {
    idleMs: request.timeouts.idleMs,
    abort: () => controller.abort(),
    expire,
    isTimedOut: () => timedOut,
    settle,
    countBytes: (count) => {
      outcome.bytes += count;
    },
    timeoutEvent: isStream ? request.streamErrorEvent : undefined,
  });
  return new Response(body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: upstream.headers,
  });
}

interface BodyGuard {
  idleMs: number;
  abort: () => void;
  expire: () => void;
  isTimedOut: () => boolean;
  settle: () => void;
  countBytes: (count: number) => void;
  timeoutEvent?: (code: string, message: string) => string;
}

/**
 * Passes the body through chunk by chunk, restarting the idle timer on each. When a budget runs
 * out mid-stream the client gets an error event in the provider's own format (its parser shows
 * it) instead of a connection that just stops.
 */
function guardBody(
  source: ReadableStream<Uint8Array>,
  guard: BodyGuard,
): ReadableStream<Uint8Array> {
  let idleTimer = setTimeout(guard.expire, guard.idleMs);
  const finish = () => {
    clearTimeout(idleTimer);
    guard.settle();
  };
  const reader = source.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(streamController) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          finish();
          streamController.close();
          return;
        }
        clearTimeout(idleTimer);
        idleTimer = setTimeout(guard.expire, guard.idleMs);
        guard.countBytes(value.byteLength);
        streamController.enqueue(value);
      } catch (error) {
        finish();
        if (guard.isTimedOut() && guard.timeoutEvent) {
          const event = guard.timeoutEvent(
            'upstream:timeout',
            'The provider stopped sending for too long.',
          );
          streamController.enqueue(new TextEncoder().encode(event));
          streamController.close();
          return;
        }
        streamController.error(error);
      }
    },
    async cancel(reason) {
      // The client went away: stop the upstream at once so it stops generating (and billing).
      finish();
      guard.abort();
      await reader.cancel(reason).catch(() => undefined);
    },
  });
}

async function fetchWithRetries(
  request: UpstreamRequest,
  signal: AbortSignal,
  outcome: UpstreamOutcome,
): Promise<Response> {
  let waited = 0;
  for (let attempt = 0; ; attempt++) {
    outcome.retries = attempt;
    const last = attempt >= (request.maxRetries ?? defaultMaxRetries);
    let response: Response;
    try {
      response = await (request.fetchImplementation ?? fetch)(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal,
        redirect: 'manual',
      });
    } catch (error) {
      // A refused address, a timeout or the client leaving is final; a dropped connection is not.
      if (last || signal.aborted || isRefusedAddress(error)) throw error;
      waited += await pause(backoffMs(attempt), retryWaitBudgetMs - waited, signal);
      continue;
    }
    if (last || !(await isRetryable(response))) return response;
    const delay =
      (parseRetryAfter(response.headers.get('retry-after')) ?? 0) * 1000 || backoffMs(attempt);
    if (waited + delay > retryWaitBudgetMs) return response;
    await response.body?.cancel();
    waited += await pause(delay, retryWaitBudgetMs - waited, signal);
  }
}

const backoffMs = (attempt: number) => 250 * 2 ** attempt;
const quotaProbeBytes = 16 * 1024;
/** 429s that waiting does not fix: a spent quota, credit or spend limit (Anthropic's included). */
const notFixedByWaiting =
  /insufficient_quota|quota_exceeded|billing|credit|spend_limit|enforced_spend_limit_reached/i;

async function isRetryable(response: Response): Promise<boolean> {
  const { status } = response;
  if (status !== 408 && status !== 429 && status < 500) return false;
  if (status !== 429) return true;
  // A spent quota or credit limit answers 429 too, and waiting does not refill it. Only the
  // start of the body is read, from a copy; the copy's rest is cancelled.
  const { text } = await readBoundedText(response.clone(), quotaProbeBytes);
  return !notFixedByWaiting.test(text);
}

function networkReason(error: unknown): string | undefined {
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' && /^[A-Z_]{3,40}$/.test(cause.code)
    ? cause.code
    : undefined;
}

function isRefusedAddress(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause?.code === 'EPRIVATEADDRESS';
}

function pause(ms: number, budgetMs: number, signal: AbortSignal): Promise<number> {
  const wait = Math.max(0, Math.min(ms, budgetMs));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(wait);
    }, wait);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
