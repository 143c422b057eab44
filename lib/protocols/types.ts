import type { RequestSettings, SamplingParameter } from '@/lib/models/capability-types';
import type { ListedModel } from '@/lib/models/listed-model';
import type { ServerSentEvent } from '@/lib/sse/parse-event-stream';

/** An image attached to a user turn, as a data URL (`data:image/png;base64,…`). */
export interface ImageAttachment {
  dataUrl: string;
  mimeType: string;
}

/** Reasoning kept from an assistant turn, sent back on the next turn where the protocol wants it. */
export interface KeptReasoning {
  text: string;
  /** Anthropic thinking-block signature, or Gemini thoughtSignature. */
  signature?: string;
}

/** One conversation turn as Parley stores it, independent of any provider's format. */
export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
  images?: ImageAttachment[];
  /** Assistant turns only; never sent back as answer text. */
  reasoning?: KeptReasoning;
}

export type ReasoningEffort = 'minimal' | 'low' | 'medium' | 'high';

/** Sampling parameters the user set; the parameter policy decides which a model may receive. */
export interface ChatParameters {
  temperature?: number;
  topP?: number;
  maxOutputTokens?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
}

export interface ToolDefinition {
  name: string;
  description?: string;
  /** JSON Schema of the arguments. */
  parameters: Record<string, unknown>;
}

/** What the chat asks for; each protocol adapter turns it into its provider's native body. */
export interface ChatRequest {
  model: string;
  system?: string;
  turns: ChatTurn[];
  parameters?: ChatParameters;
  /** Present only for reasoning-capable models, when the user chose an effort. */
  reasoningEffort?: ReasoningEffort;
  tools?: ToolDefinition[];
}

export interface TokenUsage {
  inputTokens?: number;
  outputTokens?: number;
  reasoningTokens?: number;
  /** In the provider's billing currency (USD for the routers), when it reports one. */
  cost?: number;
}

export interface StreamErrorInfo {
  message: string;
  code?: string;
  status?: number;
}

/** The parts every adapter produces, whatever the wire format. */
export type StreamPart =
  | { type: 'reasoning-delta'; text: string }
  | { type: 'reasoning-signature'; signature: string }
  | { type: 'text-delta'; text: string }
  | { type: 'tool-call-delta'; index: number; id?: string; name?: string; argumentsDelta: string }
  | { type: 'response-model'; model: string }
  | { type: 'usage'; usage: TokenUsage }
  | { type: 'finish'; reason: string }
  | { type: 'error'; error: StreamErrorInfo };

export interface StreamDecoder {
  /** Parts carried by one SSE event. */
  decode(event: ServerSentEvent): StreamPart[];
  /** Parts owed at the end of the body: usage, finish, or an error when no terminal event came. */
  end(): StreamPart[];
}

/** A native request: the upstream path (relative to the provider base), its query, its body. */
export interface NativeRequest {
  path: string;
  query?: Record<string, string>;
  body: Record<string, unknown>;
}

/**
 * Everything Parley knows about one wire protocol, in one place: building a request, decoding its
 * stream, where each sampling parameter sits in a native body, reading a body's reasoning
 * settings back (the gateway's parameter policy), writing an error in the protocol's own
 * mid-stream format (the gateway's budgets), and reading its model list (the catalog).
 * Credentials are the provider's (`auth` in the registry): Azure speaks OpenAI's protocol with
 * its own key header.
 */
export interface ProtocolAdapter {
  /** A streaming chat request in the provider's own format. */
  buildChatRequest(request: ChatRequest): NativeRequest;
  createStreamDecoder(): StreamDecoder;
  /** The dotted path of each sampling parameter in a native body; absent: no such field. */
  parameterFields: Partial<Record<SamplingParameter, string>>;
  /** The effort and thinking settings a native body carries. */
  readRequestSettings(body: Record<string, unknown>): RequestSettings;
  /** An error event in the protocol's own stream format (wire-formats §1a, §5, §6). */
  streamErrorEvent(code: string, message: string): string;
  /** The models a list endpoint's JSON names (chat models only, where the list says). */
  parseModelList(payload: unknown): ListedModel[];
}
