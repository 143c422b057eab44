import type { GrammarName } from './highlight-languages';
import type { HighlightResult } from './highlighter';

/** Marks this worker's messages (workers may share a scope with another's listener). */
export const highlightChannel = 'parley-highlight';

export interface HighlightRequest {
  channel: typeof highlightChannel;
  id: number;
  code: string;
  grammar: GrammarName;
}

export interface HighlightResponse {
  channel: typeof highlightChannel;
  id: number;
  result: HighlightResult | null;
}

export function isHighlightMessage<T extends HighlightRequest | HighlightResponse>(
  message: unknown,
): message is T {
  return (
    typeof message === 'object' &&
    message !== null &&
    'channel' in message &&
    message.channel === highlightChannel
  );
}
