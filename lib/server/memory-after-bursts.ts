import { openStreamCount } from './stream-limits';

/** A burst is this many streams open at once. */
const burstStreams = 20;
/**
 * Seconds of no open stream after a burst at which a full collection runs: V8 hands pages back
 * over several collections (measured: RSS back at idle after the third), not after the first.
 */
const collectAtIdleSeconds = [4, 6, 8, 10];

/**
 * Gives memory back after a burst. V8 keeps a heap that grew under a burst of streams for
 * minutes after it ends; once the gateway has had no stream open for four seconds (longer than
 * the gaps between the batches of a busy client), a few full collections, two seconds apart,
 * return it to the system (a heap shrunk too soon would only grow again under the next batch).
 * Needs `--expose-gc`, which `npm start` passes; without it this does nothing. Costs one check
 * a second.
 */
export function returnMemoryAfterBursts(): () => void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (typeof collect !== 'function') return () => undefined;
  let peak = 0;
  let idleSeconds = 0;
  const timer = setInterval(() => {
    const open = openStreamCount();
    if (open > 0) {
      peak = Math.max(peak, open);
      idleSeconds = 0;
      return;
    }
    if (peak < burstStreams) return;
    idleSeconds += 1;
    if (collectAtIdleSeconds.includes(idleSeconds)) collect();
    if (idleSeconds >= Math.max(...collectAtIdleSeconds)) peak = 0;
  }, 1_000);
  timer.unref();
  return () => clearInterval(timer);
}
