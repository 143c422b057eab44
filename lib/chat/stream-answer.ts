import { isErrorCode } from '@/lib/errors/error-codes';
import { ParleyError } from '@/lib/errors/parley-error';
import type { PublicProvider } from '@/lib/config/public-config';
import type { CatalogModel } from '@/lib/models/catalog-model';
import { behavesAs } from '@/lib/providers/behaviour';
import { parseModelChoice } from '@/lib/models/model-choice';
import type { ChatTurn, StreamPart } from '@/lib/protocols/types';
import { useChatStore, type MessagePatch } from '@/lib/store/chat-store';
import type { MessageError } from '@/lib/store/chat-types';
import { useSettingsStore } from '@/lib/store/settings-store';
import { acceptedParameters } from './accepted-parameters';
import { createDeltaBuffer } from './delta-buffer';
import { ownAccessFor } from './gateway-request';

/**
 * The wire protocols and the stream reader are not part of the first load: fetched when the page
 * is idle (preloadStreaming), or with the first message.
 */
const loadStreamChat = () => import('./stream-chat');

export function preloadStreaming(): void {
  void loadStreamChat();
}

/** Live streams by conversation; never persisted. */
const activeStreams = new Map<string, AbortController>();

export function isStreaming(conversationId: string): boolean {
  return activeStreams.has(conversationId);
}

export function stopStreaming(conversationId: string): void {
  activeStreams.get(conversationId)?.abort();
}

export interface AnswerContext {
  /** The catalog entry of the conversation's model, when known: what it accepts. */
  model: CatalogModel | undefined;
  userKeysAllowed: boolean;
  /** The operator's providers, for the router an operator's address is on. */
  providers?: readonly PublicProvider[];
}

/**
 * Streams a model's answer into an assistant message already in the store: text and reasoning
 * batched per animation frame, saved at least twice a second, timed (first token, streaming),
 * and marked done, stopped or failed at the end. `append` continues an interrupted answer.
 */
export async function streamAnswer(
  conversationId: string,
  answerId: string,
  turns: ChatTurn[],
  context: AnswerContext,
): Promise<void> {
  const conversation = useChatStore.getState().conversations[conversationId];
  const choice = conversation ? parseModelChoice(conversation.model) : undefined;
  if (!conversation || !choice || activeStreams.has(conversationId)) return;

  const patch = (change: MessagePatch, save?: 'now' | 'soon') =>
    useChatStore.getState().patchMessage(conversationId, answerId, change, { save });
  const startedAt = Date.now();
  let firstTokenAt: number | undefined;
  const buffer = createDeltaBuffer((reasoning, content) =>
    patch((message) => {
      const now = Date.now();
      const reasoningStartedAt = message.reasoningStartedAt ?? (reasoning ? now : undefined);
      const answerBegins =
        content !== '' && message.content === '' && reasoningStartedAt !== undefined;
      return {
        reasoning: reasoning ? (message.reasoning ?? '') + reasoning : message.reasoning,
        content: message.content + content,
        reasoningStartedAt,
        reasoningDurationMs:
          answerBegins && message.reasoningDurationMs === undefined
            ? now - reasoningStartedAt
            : message.reasoningDurationMs,
      };
    }),
  );
  const onDelta = () => {
    if (firstTokenAt !== undefined) return;
    firstTokenAt = Date.now();
    patch({ firstTokenMs: firstTokenAt - startedAt });
  };

  const controller = new AbortController();
  activeStreams.set(conversationId, controller);
  patch({ status: 'streaming', error: undefined, model: conversation.model }, 'now');
  let streamError: MessageError | undefined;
  const settings = useSettingsStore.getState();
  try {
    const { streamChat } = await loadStreamChat();
    await streamChat({
      provider: choice.provider,
      request: {
        model: choice.model,
        system: conversation.systemPrompt,
        turns,
        ...acceptedParameters(conversation.parameters, context.model),
      },
      // Where the operator turned users' keys off, a key stored earlier is not sent.
      access: ownAccessFor(settings, choice.provider, {
        userKeysAllowed: context.userKeysAllowed,
        endpointId: choice.endpointId,
      }),
      providerOptions: choice.endpointId
        ? undefined
        : settings.providerSettings[choice.provider]?.options,
      // An endpoint on a router's host is shaped as that router's requests are.
      behavesAs: choice.endpointId
        ? behavesAs(
            choice.provider,
            settings.customEndpoints.find((endpoint) => endpoint.id === choice.endpointId)?.baseUrl,
          )
        : context.providers?.find((provider) => provider.id === choice.provider)?.behavesAs,
      signal: controller.signal,
      onPart: (part: StreamPart) => {
        if (part.type === 'reasoning-delta') {
          onDelta();
          buffer.add(part.text, '');
        } else if (part.type === 'text-delta') {
          onDelta();
          buffer.add('', part.text);
        } else if (part.type === 'usage') patch({ usage: part.usage });
        else if (part.type === 'response-model') patch({ responseModel: part.model });
        else if (part.type === 'reasoning-signature') patch({ reasoningSignature: part.signature });
        else if (part.type === 'error') streamError = streamErrorFrom(part.error);
      },
    });
  } catch (error) {
    if (!controller.signal.aborted) streamError = messageErrorFrom(error);
  } finally {
    buffer.flush();
    activeStreams.delete(conversationId);
  }

  const endedAt = Date.now();
  patch(
    (message) => ({
      status: controller.signal.aborted ? 'stopped' : streamError ? 'error' : 'done',
      error: streamError && { ...streamError, receivedAt: endedAt },
      streamingMs: firstTokenAt !== undefined ? endedAt - firstTokenAt : undefined,
      reasoningDurationMs:
        message.reasoningDurationMs ??
        (message.reasoningStartedAt !== undefined
          ? endedAt - message.reasoningStartedAt
          : undefined),
    }),
    'now',
  );
}

function streamErrorFrom(error: { message: string; code?: string; status?: number }): MessageError {
  if (isErrorCode(error.code)) return { code: error.code };
  return { code: 'stream:error', detail: error.message };
}

function messageErrorFrom(error: unknown): MessageError {
  if (error instanceof ParleyError) {
    return { code: error.code, detail: error.detail, retryAfterSeconds: error.retryAfterSeconds };
  }
  return { code: 'network:offline' };
}
