import { ParleyError, isRecord } from '@/lib/errors/parley-error';
import { readBounded, webChunks, type BoundedBytes } from '@/lib/http/read-bounded';
import type { HeaderSource } from './header-source';

/** A web request's body as a JSON object (the route handler). */
export function readJsonBody(request: Request, maxBytes: number): Promise<Record<string, unknown>> {
  const { body } = request;
  return readJsonObject(
    request.headers,
    body ? (limit) => readBounded(webChunks(body), limit) : undefined,
    maxBytes,
  );
}

/**
 * Reads a request body once, stopping at `maxBytes` (checked on Content-Length first, then while
 * reading, so an oversized body never reaches the upstream), and parses it as a JSON object.
 */
export async function readJsonObject(
  headers: HeaderSource,
  /** Reads the body, keeping at most the given number of bytes; none for a request without one. */
  read: ((maxBytes: number) => Promise<BoundedBytes>) | undefined,
  maxBytes: number,
): Promise<Record<string, unknown>> {
  const tooLarge = () =>
    new ParleyError('request:too_large', `The request body is larger than ${maxBytes} bytes.`);
  const declared = Number(headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();

  const { bytes, truncated, broken } = read
    ? await read(maxBytes + 1)
    : { bytes: new Uint8Array(), truncated: false, broken: false };
  if (truncated || bytes.byteLength > maxBytes) throw tooLarge();
  if (broken) {
    // A body that cannot be read (a broken compressed stream, a client that vanished).
    throw new ParleyError(
      'request:invalid_json',
      'The request body could not be read (is its Content-Encoding right?).',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'),
    );
  } catch {
    throw new ParleyError('request:invalid_json', 'The request body is not valid JSON.');
  }
  if (!isRecord(parsed)) {
    throw new ParleyError('request:invalid_json', 'The request body must be a JSON object.');
  }
  return parsed;
}
