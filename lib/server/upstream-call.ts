import { ParleyError, parseRetryAfter } from '@/lib/errors/parley-error';
import type { ServerConfig } from './server-config';

/** What the call cost, for the request log: never a header or a byte of content. */
export interface UpstreamOutcome {
  /** Attempts after the first. */
  retries: number;
  /** Body bytes passed to the client. */
  bytes: number;
  /** From the first attempt until the upstream's response headers. */
  firstByteMs?: number;
  /** How it ended when it did not end well: `timeout`, `client_abort`, or a network code. */
  failure?: string;
}

/** One attempt's answer, as the retry rules need to see it, whichever transport made it. */
export interface AttemptAnswer {
  status: number;
  retryAfter: string | null;
  /** At most `maxBytes` of the body as text, without losing it for the client. */
  probe(maxBytes: number): Promise<string>;
  /** Throws the body away (the attempt is retried). */
  discard(): Promise<void>;
}

const defaultMaxRetries = 2;
/** The longest the gateway waits in all between attempts, Retry-After included. */
const retryWaitBudgetMs = 12_000;
const backoffMs = (attempt: number) => 250 * 2 ** attempt;
const quotaProbeBytes = 16 * 1024;
/** 429s that waiting does not fix: a spent quota, credit or spend limit (Anthropic's included). */
const notFixedByWaiting =
  /insufficient_quota|quota_exceeded|billing|credit|spend_limit|enforced_spend_limit_reached/i;

/**
 * One upstream call's budgets and bookkeeping, shared by both transports: the first-byte, idle
 * and total budgets watched by one timer (set for the earliest moment any budget could run out;
 * when it fires it checks and re-arms for the rest), so neither the answer nor a chunk touches a
 * timer (a chunk only stamps the time); the client leaving; and a single `settle`.
 */
export class UpstreamCall {
  readonly outcome: UpstreamOutcome = { retries: 0, bytes: 0 };
  timedOut = false;
  /** The call was stopped (a budget ran out or the client left); no new attempt starts. */
  aborted = false;
  private abortController?: AbortController;
  private abortHooks?: Array<() => void>;
  private readonly startedAt = performance.now();
  private timer?: ReturnType<typeof setTimeout>;
  private lastChunkAt = 0;
  private settled = false;

  constructor(
    private readonly timeouts: ServerConfig['timeouts'],
    private readonly onSettled?: (outcome: UpstreamOutcome) => void,
  ) {
    const { firstByteMs, idleMs, totalMs } = timeouts;
    this.timer = setTimeout(checkBudgets, Math.min(firstByteMs, idleMs, totalMs), this);
  }

  /** For `fetch`: an AbortSignal, made only when a transport asks for one. */
  get signal(): AbortSignal {
    this.abortController ??= new AbortController();
    if (this.aborted) this.abortController.abort();
    return this.abortController.signal;
  }

  /**
   * Runs `hook` when the call is stopped (at once if it already was); returns its removal. The
   * Node transport destroys its request here, without an AbortSignal per call.
   */
  onAbort(hook: () => void): () => void {
    if (this.aborted) {
      hook();
      return () => undefined;
    }
    const hooks = (this.abortHooks ??= []);
    hooks.push(hook);
    return () => {
      const index = hooks.indexOf(hook);
      if (index >= 0) hooks.splice(index, 1);
    };
  }

