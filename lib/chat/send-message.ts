import { ParleyError } from '@/lib/errors/parley-error';
import { isErrorCode } from '@/lib/errors/error-codes';
import { parseModelChoice } from '@/lib/models/model-choice';
import type { SamplingParameter } from '@/lib/models/capabilities';
import type { CatalogModel } from '@/lib/models/catalog-model';
import type { ChatRequest, StreamPart } from '@/lib/protocols/types';
import { useChatStore } from '@/lib/store/chat-store';
import type { ChatMessage, ConversationParameters, MessageError } from '@/lib/store/chat-types';
import { useSettingsStore } from '@/lib/store/settings-store';
import { createDeltaBuffer } from './delta-buffer';
import { historyTurns } from './history-turns';
import { streamChat } from './stream-chat';

/** Live streams by conversation; never persisted. */
const activeStreams = new Map<string, AbortController>();

export function isStreaming(conversationId: string): boolean {
  return activeStreams.has(conversationId);
}

export function stopStreaming(conversationId: string): void {
  activeStreams.get(conversationId)?.abort();
}

/**
 * Appends the user's message and an empty answer, streams the answer into it (batched per
 * animation frame, saved at least twice a second), and records how it ended.
 */
export async function sendMessage(
  conversationId: string,
  text: string,
  model: CatalogModel | undefined,
  { userKeysAllowed }: { userKeysAllowed: boolean },
): Promise<void> {
  const store = useChatStore.getState();
  const conversation = store.conversations[conversationId];
  const ref = conversation ? parseModelChoice(conversation.model) : undefined;
  if (!conversation || !ref || activeStreams.has(conversationId) || !text.trim()) return;

  const now = Date.now();
  const userMessage: ChatMessage = {
    id: crypto.randomUUID(),
    role: 'user',
    content: text,
    status: 'done',
    createdAt: now,
  };
  const answer: ChatMessage = {
    id: crypto.randomUUID(),
    role: 'assistant',
    content: '',
    status: 'streaming',
    model: conversation.model,
    createdAt: now,
  };
  const history = historyTurns(conversation.messages);
  store.appendMessages(conversationId, [userMessage, answer]);

  const patch = (change: Parameters<typeof store.patchMessage>[2], save?: 'now' | 'soon') =>
    useChatStore.getState().patchMessage(conversationId, answer.id, change, { save });
  const buffer = createDeltaBuffer((reasoning, content) =>
    patch((message) => {
      const reasoningStartedAt = message.reasoningStartedAt ?? (reasoning ? Date.now() : undefined);
      const answerBegins =
        content !== '' && message.content === '' && reasoningStartedAt !== undefined;
      return {
        reasoning: reasoning ? (message.reasoning ?? '') + reasoning : message.reasoning,
        content: message.content + content,
        reasoningStartedAt,
        reasoningDurationMs:
          answerBegins && message.reasoningDurationMs === undefined
            ? Date.now() - reasoningStartedAt
            : message.reasoningDurationMs,
      };
    }),
  );

  const controller = new AbortController();
  activeStreams.set(conversationId, controller);
  let streamError: MessageError | undefined;
  const settings = useSettingsStore.getState();
  try {
    await streamChat({
      provider: ref.provider,
      request: {
        model: ref.model,
        turns: [...history, { role: 'user', content: text }],
        ...acceptedParameters(conversation.parameters, model),
      },
      credentials: {
        accessCode: settings.accessCode || undefined,
        // Where the operator turned users' keys off, a key stored earlier is not sent.
        apiKey: (userKeysAllowed && settings.providerSettings[ref.provider]?.apiKey) || undefined,
        endpoint: userKeysAllowed
          ? settings.customEndpoints.find((endpoint) => endpoint.id === ref.endpointId)
          : undefined,
      },
      providerOptions: ref.endpointId
        ? undefined
        : settings.providerSettings[ref.provider]?.options,
      signal: controller.signal,
      onPart: (part: StreamPart) => {
        if (part.type === 'reasoning-delta') buffer.add(part.text, '');
        else if (part.type === 'text-delta') buffer.add('', part.text);
        else if (part.type === 'usage') patch({ usage: part.usage });
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

  patch(
    (message) => ({
      status: controller.signal.aborted ? 'stopped' : streamError ? 'error' : 'done',
      error: streamError,
      reasoningDurationMs:
        message.reasoningDurationMs ??
        (message.reasoningStartedAt !== undefined
          ? Date.now() - message.reasoningStartedAt
          : undefined),
    }),
    'now',
  );
}

/**
 * Only what this model accepts goes out: a temperature set for one model is not sent to a
 * reasoning model that rejects it, and an effort only to models that reason. Without a catalog
 * entry (an id the operator typed), everything the user set is sent and the gateway's policy
 * strips what the model would reject.
 */
export function acceptedParameters(
  parameters: ConversationParameters | undefined,
  model: CatalogModel | undefined,
): Pick<ChatRequest, 'parameters' | 'reasoningEffort'> {
  if (!parameters) return {};
  const { reasoningEffort, ...sampling } = parameters;
  const accepts = (name: SamplingParameter) => !model || model.parameters.includes(name);
  return {
    parameters: {
      temperature: accepts('temperature') ? sampling.temperature : undefined,
      topP: accepts('top_p') ? sampling.topP : undefined,
      presencePenalty: accepts('presence_penalty') ? sampling.presencePenalty : undefined,
      frequencyPenalty: accepts('frequency_penalty') ? sampling.frequencyPenalty : undefined,
      maxOutputTokens: sampling.maxOutputTokens,
    },
    reasoningEffort: !model || model.reasoning ? reasoningEffort : undefined,
  };
}

function streamErrorFrom(error: { message: string; code?: string; status?: number }): MessageError {
  if (isErrorCode(error.code)) return { code: error.code, detail: undefined };
  return { code: 'stream:error', detail: error.message };
}

function messageErrorFrom(error: unknown): MessageError {
  if (error instanceof ParleyError) {
    return { code: error.code, detail: error.detail, retryAfterSeconds: error.retryAfterSeconds };
  }
  return { code: 'network:offline' };
}
