import { describe, expect, it } from 'vitest';
import { encode, splitAt, streamOfChunks } from '@/lib/testing/byte-stream';
import { parseEventStream, type ServerSentEvent } from './parse-event-stream';

async function collect(chunks: Uint8Array[], comments: string[] = []): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  for await (const event of parseEventStream(streamOfChunks(chunks), {
    onComment: (comment) => comments.push(comment),
  })) {
    events.push(event);
  }
  return events;
}

const sample =
  ': OPENROUTER PROCESSING\n\n' +
  'data: {"text":"Grüße ✓ 你好"}\n\n' +
  'event: error\ndata: {"error":"x"}\n\n' +
  'data: line one\ndata: line two\n\n' +
  'data: [DONE]\n\n';

const expected = [
  { data: '{"text":"Grüße ✓ 你好"}' },
  { event: 'error', data: '{"error":"x"}' },
  { data: 'line one\nline two' },
  { data: '[DONE]' },
];

function normalise(events: ServerSentEvent[]) {
  return events.map(({ event, data }) => (event ? { event, data } : { data }));
}

describe('parseEventStream', () => {
  it('parses events, multi-line data and named events; comments go aside', async () => {
    const comments: string[] = [];
    expect(normalise(await collect([encode(sample)], comments))).toEqual(expected);
    expect(comments).toEqual(['OPENROUTER PROCESSING']);
  });

  it('gives the same events when the bytes are split at any single position', async () => {
    const bytes = encode(sample);
    for (let offset = 1; offset < bytes.length; offset++) {
      expect(normalise(await collect(splitAt(bytes, [offset])))).toEqual(expected);
    }
  });

  it('survives one byte per network chunk, splitting multi-byte characters', async () => {
    const bytes = encode(sample);
    const offsets = Array.from({ length: bytes.length - 1 }, (_, index) => index + 1);
    expect(normalise(await collect(splitAt(bytes, offsets)))).toEqual(expected);
  });

  it.each([
    ['CRLF line endings', sample.replaceAll('\n', '\r\n')],
    ['a final event closed by one newline', sample.replace(/\n\n$/, '\n')],
    ['a final event with no newline at all', sample.replace(/\n\n$/, '')],
    ['a final event ending in CRLF', sample.replaceAll('\n', '\r\n').replace(/\r\n\r\n$/, '\r\n')],
  ])('handles %s', async (_name, text) => {
    expect(normalise(await collect([encode(text)]))).toEqual(expected);
  });

  it('handles CRLF split between the CR and the LF', async () => {
    const text = sample.replaceAll('\n', '\r\n');
    const bytes = encode(text);
    const offsets = [...text.matchAll(/\r/g)].map(
      (match) => encode(text.slice(0, match.index + 1)).length,
    );
    expect(normalise(await collect(splitAt(bytes, offsets)))).toEqual(expected);
  });

  it('cancels the body when the consumer stops early', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(encode('data: tick\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const event of parseEventStream(body)) {
      expect(event.data).toBe('tick');
      break;
    }
    expect(cancelled).toBe(true);
  });
});
