import { processState } from './process-state';
import type { ServerConfig } from './server-config';

interface FailureWindow {
  count: number;
  startedAt: number;
}

/** Bounded, so a flood of addresses cannot grow it without limit; the oldest entries go first. */
const maximumTracked = 10_000;
const failures = processState('accessFailures', () => new Map<string, FailureWindow>());

/** Seconds the address must wait, or undefined when it may try a code now. */
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

export function recordAccessFailure(address: string, config: ServerConfig, now = Date.now()): void {
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

/** For tests. */
export function clearAccessFailures(): void {
  failures.clear();
}
