// @ts-check
/**
 * The gateway's contract with its clients (the browser, SDKs, `server.mjs`): the header names it
 * reads and writes and the paths it serves. Written once, as plain JavaScript so that
 * `server.mjs` (which runs before any TypeScript is compiled) imports it too; typed by `checkJs`.
 */
export const gatewayHeaders = /** @type {const} */ ({
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
});

export const gatewayPaths = /** @type {const} */ ({
  config: '/api/config',
  models: '/api/models',
  /**
   * `/api/sync/<space>`: one end-to-end encrypted sync space.
   * @param {string} space
   */
  sync: (space) => `/api/sync/${space}`,
  /**
   * `/api/<provider>/<path>`: the provider's own API, through the gateway.
   * @param {string} provider
   * @param {string} path
   */
  provider: (provider, path) => `/api/${provider}/${path}`,
});
