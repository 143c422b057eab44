import type { CustomEndpoint } from '@/lib/store/settings-store';

/**
 * How the browser names one of the user's own endpoints to the gateway: its address, its extra
 * headers, and its key as the bearer (the gateway sends nothing else to an address it was given).
 */
export function endpointHeaders(endpoint: CustomEndpoint): Record<string, string> {
  const headers: Record<string, string> = { 'x-upstream-base-url': endpoint.baseUrl };
  if (endpoint.apiKey) headers.authorization = `Bearer ${endpoint.apiKey}`;
  if (Object.keys(endpoint.headers).length > 0)
    headers['x-upstream-headers'] = JSON.stringify(endpoint.headers);
  return headers;
}
