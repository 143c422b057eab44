import { gatewayHeaders, gatewayPaths } from '@/lib/gateway/contract.mjs';
import { providers, type ProviderId } from '@/lib/providers/registry';
import type { ProviderDefinition } from '@/lib/providers/types';
import type { CustomEndpoint, PersistedSettings } from '@/lib/store/settings-store';

/** What the browser may present for one request: the code, and the person's own key and address. */
export interface OwnAccess {
  accessCode?: string;
  /** The person's own key for the provider; it always wins over the deployment's key. */
  apiKey?: string;
  /** The person's own address for the provider (a proxy, a region, their Ollama). */
  baseUrl?: string;
  /** One of the person's own endpoints: the request goes there, with that endpoint's key. */
  endpoint?: CustomEndpoint;
}

export interface GatewayTarget {
  provider: ProviderId;
  /** Relative to the provider's base, e.g. `chat/completions`. */
  path: string;
  /** With its leading `?`, or empty. */
  query?: string;
}

/**
 * The one place the browser builds a request to the gateway (or, for a browser-direct endpoint,
 * to the endpoint itself): the URL and the headers that carry the code, key and address.
 */
export function gatewayRequest(
  target: GatewayTarget,
  access: OwnAccess,
): { url: string; headers: Headers } {
  const query = target.query ?? '';
  const { endpoint } = access;
  if (endpoint?.direct) {
    // An endpoint on the person's own machine, which a deployed gateway cannot reach: its own
    // headers go as they are, since they go nowhere else.
    const headers = new Headers(endpoint.headers);
    if (endpoint.apiKey) headers.set('authorization', `Bearer ${endpoint.apiKey}`);
    return { url: `${endpoint.baseUrl.replace(/\/+$/, '')}/${target.path}${query}`, headers };
  }
  const provider = endpoint ? 'openai-compatible' : target.provider;
  return {
    url: `${gatewayPaths.provider(provider, target.path)}${query}`,
    headers: gatewayAccessHeaders(access),
  };
}

/** The headers that present the code, and the person's own key and address, to the gateway. */
export function gatewayAccessHeaders(access: OwnAccess): Headers {
  const { endpoint } = access;
  const headers = new Headers();
  const apiKey = endpoint ? endpoint.apiKey : access.apiKey;
  if (apiKey) headers.set('authorization', `Bearer ${apiKey}`);
  if (access.accessCode) headers.set(gatewayHeaders.accessCode, access.accessCode);
  const baseUrl = endpoint ? endpoint.baseUrl : access.baseUrl;
  if (baseUrl) headers.set(gatewayHeaders.upstreamBaseUrl, baseUrl);
  if (endpoint && Object.keys(endpoint.headers).length > 0) {
    headers.set(gatewayHeaders.upstreamHeaders, JSON.stringify(endpoint.headers));
  }
  return headers;
}

/**
 * What the settings hold for one provider (or one of the person's endpoints), as presented to the
 * gateway. Where the operator turned users' keys off, nothing of the person's is sent.
 */
export function ownAccessFor(
  settings: Pick<PersistedSettings, 'accessCode' | 'providerSettings' | 'customEndpoints'>,
  provider: ProviderId,
  { userKeysAllowed, endpointId }: { userKeysAllowed: boolean; endpointId?: string },
): OwnAccess {
  const accessCode = settings.accessCode || undefined;
  if (!userKeysAllowed) return { accessCode };
  if (endpointId) {
    return {
      accessCode,
      endpoint: settings.customEndpoints.find((endpoint) => endpoint.id === endpointId),
    };
  }
  const own = settings.providerSettings[provider];
  const apiKey = own?.apiKey || undefined;
  // An address of the person's own goes with their key; alone only where no key is needed or
  // the deployment has no address of its own for the provider (the gateway then says what is missing).
  const definition: ProviderDefinition = providers[provider];
  const addressAlone = definition.keyOptional === true || !definition.baseUrl;
  const baseUrl = own?.baseUrl && (apiKey || addressAlone) ? own.baseUrl : undefined;
  return { accessCode, apiKey, baseUrl };
}
