import { gatewayPaths } from '@/lib/gateway/contract.mjs';
import {
  gatewayAccessHeaders,
  gatewayRequest,
  type GatewayTarget,
  type OwnAccess,
} from './gateway-request';

export interface GatewayCallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** The answer's type the caller wants (`text/event-stream` for a streamed chat). */
  accept?: string;
  signal?: AbortSignal;
}

/**
 * The browser's one way to reach its deployment. Every call is uncached and carries the code,
 * the person's own key and address as `gateway-request.ts` decides; a network failure rejects as
 * `fetch` does, and the caller says what it means for its view.
 */
export const gatewayClient = {
  /** A provider's own API, through the gateway (or straight to a browser-direct endpoint). */
  provider(target: GatewayTarget, access: OwnAccess, options: GatewayCallOptions = {}) {
    const { url, headers } = gatewayRequest(target, access);
    return send(url, headers, options);
  },

  /** The deployment's public facts (`/api/config`). */
  config(options: GatewayCallOptions = {}) {
    return send(gatewayPaths.config, new Headers(), options);
  },

  /**
   * The model catalog (`/api/models`): the deployment's, or the one the person's own key sees for
   * `provider`; `check` only asks whether the code is accepted.
   */
  models(
    access: OwnAccess,
    {
      provider,
      check,
      ...options
    }: GatewayCallOptions & { provider?: string; check?: boolean } = {},
  ) {
    const query = check ? '?check' : provider ? `?provider=${encodeURIComponent(provider)}` : '';
    return send(`${gatewayPaths.models}${query}`, gatewayAccessHeaders(access), options);
  },

  /** An encrypted sync space (`/api/sync/<space>`); only the code travels, never a key. */
  sync(
    space: string,
    accessCode: string,
    { query = '', ...options }: GatewayCallOptions & { query?: string } = {},
  ) {
    return send(
      `${gatewayPaths.sync(space)}${query}`,
      gatewayAccessHeaders({ accessCode }),
      options,
    );
  },
};

function send(url: string, headers: Headers, options: GatewayCallOptions): Promise<Response> {
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  if (options.accept) headers.set('accept', options.accept);
  return fetch(url, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
    cache: 'no-store',
  });
}
