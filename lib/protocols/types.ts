import type { ServerSentEvent } from '@/lib/sse/parse-event-stream';

/** One conversation turn as Parley stores it, independent of any provider's format. */
export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

/** What the chat asks for; each protocol adapter turns it into its provider's native body. */
export interface ChatRequest {
  model: string;
  system?: string;
  turns: ChatTurn[];
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

export interface ProtocolAdapter {
  /** Upstream path (relative to the provider base) and body for a streaming chat request. */
  buildChatRequest(request: ChatRequest): { path: string; body: Record<string, unknown> };
  createStreamDecoder(): StreamDecoder;
}
