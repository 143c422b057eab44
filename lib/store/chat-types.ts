import type { ErrorCode } from '@/lib/errors/error-codes';
import type { ChatParameters, ReasoningEffort, TokenUsage } from '@/lib/protocols/types';

export type MessageStatus = 'streaming' | 'done' | 'error' | 'interrupted' | 'stopped';

export interface MessageError {
  code: ErrorCode;
  /** The provider's own words, shown under the localised message. */
  detail?: string;
  retryAfterSeconds?: number;
}

export interface ChatMessage {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  reasoning?: string;
  /** Anthropic's thinking signature or Gemini's thoughtSignature, sent back on the next turn. */
  reasoningSignature?: string;
  status: MessageStatus;
  error?: MessageError;
  /** `provider:model` that was asked. */
  model?: string;
  /** The model the provider says answered, when a router picked another. */
  responseModel?: string;
  usage?: TokenUsage;
  reasoningStartedAt?: number;
  reasoningDurationMs?: number;
  createdAt: number;
}

/** The per-chat settings the user chose; only what the model accepts is sent. */
export interface ConversationParameters extends ChatParameters {
  reasoningEffort?: ReasoningEffort;
}

export interface Conversation {
  id: string;
  title: string;
  /** `provider:model` */
  model: string;
  parameters?: ConversationParameters;
  createdAt: number;
  updatedAt: number;
  messages: ChatMessage[];
}
