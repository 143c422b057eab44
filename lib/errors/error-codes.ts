/**
 * Every error Parley itself reports, with its HTTP status. The code doubles as the next-intl key
 * (`Errors.<code>`) for the message the UI shows, so adding a code means adding a message.
 */
export const errorStatuses = {
  'auth:code_required': 401,
  'auth:code_invalid': 401,
  'auth:key_missing': 401,
  'auth:user_key_required': 401,
  'auth:user_keys_disabled': 403,
  'auth:too_many_attempts': 429,
  'endpoint:refused': 400,
  'endpoint:code_required': 401,
  'config:invalid': 500,
  'provider:unknown': 404,
  'provider:not_configured': 503,
  'path:not_allowed': 404,
  'method:not_allowed': 405,
  'request:invalid_json': 400,
  'request:too_large': 413,
  'request:unsupported_media_type': 415,
  'request:cross_site': 403,
  'request:host_not_allowed': 421,
  'request:invalid_header': 400,
  'gateway:busy': 429,
  'model:missing': 400,
  'model:not_allowed': 403,
  'upstream:unreachable': 502,
  'upstream:timeout': 504,
  'upstream:redirect': 502,
  'upstream:bad_request': 400,
  'upstream:unauthorized': 401,
  'upstream:payment_required': 402,
  'upstream:forbidden': 403,
  'upstream:not_found': 404,
  'upstream:rate_limited': 429,
  'upstream:unavailable': 503,
  'upstream:error': 502,
  'stream:interrupted': 502,
  'stream:error': 502,
  'stream:malformed': 502,
  'stream:unexpected_response': 502,
  'sync:unavailable': 503,
  'sync:invalid': 400,
  'sync:quota_exceeded': 413,
  'sync:rate_limited': 429,
  'network:offline': 0,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof errorStatuses;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorStatuses, value);
}

/** Maps an upstream HTTP status to the code the UI explains; the upstream's own text is kept as detail. */
export function codeForUpstreamStatus(status: number): ErrorCode {
  if (status === 400 || status === 422) return 'upstream:bad_request';
  if (status === 401) return 'upstream:unauthorized';
  if (status === 402) return 'upstream:payment_required';
  if (status === 403) return 'upstream:forbidden';
  if (status === 404) return 'upstream:not_found';
  if (status === 408 || status === 504 || status === 524) return 'upstream:timeout';
  if (status === 429) return 'upstream:rate_limited';
  if (status >= 500) return 'upstream:unavailable';
  return 'upstream:error';
}
