import { createHash, randomBytes } from 'node:crypto';
import { log, type LogSettings } from '../logger';
import type { StateSettings } from '../server-config';
import {
  admitScript,
  failureScript,
  releaseScript,
  renewScript,
  type StoreScript,
} from './scripts';
import type { StoreConnection } from './store-connection';

/** What `/api/health` says about the store. */
export type StoreHealth =
  { kind: 'memory'; state: 'ok' } | { kind: 'redis' | 'upstash'; state: 'ok' | 'degraded' };

/** A stream slot held in the store until it is given back or its lease runs out. */
export interface Lease {
  id: string;
  clientKey: string;
}

export type Admission =
  | { outcome: 'admitted'; lease?: Lease }
  | { outcome: 'locked'; waitMs: number }
  | { outcome: 'busy' };

export interface AdmissionNeeds {
  /** Refuse an address with this many wrong codes in its window. */
  lockoutLimit?: number;
  /** Take a stream slot within these caps. */
  slots?: { total: number; perClient: number };
}

/** After a failed call the store is left alone this long: a slow store must not slow requests. */
const pauseAfterFailureMs = 1_000;
/** While the store stays away, the warning is repeated this often, not per request. */
const warningIntervalMs = 60_000;
/** `/api/health` asks the store itself when nothing else has for this long. */
const healthProbeAfterMs = 2_000;
const renewBatch = 500;

class StoreTimeout extends Error {
  readonly code = 'timeout';
}

/**
 * The state instances share, in a Redis-speaking store: admission (lockout check and stream
 * lease in one round trip), wrong-code counts, lease renewal, cached text. Every call is
 * bounded by `timeoutMs`; a call that fails answers `undefined`, marks the store degraded (logged
 * once a minute) and leaves it alone for a second, so the instance's own limits decide meanwhile.
 * Nothing here throws.
 */
export class SharedState {
  private readonly instance = randomBytes(6).toString('hex');
  private leaseCount = 0;
  /** This instance's live leases: id → client-slots key, renewed together. */
  private readonly leases = new Map<string, string>();
  private renewTimer: ReturnType<typeof setInterval> | undefined;
  private readonly pending = new Set<Promise<unknown>>();
  private pausedUntil = 0;
  private degradedSince: number | undefined;
  private lastWarning = 0;
  private lastSuccess = 0;

  constructor(
    private readonly connection: StoreConnection,
    private readonly settings: StateSettings,
    private readonly logSettings: LogSettings,
  ) {}

  get kind(): StoreConnection['kind'] {
    return this.connection.kind;
  }

  /** The store's name for something of this address's: a digest, so no address is stored. */
  addressKey(kind: string, address: string): string {
    const digest = createHash('sha256').update(address).digest('base64url').slice(0, 22);
    return `${this.settings.prefix}${kind}:${digest}`;
  }

  key(...parts: string[]): string {
    return this.settings.prefix + parts.join(':');
  }

  /** One round trip: the lockout check, then a slot. `undefined` when the store did not answer. */
  async admit(address: string, needs: AdmissionNeeds): Promise<Admission | undefined> {
    const id = `${this.instance}.${(this.leaseCount += 1).toString(36)}`;
    const clientKey = this.addressKey('slots', address);
    const reply = await this.call((connection) =>
      runScript(
        connection,
        admitScript,
        [this.addressKey('failures', address), this.key('slots', 'all'), clientKey],
        [
          needs.lockoutLimit === undefined ? '0' : '1',
          String(needs.lockoutLimit ?? 0),
          needs.slots ? '1' : '0',
          String(needs.slots?.total ?? 0),
          String(needs.slots?.perClient ?? 0),
          String(this.settings.leaseMs),
          id,
        ],
      ),
    );
    if (!Array.isArray(reply)) return undefined;
    const [outcome, wait] = reply.map(Number);
    if (outcome === 1) return { outcome: 'locked', waitMs: wait ?? 0 };
    if (outcome === 2) return { outcome: 'busy' };
    if (!needs.slots) return { outcome: 'admitted' };
    this.leases.set(id, clientKey);
    this.scheduleRenewal();
    return { outcome: 'admitted', lease: { id, clientKey } };
  }

  /** Counts a wrong code; `settled()` waits for it, so the answer leaves after the count. */
  recordFailure(address: string, windowMs: number): void {
    this.track(
      this.call((connection) =>
        runScript(
          connection,
          failureScript,
          [this.addressKey('failures', address)],
          [String(windowMs)],
        ),
      ),
    );
  }

  release(lease: Lease): void {
    this.leases.delete(lease.id);
    this.track(
      this.call((connection) =>
        runScript(
          connection,
          releaseScript,
          [this.key('slots', 'all'), lease.clientKey],
          [lease.id],
        ),
      ),
    );
  }

