import { createParser, type EventSourceMessage } from 'eventsource-parser';

export type ServerSentEvent = EventSourceMessage;

export interface ParseEventStreamOptions {
  /** SSE comments (`: OPENROUTER PROCESSING`, `: keep-alive`) are liveness signals, never data. */
  onComment?: (comment: string) => void;
}

/**
 * The only SSE parser in Parley: bytes → text (one streaming decoder, so a character split
 * across network chunks survives) → eventsource-parser → events. The final event is emitted
 * even when the stream ends without the blank line that should close it.
 */
export async function* parseEventStream(
  body: ReadableStream<Uint8Array>,
  options: ParseEventStreamOptions = {},
): AsyncGenerator<ServerSentEvent> {
  const pending: ServerSentEvent[] = [];
  const parser = createParser({
    onEvent: (event) => pending.push(event),
    onComment: options.onComment,
  });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
      yield* pending.splice(0);
    }
    // eventsource-parser holds back an event that no blank line has closed yet.
    parser.feed(decoder.decode());
    parser.feed('\n\n');
    yield* pending.splice(0);
    finished = true;
  } finally {
    // A consumer that stops early (the user pressed stop) must not leave the connection open.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
