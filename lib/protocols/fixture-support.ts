import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parseEventStream } from '@/lib/sse/parse-event-stream';
import { splitAt, streamOfChunks } from '@/lib/testing/byte-stream';
import type { ProtocolAdapter, StreamPart } from './types';

/** Test support for the adapter suites: recorded-style streams in, parts out. */

export function fixture(name: string): Uint8Array {
  return readFileSync(new URL(`./__fixtures__/${name}.sse`, import.meta.url));
}

export async function decodeWith(
  adapter: ProtocolAdapter,
  chunks: Uint8Array[],
): Promise<StreamPart[]> {
  const decoder = adapter.createStreamDecoder();
  const parts: StreamPart[] = [];
  for await (const event of parseEventStream(streamOfChunks(chunks)))
    parts.push(...decoder.decode(event));
  parts.push(...decoder.end());
  return parts;
}

export function joinedText(parts: StreamPart[], type: 'text-delta' | 'reasoning-delta'): string {
  return parts.flatMap((part) => (part.type === type ? [part.text] : [])).join('');
}

/** Cut points near both ends, in the middle, and inside the first multi-byte characters. */
function cutOffsets(bytes: Uint8Array): number[] {
  const insideCharacters = [...bytes.keys()]
    .filter((offset) => ((bytes[offset] ?? 0) & 0xc0) === 0x80)
    .slice(0, 4);
  return [
    1,
    7,
    64,
    200,
    Math.floor(bytes.length / 2),
    bytes.length - 3,
    ...insideCharacters,
  ].filter((offset) => offset > 0 && offset < bytes.length);
}

/**
 * Decodes a fixture whole, snapshots the parts, and checks that cutting the bytes anywhere (one
 * cut at a time, then all cuts together) yields exactly the same parts.
 */
export async function expectSplitInvariant(adapter: ProtocolAdapter, name: string): Promise<void> {
  const bytes = fixture(name);
  const whole = await decodeWith(adapter, [bytes]);
  expect(whole).toMatchSnapshot();
  const offsets = cutOffsets(bytes);
  for (const offset of offsets)
    expect(await decodeWith(adapter, splitAt(bytes, [offset]))).toEqual(whole);
  const all = [...new Set(offsets)].sort((a, b) => a - b);
  expect(await decodeWith(adapter, splitAt(bytes, all))).toEqual(whole);
}
