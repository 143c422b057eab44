import { ParleyError } from '@/lib/errors/parley-error';
import { lockedOut, refuseWhileLockedOut } from './access-failures';
import { codesRequired } from './resolve-credential';
import type { ServerConfig } from './server-config';
import { sharedStateFor } from './state/shared-state-for';
import { acquireStreamSlot, busy } from './stream-limits';

const nothingToRelease = () => {};

/**
 * Lets a request in, or refuses it: an address locked out for wrong codes (when codes are
 * required) gets 429 with the wait; a request that needs a stream slot gets one within the caps
 * or 429. This instance's own count decides first (free, and still there when the store is
 * not); a shared store then decides for all instances, in one round trip. The returned
 * function gives the slot back; calling it twice is harmless.
 */
export async function admit(
  address: string,
  config: ServerConfig,
  { slot }: { slot: boolean },
): Promise<() => void> {
  const lockout = codesRequired(config);
  if (lockout) refuseWhileLockedOut(address, config);
  const releaseHere = slot ? acquireStreamSlot(address, config) : nothingToRelease;
  const shared = sharedStateFor(config);
  if (!shared || (!lockout && !slot)) return releaseHere;

  const admission = await shared.admit(address, {
    lockoutLimit: lockout ? config.accessFailures.limit : undefined,
    slots: slot ? config.streams : undefined,
  });
  // The store did not answer: this instance's limits stand alone until it does.
  if (!admission) return releaseHere;
  if (admission.outcome !== 'admitted') {
    releaseHere();
    throw admission.outcome === 'locked'
      ? lockedOut(Math.max(1, Math.ceil(admission.waitMs / 1000)))
      : busy();
  }
  const { lease } = admission;
  if (!lease) return releaseHere;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    releaseHere();
    shared.release(lease);
  };
}

/**
 * Waits until the shared store has the wrong codes counted so far, so a refused guess is answered
 * only after every instance would refuse the next one. Free without a store.
 */
export async function accessFailuresCounted(config: ServerConfig, error: unknown): Promise<void> {
  if (!(error instanceof ParleyError) || error.code !== 'auth:code_invalid') return;
  await sharedStateFor(config)?.settled();
}