  /** Stops the upstream call: its request, a pending retry pause, and its body. */
  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.abortController?.abort();
    const hooks = this.abortHooks ?? [];
    this.abortHooks = undefined;
    for (const hook of hooks) hook();
  }

  /** A budget ran out: the call stops. */
  expire(): void {
    this.timedOut = true;
    this.abort();
  }

  /** The timer fired: a budget ran out, or the timer waits for the earliest one left. */
  checkBudgets(): void {
    this.timer = undefined;
    if (this.settled) return;
    const { firstByteMs, idleMs, totalMs } = this.timeouts;
    const budgetEnd =
      this.outcome.firstByteMs === undefined
        ? this.startedAt + firstByteMs
        : this.lastChunkAt + idleMs;
    const deadline = Math.min(budgetEnd, this.startedAt + totalMs);
    const left = deadline - performance.now();
    if (left <= 0) this.expire();
    else this.timer = setTimeout(checkBudgets, left, this);
  }

  readonly clientLeft = (): void => {
    this.outcome.failure ??= 'client_abort';
    this.abort();
  };

  /** The upstream's headers arrived: the first-byte budget is met, the idle watch begins. */
  answered(): void {
    const now = performance.now();
    this.outcome.firstByteMs = now - this.startedAt;
    this.lastChunkAt = now;
  }

  /** A body chunk passed: no timer is touched. */
  chunk(byteLength: number): void {
    this.lastChunkAt = performance.now();
    this.outcome.bytes += byteLength;
  }

  /** The call is over, however it ended; the first call counts. */
  settle(): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    if (this.timedOut) this.outcome.failure = 'timeout';
    this.onSettled?.(this.outcome);
  }

  /** The typed error for a call that never got an answer; settles the call. */
  failed(error: unknown): ParleyError {
    // The network's reason (ENOTFOUND, ECONNREFUSED, a certificate error) tells the user what to fix.
    const reason = networkReason(error);
    this.outcome.failure ??= reason ?? 'network';
    const timedOut = this.timedOut;
    this.settle();
    if (error instanceof ParleyError) return error;
    if (timedOut)
      return new ParleyError('upstream:timeout', 'The provider did not answer in time.');
    return new ParleyError('upstream:unreachable', 'The provider could not be reached.', {
      detail: reason,
    });
  }

  /** Redirects are never followed: credentials must not travel to a second address. */
  static redirectError(): ParleyError {
    return new ParleyError(
      'upstream:redirect',
      'The provider answered with a redirect, which is not followed.',
    );
  }

  /**
   * Makes attempts until one is final. Before the first byte, connection errors, 408, 429 (not a
   * spent quota) and 5xx are retried (`MAX_RETRIES`, two when unsaid) within a wait budget.
   */
  async withRetries<A extends AttemptAnswer>(
    attempt: () => Promise<A>,
    maxRetries = defaultMaxRetries,
  ): Promise<A> {
    let waited = 0;
    for (let count = 0; ; count++) {
      this.outcome.retries = count;
      const last = count >= maxRetries;
      let answer: A;
      try {
        answer = await attempt();
      } catch (error) {
        // A refused address, a timeout or the client leaving is final; a dropped connection is not.
        if (last || this.aborted || isRefusedAddress(error)) throw error;
        waited += await this.pause(backoffMs(count), retryWaitBudgetMs - waited);
        continue;
      }
      // Most answers are final at a glance; only a 429 needs its body read to decide.
      if (last || !retryableStatus(answer.status) || !(await isRetryable(answer))) return answer;
      const delay = (parseRetryAfter(answer.retryAfter) ?? 0) * 1000 || backoffMs(count);
      if (waited + delay > retryWaitBudgetMs) return answer;
      await answer.discard();
      waited += await this.pause(delay, retryWaitBudgetMs - waited);
    }
  }

  /** Waits between attempts, at most the budget left; a stopped call stops waiting. */
  private pause(ms: number, budgetMs: number): Promise<number> {
    const wait = Math.max(0, Math.min(ms, budgetMs));
    return new Promise((resolve, reject) => {
      if (this.aborted) {
        reject(new Error('aborted'));
        return;
      }
      const stop = this.onAbort(() => {
        clearTimeout(timer);
        reject(new Error('aborted'));
      });
      const timer = setTimeout(() => {
        stop();
        resolve(wait);
      }, wait);
    });
  }
}

function retryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

async function isRetryable(answer: AttemptAnswer): Promise<boolean> {
  const { status } = answer;
  if (!retryableStatus(status)) return false;
  if (status !== 429) return true;
  // A spent quota or credit limit answers 429 too, and waiting does not refill it.
  return !notFixedByWaiting.test(await answer.probe(quotaProbeBytes));
}

function causeOf(error: unknown): { code?: unknown } | undefined {
  if (!(error instanceof Error)) return undefined;
  // fetch wraps the network error as `cause`; undici's own `request` throws it directly.
  return (error.cause as { code?: unknown } | undefined) ?? (error as { code?: unknown });
}

function networkReason(error: unknown): string | undefined {
  const code = causeOf(error)?.code;
  return typeof code === 'string' && /^[A-Z_]{3,40}$/.test(code) ? code : undefined;
}

function isRefusedAddress(error: unknown): boolean {
  return causeOf(error)?.code === 'EPRIVATEADDRESS';
}

function checkBudgets(call: UpstreamCall): void {
  call.checkBudgets();
}
