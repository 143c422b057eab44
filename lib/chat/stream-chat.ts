import { ParleyError } from '@/lib/errors/parley-error';
import { protocols } from '@/lib/protocols';
import type { ChatRequest, StreamPart } from '@/lib/protocols/types';
import { providers, type ProviderId } from '@/lib/providers/registry';
import type { ProviderDefinition, ProviderSettingValues } from '@/lib/providers/types';
import { parseEventStream } from '@/lib/sse/parse-event-stream';
import type { CustomEndpoint } from '@/lib/store/settings-store';
import { endpointRequest } from './endpoint-request';

export interface Credentials {
  accessCode?: string;
  /** The user's own key for this provider, sent as the bearer; the gateway forwards it as is. */
  apiKey?: string;
  /** One of the user's own endpoints: the request goes there, with that endpoint's key. */
  endpoint?: CustomEndpoint;
  /** The user's own address for this provider; the gateway uses it only with their key. */
  baseUrl?: string;
}

export interface StreamChatOptions {
  provider: ProviderId;
  request: ChatRequest;
  credentials: Credentials;
  /** The user's preferences for this provider (routing, fallbacks), applied by its registry entry. */
  providerOptions?: ProviderSettingValues;
  signal: AbortSignal;
  onPart: (part: StreamPart) => void;
}

/**
 * Sends one chat request through the gateway and reports the provider's stream as parts.
 * Failures before the stream starts throw a ParleyError; failures inside it arrive as parts.
 */
export async function streamChat(options: StreamChatOptions): Promise<void> {
  const definition: ProviderDefinition = providers[options.provider];
  const adapter = protocols[definition.protocol];
  const native = adapter.buildChatRequest(options.request);
  const adapted = definition.adaptRequestBody
    ? definition.adaptRequestBody(native.body)
    : native.body;
  const body =
    definition.applyUserSettings && options.providerOptions
      ? definition.applyUserSettings(adapted, options.providerOptions)
      : adapted;
  const query = native.query ? `?${new URLSearchParams(native.query).toString()}` : '';

  let response: Response;
  try {
    const endpoint = options.credentials.endpoint;
    const target = endpoint
      ? endpointRequest(endpoint, native.path, query)
      : { url: `/api/${options.provider}/${native.path}${query}`, headers: {} };
    response = await fetch(target.url, {
      method: 'POST',
      headers: requestHeaders(options.credentials, target.headers),
      body: JSON.stringify(body),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal.aborted) throw error;
    throw new ParleyError('network:offline', 'The gateway could not be reached.');
  }
  if (!response.ok) throw await ParleyError.fromResponse(response);
  if (!response.body || !/text\/event-stream/i.test(response.headers.get('content-type') ?? '')) {
    throw new ParleyError(
      'stream:unexpected_response',
      'The provider did not answer with a stream.',
    );
  }

  const decoder = adapter.createStreamDecoder();
  for await (const event of parseEventStream(response.body)) {
    for (const part of decoder.decode(event)) options.onPart(part);
  }
  for (const part of decoder.end()) options.onPart(part);
}

function requestHeaders(
  credentials: Credentials,
  endpointHeaders: Record<string, string>,
): Headers {
  const headers = new Headers({ 'content-type': 'application/json', accept: 'text/event-stream' });
  if (credentials.endpoint) {
    for (const [name, value] of Object.entries(endpointHeaders)) headers.set(name, value);
    return headers;
  }
  if (credentials.accessCode) headers.set('x-access-code', credentials.accessCode);
  if (credentials.apiKey) headers.set('authorization', `Bearer ${credentials.apiKey}`);
  if (credentials.apiKey && credentials.baseUrl)
    headers.set('x-upstream-base-url', credentials.baseUrl);
  return headers;
}
