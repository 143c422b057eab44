import { readBoundedText } from '@/lib/http/read-bounded';
import type { UpstreamHeaders } from './forwarded-headers';
import type { ServerConfig } from './server-config';
import { UpstreamCall, type AttemptAnswer, type UpstreamOutcome } from './upstream-call';

export type { UpstreamOutcome } from './upstream-call';

export interface UpstreamRequest {
  url: URL;
  method: string;
  headers: UpstreamHeaders;
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

/**
 * The route handler's upstream call (fetch and web streams, as Vercel runs it): the budgets and
 * retry rules of `UpstreamCall`, and a response whose body aborts the upstream when a budget
 * runs out or the client leaves.
 */
export async function fetchUpstream(request: UpstreamRequest): Promise<Response> {
  const call = new UpstreamCall(request.timeouts, (outcome) => {
    request.clientSignal.removeEventListener('abort', call.clientLeft);
    request.onSettled?.(outcome);
  });
  request.clientSignal.addEventListener('abort', call.clientLeft, { once: true });

  let upstream: Response;
  try {
    const answer = await call.withRetries(
      () => fetchAttempt(request, call.signal),
      request.maxRetries,
    );
    upstream = answer.response;
    call.answered();
  } catch (error) {
    throw call.failed(error);
  }

  if (upstream.status >= 300 && upstream.status < 400) {
    call.settle();
    await upstream.body?.cancel();
    throw UpstreamCall.redirectError();
  }
  if (!upstream.body) {
    call.settle();
    return upstream;
  }
  const isStream = /text\/event-stream/i.test(upstream.headers.get('content-type') ?? '');
  const body = guardBody(upstream.body, call, isStream ? request.streamErrorEvent : undefined);
  return new Response(body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: upstream.headers,
  });
}

async function fetchAttempt(
  request: UpstreamRequest,
  signal: AbortSignal,
): Promise<AttemptAnswer & { response: Response }> {
  const response = await (request.fetchImplementation ?? fetch)(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal,
    redirect: 'manual',
  });
  return {
    response,
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    // Only the start of the body is read, from a copy; the copy's rest is cancelled.
    probe: async (maxBytes) => (await readBoundedText(response.clone(), maxBytes)).text,
    discard: async () => {
      await response.body?.cancel();
    },
  };
}

/**
 * Passes the body through chunk by chunk. When a budget runs out mid-stream the client gets an
 * error event in the provider's own format (its parser shows it) instead of a connection that
 * just stops.
 */
function guardBody(
  source: ReadableStream<Uint8Array>,
  call: UpstreamCall,
  timeoutEvent: ((code: string, message: string) => string) | undefined,
): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(streamController) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          call.settle();
          streamController.close();
          return;
        }
        call.chunk(value.byteLength);
        streamController.enqueue(value);
      } catch (error) {
        const timedOut = call.timedOut;
        call.settle();
        if (timedOut && timeoutEvent) {
          const event = timeoutEvent(
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
      call.settle();
      call.abort();
      await reader.cancel(reason).catch(() => undefined);
    },
  });
}
