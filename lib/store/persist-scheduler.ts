/**
 * Coalesces writes per key: at most one write per interval while a conversation changes quickly
 * (a streaming answer), and an immediate write when asked (a message sent, a stream finished).
 * The latest value is always the one written.
 */
export function createPersistScheduler<T>(
  write: (value: T) => Promise<void>,
  intervalMs: number,
  onError: (error: unknown) => void,
) {
  const pending = new Map<string, T>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const flush = (key: string) => {
    const timer = timers.get(key);
    if (timer) clearTimeout(timer);
    timers.delete(key);
    const value = pending.get(key);
    pending.delete(key);
    if (value !== undefined) write(value).catch(onError);
  };

  return {
    schedule(key: string, value: T, immediate = false) {
      pending.set(key, value);
      if (immediate) return flush(key);
      if (!timers.has(key))
        timers.set(
          key,
          setTimeout(() => flush(key), intervalMs),
        );
    },
    cancel(key: string) {
      const timer = timers.get(key);
      if (timer) clearTimeout(timer);
      timers.delete(key);
      pending.delete(key);
    },
    flushAll() {
      for (const key of [...pending.keys()]) flush(key);
    },
  };
}
