import type { CustomEndpoint } from '@/lib/store/settings-store';

/**
 * Where a request for one of the user's own endpoints goes, and with which headers. Through the
 * gateway: its address, extra headers and key travel as headers (the gateway sends only that key
 * there). Browser-direct (an endpoint on the user's own machine, which a deployed gateway cannot
 * reach): the browser calls the endpoint itself and the gateway is not involved.
 */
export function endpointRequest(
  endpoint: CustomEndpoint,
  path: string,
  query = '',
): { url: string; headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  if (endpoint.apiKey) headers.authorization = `Bearer ${endpoint.apiKey}`;
  if (endpoint.direct) {
    return {
      url: `${endpoint.baseUrl.replace(/\/+$/, '')}/${path}${query}`,
      headers: { ...endpoint.headers, ...headers },
    };
  }
  headers['x-upstream-base-url'] = endpoint.baseUrl;
  if (Object.keys(endpoint.headers).length > 0)
    headers['x-upstream-headers'] = JSON.stringify(endpoint.headers);
  return { url: `/api/openai-compatible/${path}${query}`, headers };
}
