import { ParleyError } from '@/lib/errors/parley-error';
import type { ServerConfig } from './server-config';

export interface UpstreamRequest {
  url: URL;
  method: string;
  headers: Headers;
  body?: string;
  /** The client's request signal: when the browser goes away, so does the upstream call. */
  clientSignal: AbortSignal;
  timeouts: ServerConfig['timeouts'];
  /** A guarded fetch for user endpoints; the platform's otherwise. */
  fetchImplementation?: typeof fetch;
}

/**
 * Calls the upstream with three time budgets (first byte, idle gap, total) and returns its
 * response with a body that aborts the upstream when a budget runs out or the client leaves.
 * Redirects are never followed: credentials must not travel to a second address.
 */
export async function fetchUpstream(request: UpstreamRequest): Promise<Response> {
  const controller = new AbortController();
  let timedOut = false;
  const expire = () => {
    timedOut = true;
    controller.abort();
  };
  const onClientAbort = () => controller.abort();
  request.clientSignal.addEventListener('abort', onClientAbort, { once: true });
  const totalTimer = setTimeout(expire, request.timeouts.totalMs);
  const firstByteTimer = setTimeout(expire, request.timeouts.firstByteMs);
  const release = () => {
    clearTimeout(totalTimer);
    clearTimeout(firstByteTimer);
    request.clientSignal.removeEventListener('abort', onClientAbort);
  };

  let upstream: Response;
  try {
    upstream = await (request.fetchImplementation ?? fetch)(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: controller.signal,
      redirect: 'manual',
    });
  } catch {
    release();
    if (timedOut) {
      throw new ParleyError('upstream:timeout', 'The provider did not answer in time.');
    }
    throw new ParleyError('upstream:unreachable', 'The provider could not be reached.');
  } finally {
    clearTimeout(firstByteTimer);
  }

  if (upstream.status >= 300 && upstream.status < 400) {
    release();
    await upstream.body?.cancel();
    throw new ParleyError(
      'upstream:redirect',
      'The provider answered with a redirect, which is not followed.',
    );
  }
  if (!upstream.body) {
    release();
    return upstream;
  }

  let idleTimer = setTimeout(expire, request.timeouts.idleMs);
  const finish = () => {
    clearTimeout(idleTimer);
    release();
  };
  const reader = upstream.body.getReader();
  const guarded = new ReadableStream<Uint8Array>({
    async pull(streamController) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          finish();
          streamController.close();
          return;
        }
        clearTimeout(idleTimer);
        idleTimer = setTimeout(expire, request.timeouts.idleMs);
        streamController.enqueue(value);
      } catch (error) {
        finish();
        streamController.error(error);
      }
    },
    async cancel(reason) {
      // The client went away: stop the upstream at once so it stops generating (and billing).
      finish();
      controller.abort();
      await reader.cancel(reason).catch(() => undefined);
    },
  });
  return new Response(guarded, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: upstream.headers,
  });
}
