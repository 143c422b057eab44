/** An upstream's error text: enough to show and mask, never a whole hostile body. */
export const errorBodyLimitBytes = 256 * 1024;

export interface BoundedText {
  text: string;
  /** The body went on past the limit; the rest was never read (the stream was cancelled). */
  truncated: boolean;
}

/**
 * Reads at most `maxBytes` of a response body as text, then cancels the rest, so a body of any
 * size costs at most the limit in memory. A body that breaks off midway gives what arrived.
 */
export async function readBoundedText(response: Response, maxBytes: number): Promise<BoundedText> {
  const reader = response.body?.getReader();
  if (!reader) return { text: '', truncated: false };
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
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
    // A connection that broke mid-body: what arrived is still worth showing.
  }
  if (truncated) await reader.cancel().catch(() => undefined);
  const joined = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  // A character cut at the limit becomes U+FFFD rather than an exception.
  return { text: new TextDecoder().decode(joined), truncated };
}
