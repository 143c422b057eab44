import { processState } from './process-state';
import { ParleyError } from '@/lib/errors/parley-error';
import type { ServerConfig } from './server-config';

const slots = processState('streamSlots', () => ({
  open: 0,
  openByClient: new Map<string, number>(),
}));
const { openByClient } = slots;

/**
 * Takes one of the limited upstream slots (in all, and for this client address) or refuses with
 * 429. The returned function gives it back; calling it twice is harmless.
 */
export function acquireStreamSlot(address: string, config: ServerConfig): () => void {
  const mine = openByClient.get(address) ?? 0;
  if (slots.open >= config.streams.total || mine >= config.streams.perClient) {
    throw busy();
  }
  slots.open += 1;
  openByClient.set(address, mine + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    slots.open -= 1;
    const left = (openByClient.get(address) ?? 1) - 1;
    if (left > 0) openByClient.set(address, left);
    else openByClient.delete(address);
  };
}

export function busy(): ParleyError {
  return new ParleyError('gateway:busy', 'Too many answers are streaming at once.', {
    retryAfterSeconds: 5,
  });
}

/** How many upstream calls are open now (benchmarks and leak tests read it). */
export function openStreamCount(): number {
  return slots.open;
}
