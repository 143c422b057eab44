import { describe, expect, it } from 'vitest';
import { ParleyError, parseRetryAfter } from './parley-error';

describe('ParleyError', () => {
  it('round-trips through a response with its code, status and Retry-After', async () => {
    const original = new ParleyError('upstream:rate_limited', 'Slow down', {
      retryAfterSeconds: 12,
    });
    const response = original.toResponse();
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('12');
    const rebuilt = await ParleyError.fromResponse(response);
    expect(rebuilt).toMatchObject({
      code: 'upstream:rate_limited',
      status: 429,
      retryAfterSeconds: 12,
    });
    expect(rebuilt.isRetryable).toBe(true);
  });

  it.each([
    [
      401,
      '{"error":{"message":"Incorrect API key provided.","code":"invalid_api_key"}}',
      'upstream:unauthorized',
      'Incorrect API key provided.',
    ],
    [
      402,
      '{"error":{"code":402,"message":"Insufficient credits."}}',
      'upstream:payment_required',
      'Insufficient credits.',
    ],
    [
      400,
      '{"error":{"code":400,"message":"API key not valid.","status":"INVALID_ARGUMENT"}}',
      'upstream:bad_request',
      'API key not valid.',
    ],
    [503, 'upstream connect error', 'upstream:unavailable', 'upstream connect error'],
    [502, '<html><body>Bad gateway</body></html>', 'upstream:unavailable', undefined],
  ])(
    'maps an upstream %i body to a code and keeps its words as detail',
    async (status, body, code, detail) => {
      const error = await ParleyError.fromResponse(new Response(body, { status }));
      expect(error.code).toBe(code);
      expect(error.status).toBe(status);
      expect(error.detail).toBe(detail);
    },
  );

  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('7')).toBe(7);
    expect(parseRetryAfter('1.2')).toBe(2);
    expect(parseRetryAfter(new Date(Date.now() + 30_000).toUTCString())).toBeGreaterThanOrEqual(29);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
