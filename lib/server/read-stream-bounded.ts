import type { Readable } from 'node:stream';
import type { BoundedBytes } from '@/lib/http/read-bounded';

/**
 * `readBounded` for a Node stream (the Node transport's request and upstream bodies), with data
 * events and one promise rather than an async iterator: at most `maxBytes` is kept, then the
 * stream is paused and the rest never read (a client's request is left for the server to drain
 * after the answer; the caller destroys an upstream body). A stream that breaks off gives what
 * arrived.
 */
export function readStreamBounded(stream: Readable, maxBytes: number): Promise<BoundedBytes> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (truncated: boolean, broken: boolean) => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onBroken);
      stream.off('close', onBroken);
      resolve({ bytes: Buffer.concat(chunks, size), truncated, broken });
    };
    const onData = (chunk: Buffer) => {
      const room = maxBytes - size;
      if (chunk.byteLength > room) {
        chunks.push(chunk.subarray(0, room));
        size += room;
        stream.pause();
        done(true, false);
        return;
      }
      chunks.push(chunk);
      size += chunk.byteLength;
    };
    const onEnd = () => done(false, false);
    // An error, or a close before the end: the body broke off.
    const onBroken = () => done(false, true);
    if (stream.readableEnded) {
      done(false, false);
      return;
    }
    if (stream.destroyed) {
      done(false, true);
      return;
    }
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onBroken);
    stream.once('close', onBroken);
  });
}
