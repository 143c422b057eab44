import { gatewayHeaders } from '@/lib/gateway/contract.mjs';
import { readBoundedText } from '@/lib/http/read-bounded';
import { fetchUpstream } from './fetch-upstream';
import {
  failGatewayCall,
  maskSecret,
  maskedBodyLimitBytes,
  prepareGatewayCall,
  upstreamAnswered,
  type GatewayCall,
  type GatewayRequest,
} from './gateway-core';
import { readJsonBody } from './read-json-body';
import { RequestLog } from './request-log';
import type { RouteTarget } from './resolve-route';
import type { ServerConfig } from './server-config';
import { userEndpointFetch } from './user-endpoint';

/** Tells SDK users what the parameter policy removed from their request. */
export const strippedParametersHeader = gatewayHeaders.strippedParameters;

/**
 * The route-handler transport (how Vercel runs the gateway, and `next start`): a web `Request`
 * in, a web `Response` out, with every decision made by the shared core (`gateway-core.ts`).
 * `npm start` serves the same paths with the Node transport (`node-gateway.ts`).
 */
export async function proxyRequest(
  request: Request,
  target: RouteTarget,
  config?: ServerConfig,
): Promise<Response> {
  const incoming: GatewayRequest = {
    method: request.method,
    url: request.url,
    headers: request.headers,
    readJson: (maxBytes) => readJsonBody(request, maxBytes),
  };
  let call: GatewayCall | undefined;
  try {
    call = await prepareGatewayCall(incoming, target, config);
    const { upstream: plan } = call;
    const upstream = await fetchUpstream({
      ...plan,
      clientSignal: request.signal,
      timeouts: call.config.timeouts,
      maxRetries: call.config.maxRetries,
      fetchImplementation: call.userEndpoint ? userEndpointFetch(call.config) : undefined,
      streamErrorEvent: call.streamErrorEvent,
      onSettled: call.settled,
    });
    const { headers, maskWith } = upstreamAnswered(
      call,
      incoming,
      upstream.status,
      upstream.headers,
    );
    if (maskWith) {
      const { text, truncated } = await readBoundedText(upstream, maskedBodyLimitBytes);
      return new Response(maskSecret(text, truncated, maskWith), {
        status: upstream.status,
        headers,
      });
    }
    return new Response(upstream.body, { status: upstream.status, headers });
  } catch (error) {
    const log = call?.log ?? new RequestLog(() => undefined, request.method, target.provider);
    const { error: typed } = failGatewayCall(log, error);
    return new Response(typed.wireBody(), { status: typed.status, headers: typed.wireHeaders() });
  }
}
