import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDeltaBuffer, deltaIntervalMs } from './delta-buffer';

describe('createDeltaBuffer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('hands over the first delta at once and later ones at most every interval, joined', () => {
    const applied: Array<[string, string]> = [];
    const buffer = createDeltaBuffer((reasoning, content) => applied.push([reasoning, content]));
    buffer.add('', 'a');
    vi.advanceTimersByTime(0);
    expect(applied).toEqual([['', 'a']]);
    buffer.add('r', '');
    buffer.add('', 'b');
    buffer.add('', 'c');
    vi.advanceTimersByTime(deltaIntervalMs - 1);
    expect(applied).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(applied).toEqual([
      ['', 'a'],
      ['r', 'bc'],
    ]);
  });

  it('runs no timer while nothing arrives, and flush hands over what is pending now', () => {
    const applied: string[] = [];
    const buffer = createDeltaBuffer((_, content) => applied.push(content));
    buffer.add('', 'x');
    vi.advanceTimersByTime(0);
    buffer.add('', 'y');
    buffer.flush();
    expect(applied).toEqual(['x', 'y']);
    expect(vi.getTimerCount()).toBe(0);
    buffer.flush();
    expect(applied).toEqual(['x', 'y']);
  });
});
