import { ParleyError } from '@/lib/errors/parley-error';
import type { UpstreamOutcome } from './upstream-call';
import { log, type LogFields, type LogSettings } from './logger';

/**
 * One gateway request's log line, written once when its outcome is whole: when the upstream body
 * has ended (a stream is logged when it finishes, with its bytes), or at once for a request the
 * gateway refused or could not deliver. Facts only: no key, code, header value or content.
 */
export class RequestLog {
  private readonly startedAt = performance.now();
  private readonly fields: LogFields;
  private status?: number;
  private outcome?: UpstreamOutcome;
  private written = false;

  constructor(
    private readonly settings: () => LogSettings | undefined,
    method: string,
    provider: string,
  ) {
    this.fields = { method, provider };
  }

  set(fields: LogFields): void {
    Object.assign(this.fields, fields);
  }

  /** The model as the request named it: bounded, and only when it is a plain string. */
  setModel(model: unknown): void {
    if (typeof model === 'string') this.fields.model = model.slice(0, 200);
  }

  /** The upstream answered with this status; the line waits for its body to end. */
  responded(status: number): void {
    this.status = status;
    if (this.outcome) this.write();
  }

  /** The upstream call is over (body ended, cut or never started). */
  settled(outcome: UpstreamOutcome): void {
    this.outcome = outcome;
    if (this.status !== undefined) this.write();
  }

  /** The gateway answered with an error of its own. */
  failed(status: number, error: unknown): void {
    this.status = status;
    if (error instanceof ParleyError) {
      this.fields.error = error.code;
      if (error.code === 'upstream:unreachable') this.fields.failure = error.detail ?? 'network';
    }
    this.write();
  }

  private write(): void {
    const settings = this.settings();
    if (this.written || !settings) return;
    this.written = true;
    const { outcome } = this;
    const fields: LogFields = {
      ...this.fields,
      status: this.status,
      first_byte_ms:
        outcome?.firstByteMs === undefined ? undefined : Math.round(outcome.firstByteMs),
      duration_ms: Math.round(performance.now() - this.startedAt),
      bytes: outcome?.bytes,
      retries: outcome?.retries || undefined,
    };
    fields.failure ??= outcome?.failure;
    log(settings, 'info', 'gateway', fields);
    const status = this.status ?? 0;
    const failure = fields.failure;
    if ((failure && failure !== 'client_abort') || (status >= 500 && !fields.error)) {
      log(settings, 'warn', 'upstream_failed', {
        provider: fields.provider,
        model: fields.model,
        status: failure ? undefined : status,
        reason: failure,
        retries: fields.retries,
      });
    }
  }
}
