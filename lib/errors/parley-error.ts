import { errorBodyLimitBytes, readBoundedText } from '@/lib/http/read-bounded';
import { codeForUpstreamStatus, errorStatuses, isErrorCode, type ErrorCode } from './error-codes';

export interface ParleyErrorOptions {
  /** Text from the upstream (already free of secrets), shown under the localised message. */
  detail?: string;
  /** Overrides the code's default status, e.g. to pass an upstream status through. */
  status?: number;
  retryAfterSeconds?: number;
}

/**
 * The one error type shared by the server and the browser. The server turns it into a JSON
 * response `{ error: { code, message } }`; the browser rebuilds it from that body.
 */
export class ParleyError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail?: string;
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message: string, options: ParleyErrorOptions = {}) {
    super(message);
    this.name = 'ParleyError';
    this.code = code;
    this.status = options.status ?? errorStatuses[code];
    this.detail = options.detail;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get isRetryable(): boolean {
    return this.status === 408 || this.status === 409 || this.status === 429 || this.status >= 500;
  }

  toJSON(): { code: ErrorCode; message: string; detail?: string } {
    return this.detail
      ? { code: this.code, message: this.message, detail: this.detail }
      : { code: this.code, message: this.message };
  }

  /** The headers of this error's JSON answer, for any transport. */
  wireHeaders(): Record<string, string> {
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    };
    if (this.retryAfterSeconds !== undefined) {
      headers['retry-after'] = String(this.retryAfterSeconds);
    }
    return headers;
  }

  /** The body of this error's JSON answer: `{ error: { code, message, detail? } }`. */
  wireBody(): string {
    return JSON.stringify({ error: this.toJSON() });
  }

  toResponse(headers: HeadersInit = {}): Response {
    const responseHeaders = new Headers(headers);
    for (const [name, value] of Object.entries(this.wireHeaders()))
      responseHeaders.set(name, value);
    return new Response(this.wireBody(), { status: this.status, headers: responseHeaders });
  }

  /**
   * Rebuilds the error from a failed response: Parley's own body keeps its code; any other body
   * (an upstream's, passed through) gets a code from the status and its message as detail.
   */
  static async fromResponse(response: Response): Promise<ParleyError> {
    const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
    // Bounded: an error body is read only as far as it is worth showing.
    const { text } = await readBoundedText(response, errorBodyLimitBytes);
    const body = parseJson(text);
    const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
    const message =
      typeof error?.message === 'string' ? truncateText(error.message, 1000) : undefined;
    if (isErrorCode(error?.code)) {
      return new ParleyError(error.code, message ?? error.code, {
        status: response.status,
        retryAfterSeconds,
        detail: typeof error.detail === 'string' ? truncateText(error.detail, 1000) : undefined,
      });
    }
    const detail = message ?? (text && !looksLikeHtml(text) ? text.slice(0, 500) : undefined);
    return new ParleyError(codeForUpstreamStatus(response.status), `HTTP ${response.status}`, {
      status: response.status,
      detail,
      retryAfterSeconds,
    });
  }
}

/** At most `max` characters, marked with an ellipsis where cut. */
export function truncateText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function looksLikeHtml(text: string): boolean {
  return /^\s*</.test(text);
}
