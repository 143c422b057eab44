import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPersistScheduler } from './persist-scheduler';

describe('persist scheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes the latest value once per interval while changes keep coming', async () => {
    const writes: string[] = [];
    const scheduler = createPersistScheduler<string>(
      async (value) => void writes.push(value),
      500,
      () => {},
    );
    for (let index = 1; index <= 10; index++) {
      scheduler.schedule('a', `v${index}`);
      vi.advanceTimersByTime(100);
    }
    expect(writes).toEqual(['v5', 'v10']);
  });

  it('writes at once when asked, and forgets a cancelled key', () => {
    const writes: string[] = [];
    const scheduler = createPersistScheduler<string>(
      async (value) => void writes.push(value),
      500,
      () => {},
    );
    scheduler.schedule('a', 'soon');
    scheduler.schedule('a', 'now', true);
    scheduler.schedule('b', 'never');
    scheduler.cancel('b');
    vi.advanceTimersByTime(1000);
    expect(writes).toEqual(['now']);
  });

  it('reports a failed write', async () => {
    const onError = vi.fn();
    const scheduler = createPersistScheduler<string>(
      () => Promise.reject(new Error('QuotaExceededError')),
      500,
      onError,
    );
    scheduler.schedule('a', 'x', true);
    await vi.runAllTimersAsync();
    expect(onError).toHaveBeenCalledOnce();
  });
});
