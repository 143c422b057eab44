/** Helpers shared by the mock upstream's test files (not a test file itself). */

export interface SseEvent {
  /** The `event:` line, if any. */
  event?: string;
  /** The `data:` lines joined by "\n". */
  data: string;
}

export const ANSWER = 'Hello from the mock upstream. You said: hi there. ✓';
export const REASONING = 'The user said "hi there". I should answer briefly.';

/** Splits an SSE body into events; accepts LF and CRLF framing; skips comments. */
export function parseSseEvents(text: string): SseEvent[] {
  return text
    .split(/\r?\n\r?\n/)
    .filter((block) => block.trim() !== '')
    .flatMap((block) => {
      const lines = block.split(/\r?\n/).filter((line) => !line.startsWith(':'));
      if (lines.length === 0) return [];
      const event = lines.find((line) => line.startsWith('event: '))?.slice(7);
      const data = lines
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      return [event === undefined ? { data } : { event, data }];
    });
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}
