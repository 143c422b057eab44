import type { ErrorCode } from '@/lib/errors/error-codes';
import type { ChatParameters, ReasoningEffort, TokenUsage } from '@/lib/protocols/types';

/**
 * The stored shape of conversations. Version 2 keeps every branch: each message names its
 * parent, and `leafId` is the last message of the branch on screen (regenerate and edit add
 * siblings instead of replacing). Version 1 was one linear list without parents.
 */
export const conversationSchemaVersion = 2;

export type MessageStatus = 'streaming' | 'done' | 'error' | 'interrupted' | 'stopped';

export interface MessageError {
  code: ErrorCode;
  /** The provider's own words, shown under the localised message. */
  detail?: string;
  retryAfterSeconds?: number;
  /** When the error arrived: a Retry-After countdown runs from here. */
  receivedAt?: number;
}

/** An image the user attached, resized in the browser, stored with the conversation. */
export interface StoredImage {
  id: string;
  /** `data:image/…;base64,…` */
  dataUrl: string;
  mimeType: string;
  width: number;
  height: number;
}

export interface ChatMessage {
  id: string;
  /** The message this one answers or follows; undefined for the first message of a conversation. */
  parentId?: string;
  role: 'user' | 'assistant';
  content: string;
  images?: StoredImage[];
  reasoning?: string;
  /** Anthropic's thinking signature or Gemini's thoughtSignature, sent back on the next turn. */
  reasoningSignature?: string;
  status: MessageStatus;
  error?: MessageError;
  /** The model choice that was asked (`provider:model` or `endpoint/<id>:model`). */
  model?: string;
  /** The model the provider says answered, when a router picked another. */
  responseModel?: string;
  usage?: TokenUsage;
  reasoningStartedAt?: number;
  reasoningDurationMs?: number;
  /** From sending to the first streamed token. */
  firstTokenMs?: number;
  /** From the first token to the end of the stream. */
  streamingMs?: number;
  createdAt: number;
}

/** The per-chat settings the user chose; only what the model accepts is sent. */
export interface ConversationParameters extends ChatParameters {
  reasoningEffort?: ReasoningEffort;
}

export interface Conversation {
  id: string;
  title: string;
  /** `user` once renamed by hand: the automatic title never replaces it. */
  titleSource?: 'auto' | 'user';
  /** The model choice (`provider:model` or `endpoint/<id>:model`). */
  model: string;
  parameters?: ConversationParameters;
  systemPrompt?: string;
  pinned?: boolean;
  createdAt: number;
  updatedAt: number;
  /** Every message of every branch. */
  messages: ChatMessage[];
  /** The last message of the branch on screen; undefined when the conversation is empty. */
  leafId?: string;
  /**
   * When each setting of the conversation was last changed by hand (a rename, a pin): two copies
   * edited apart (two tabs, two synced devices) keep each field's latest change.
   */
  fieldTimes?: Partial<Record<ConversationField, number>>;
  /** Messages deleted by hand: a copy that still has them does not bring them back. */
  deletedMessageIds?: string[];
}

export const conversationFields = [
  'title',
  'titleSource',
  'model',
  'parameters',
  'systemPrompt',
  'pinned',
] as const;
export type ConversationField = (typeof conversationFields)[number];
