/**
 * The gateway's contract with its clients (the browser, SDKs, `server.mjs`): the header names it
 * reads and writes and the paths it serves. Typed once; both sides import these.
 */
export const gatewayHeaders = {
  /** The deployment's access code, beside the person's own key or alone. */
  accessCode: 'x-access-code',
  /** The person's own base URL for the provider; used only with their key (and the code). */
  upstreamBaseUrl: 'x-upstream-base-url',
  /** Extra headers for the person's own endpoint, as one JSON object. */
  upstreamHeaders: 'x-upstream-headers',
  /** What the parameter policy removed from a request, comma-separated. */
  strippedParameters: 'x-parley-stripped-params',
  /** The client's address as `server.mjs` established it from the socket. */
  clientAddress: 'x-parley-client-address',
} as const;

export const gatewayPaths = {
  config: '/api/config',
  models: '/api/models',
  /** `/api/<provider>/<path>`: the provider's own API, through the gateway. */
  provider: (provider: string, path: string) => `/api/${provider}/${path}`,
} as const;
