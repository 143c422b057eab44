import type { StreamPart, TokenUsage } from './types';

/** How a decoder's stream stood when the body ended. */
export interface StreamEndState {
  usage?: TokenUsage;
  /** An error part was already emitted: nothing more is owed. */
  failed: boolean;
  /** The protocol's terminal signal arrived (`[DONE]`, `message_stop`, a Gemini finishReason). */
  completed: boolean;
  finishReason: string;
}

/**
 * What every adapter owes at the end of a body: the usage once, then either the finish reason or,
 * when the terminal signal never came, an error that says the answer was cut off.
 */
export function endOfStream(state: StreamEndState): StreamPart[] {
  const parts: StreamPart[] = state.usage ? [{ type: 'usage', usage: state.usage }] : [];
  if (state.failed) return parts;
  if (state.completed) return [...parts, { type: 'finish', reason: state.finishReason }];
  return [
    ...parts,
    {
      type: 'error',
      error: {
        message: 'The stream ended before the provider finished.',
        code: 'stream:interrupted',
      },
    },
  ];
}

/** Parses one event's data; data that is not JSON ends the stream with a `stream:malformed` error. */
export function parseEventData(data: string): { value: unknown } | { error: StreamPart } {
  try {
    return { value: JSON.parse(data) };
  } catch {
    return {
      error: {
        type: 'error',
        error: { message: 'The provider sent data that is not JSON.', code: 'stream:malformed' },
      },
    };
  }
}
