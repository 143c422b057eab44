/** An upstream's error text: enough to show and mask, never a whole hostile body. */
export const errorBodyLimitBytes = 256 * 1024;

/** A body to read chunk by chunk (a web stream's reader). */
export interface ChunkSource {
  /** The next chunk, or undefined at the end. */
  next(): Promise<Uint8Array | undefined>;
  /** Stops the body; the rest is never read. */
  cancel(): Promise<void>;
}

export interface BoundedBytes {
  bytes: Uint8Array;
  /** The body went on past the limit; the rest was never read (the stream was cancelled). */
  truncated: boolean;
  /** The body broke off midway; `bytes` is what arrived. */
  broken: boolean;
}

export interface BoundedText {
  text: string;
  truncated: boolean;
}

export function webChunks(stream: ReadableStream<Uint8Array>): ChunkSource {
  const reader = stream.getReader();
  return {
    next: async () => {
      const { done, value } = await reader.read();
      return done ? undefined : value;
    },
    cancel: () => reader.cancel().catch(() => undefined),
  };
}

/**
 * Reads at most `maxBytes` of a body, then cancels the rest, so a body of any size costs at most
 * the limit in memory. A body that breaks off midway gives what arrived.
 */
export async function readBounded(source: ChunkSource, maxBytes: number): Promise<BoundedBytes> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  let broken = false;
  try {
    for (let value = await source.next(); value; value = await source.next()) {
      const room = maxBytes - size;
      if (value.byteLength > room) {
        chunks.push(value.subarray(0, room));
        size += room;
        truncated = true;
        break;
      }
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    broken = true;
  }
  if (truncated) await source.cancel();
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, truncated, broken };
}

/** At most `maxBytes` of a response body as text (a character cut at the limit becomes U+FFFD). */
export async function readBoundedText(response: Response, maxBytes: number): Promise<BoundedText> {
  if (!response.body) return { text: '', truncated: false };
  const { bytes, truncated } = await readBounded(webChunks(response.body), maxBytes);
  return { text: new TextDecoder().decode(bytes), truncated };
}
