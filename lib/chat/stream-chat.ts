import { ParleyError } from '@/lib/errors/parley-error';
import { protocols } from '@/lib/protocols';
import type { ChatRequest, StreamPart } from '@/lib/protocols/types';
import { definitionFor } from '@/lib/providers/behaviour';
import type { ProviderId } from '@/lib/providers/registry';
import type { ProviderDefinition, ProviderSettingValues } from '@/lib/providers/types';
import { parseEventStream } from '@/lib/sse/parse-event-stream';
import type { OwnAccess } from './gateway-request';
import { gatewayClient } from '@/lib/chat/gateway-client';

export interface StreamChatOptions {
  provider: ProviderId;
  request: ChatRequest;
  /** The code, and the person's own key and address, as the settings hold them. */
  access: OwnAccess;
  /** The user's preferences for this provider (routing, fallbacks), applied by its registry entry. */
  providerOptions?: ProviderSettingValues;
  /** The router this provider's address is on, whose request shape applies. */
  behavesAs?: ProviderId;
  signal: AbortSignal;
  onPart: (part: StreamPart) => void;
}

/**
 * Sends one chat request through the gateway and reports the provider's stream as parts.
 * Failures before the stream starts throw a ParleyError; failures inside it arrive as parts.
 */
export async function streamChat(options: StreamChatOptions): Promise<void> {
  const definition: ProviderDefinition = definitionFor(options.provider, options.behavesAs);
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
    response = await gatewayClient.provider(
      { provider: options.provider, path: native.path, query },
      options.access,
      { body, accept: 'text/event-stream', signal: options.signal },
    );
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
