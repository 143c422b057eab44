import { processState } from './process-state';
import { ParleyError } from '@/lib/errors/parley-error';
import type { ServerConfig } from './server-config';
import { sharedStateFor } from './state/shared-state-for';

interface FailureWindow {
  count: number;
  startedAt: number;
}

/** Bounded, so a flood of addresses cannot grow it without limit; the oldest entries go first. */
const maximumTracked = 10_000;
const failures = processState('accessFailures', () => new Map<string, FailureWindow>());

/**
 * Seconds the address must wait, or undefined when it may try a code now, as this instance
 * counted. With a shared store the store's count is checked too, at admission (`admit`).
 */
export function accessRetryAfter(
  address: string,
  config: ServerConfig,
  now = Date.now(),
): number | undefined {
  const window = failures.get(address);
  if (!window) return undefined;
  const endsAt = window.startedAt + config.accessFailures.windowMs;
  if (now >= endsAt) {
    failures.delete(address);
    return undefined;
  }
  return window.count >= config.accessFailures.limit ? Math.ceil((endsAt - now) / 1000) : undefined;
}

/** Counts a wrong code here and, when there is one, in the shared store. */
export function recordAccessFailure(address: string, config: ServerConfig, now = Date.now()): void {
  sharedStateFor(config)?.recordFailure(address, config.accessFailures.windowMs);
  const window = failures.get(address);
  if (window && now < window.startedAt + config.accessFailures.windowMs) {
    window.count += 1;
    return;
  }
  if (failures.size >= maximumTracked) {
    const oldest = failures.keys().next().value;
    if (oldest !== undefined) failures.delete(oldest);
  }
  failures.set(address, { count: 1, startedAt: now });
}

export function refuseWhileLockedOut(address: string, config: ServerConfig): void {
  const wait = accessRetryAfter(address, config);
  if (wait !== undefined) throw lockedOut(wait);
}

export function lockedOut(waitSeconds: number): ParleyError {
  return new ParleyError(
    'auth:too_many_attempts',
    'Too many wrong access codes; wait before trying again.',
    { retryAfterSeconds: waitSeconds },
  );
}

/** For tests. */
export function clearAccessFailures(): void {
  failures.clear();
}