  /**
   * Runs a script for a caller that needs the store's answer (sync), within its own time limit:
   * `undefined` when the store did not give one.
   */
  async run(
    script: StoreScript,
    keys: string[],
    args: string[],
    timeoutMs = this.settings.timeoutMs,
  ): Promise<unknown> {
    return this.call((connection) => runScript(connection, script, keys, args), timeoutMs);
  }

  /** Counts one event in a window that starts with the first; `undefined` without an answer. */
  async countInWindow(key: string, windowMs: number): Promise<number | undefined> {
    const count = await this.run(failureScript, [key], [String(windowMs)]);
    return typeof count === 'number' ? count : undefined;
  }

  /** Resolves once every write started so far has been answered (or given up). */
  async settled(): Promise<void> {
    if (this.pending.size > 0) await Promise.all(this.pending);
  }

  async readText(key: string): Promise<string | undefined> {
    return (await this.call((connection) => connection.get(key))) ?? undefined;
  }

  writeText(key: string, value: string, ttlMs: number): void {
    this.track(this.call((connection) => connection.set(key, value, ttlMs)));
  }

  async health(): Promise<StoreHealth> {
    if (Date.now() >= this.pausedUntil && Date.now() - this.lastSuccess > healthProbeAfterMs) {
      await this.call((connection) => connection.ping());
    }
    return { kind: this.kind, state: this.degradedSince === undefined ? 'ok' : 'degraded' };
  }

  async close(): Promise<void> {
    if (this.renewTimer) clearInterval(this.renewTimer);
    this.renewTimer = undefined;
    await this.settled();
    await this.connection.close();
  }

  /** For the connection's own reconnect errors: logged like a failed call. */
  readonly troubled = (error: unknown): void => {
    this.failed(error);
  };

  private async call<Result>(
    step: (connection: StoreConnection) => Promise<Result>,
    timeoutMs = this.settings.timeoutMs,
  ): Promise<Result | undefined> {
    if (Date.now() < this.pausedUntil) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const result = await Promise.race([
        step(this.connection),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new StoreTimeout()), timeoutMs);
        }),
      ]);
      this.succeeded();
      return result;
    } catch (error) {
      this.failed(error);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  private track(write: Promise<unknown>): void {
    this.pending.add(write);
    void write.finally(() => this.pending.delete(write));
  }

  private scheduleRenewal(): void {
    if (this.renewTimer) return;
    this.renewTimer = setInterval(() => this.renew(), Math.max(50, this.settings.leaseMs / 3));
    this.renewTimer.unref();
  }

  private renew(): void {
    if (this.leases.size === 0) {
      clearInterval(this.renewTimer);
      this.renewTimer = undefined;
      return;
    }
    const entries = [...this.leases];
    for (let start = 0; start < entries.length; start += renewBatch) {
      const batch = entries.slice(start, start + renewBatch);
      this.track(
        this.call((connection) =>
          runScript(
            connection,
            renewScript,
            [this.key('slots', 'all'), ...batch.map(([, clientKey]) => clientKey)],
            [String(this.settings.leaseMs), ...batch.map(([id]) => id)],
          ),
        ),
      );
    }
  }

  private succeeded(): void {
    this.lastSuccess = Date.now();
    if (this.degradedSince === undefined) return;
    log(this.logSettings, 'info', 'state_store_recovered', {
      store: this.kind,
      degraded_s: Math.round((Date.now() - this.degradedSince) / 1000),
    });
    this.degradedSince = undefined;
  }

  private failed(error: unknown): void {
    const now = Date.now();
    this.pausedUntil = now + pauseAfterFailureMs;
    this.degradedSince ??= now;
    if (now - this.lastWarning < warningIntervalMs) return;
    this.lastWarning = now;
    log(this.logSettings, 'warn', 'state_store_degraded', {
      store: this.kind,
      reason: describeFailure(error),
      meanwhile: 'each instance enforces its own limits; the store is retried every second',
    });
  }
}

/** Runs a script by its digest, sending the source only when the store does not know it yet. */
async function runScript(
  connection: StoreConnection,
  script: StoreScript,
  keys: string[],
  args: string[],
): Promise<unknown> {
  try {
    return await connection.evalsha(script.sha, keys, args);
  } catch (error) {
    if (!String((error as Error | undefined)?.message).includes('NOSCRIPT')) throw error;
    return connection.eval(script.source, keys, args);
  }
}

/** A failure's kind, never its message: a message may carry a URL with a password. */
function describeFailure(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { code, name } = error as { code?: unknown; name?: unknown };
    if (typeof code === 'string' && /^[\w.-]{1,40}$/.test(code)) return code;
    if (typeof name === 'string' && /^[\w.-]{1,40}$/.test(name)) return name;
  }
  return 'unknown';
}
