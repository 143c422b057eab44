import { ParleyError, isRecord } from '@/lib/errors/parley-error';

/**
 * Reads the request body once, stopping at `maxBytes` (checked on Content-Length first, then
 * while reading, so an oversized body never reaches the upstream), and parses it as a JSON object.
 */
export async function readJsonBody(
  request: Request,
  maxBytes: number,
): Promise<Record<string, unknown>> {
  const tooLarge = () =>
    new ParleyError('request:too_large', `The request body is larger than ${maxBytes} bytes.`);
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read().catch(() => {
        // A body that cannot be read (a broken compressed stream, a client that vanished).
        throw new ParleyError(
          'request:invalid_json',
          'The request body could not be read (is its Content-Encoding right?).',
        );
      });
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks, size).toString('utf8'));
  } catch {
    throw new ParleyError('request:invalid_json', 'The request body is not valid JSON.');
  }
  if (!isRecord(parsed)) {
    throw new ParleyError('request:invalid_json', 'The request body must be a JSON object.');
  }
  return parsed;
}
