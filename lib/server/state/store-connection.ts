/**
 * One connection to a shared store, whichever kind: the few commands the shared state needs.
 * Replies are Redis's own (integers, strings, arrays); implementations never retry and never
 * queue while disconnected, so a store that is down fails fast and the instance decides alone.
 */
export interface StoreConnection {
  readonly kind: 'redis' | 'upstash';
  evalsha(sha: string, keys: string[], args: string[]): Promise<unknown>;
  eval(script: string, keys: string[], args: string[]): Promise<unknown>;
  get(key: string): Promise<string | null>;
  /** Sets the value with an expiry in milliseconds. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A failure a connection reports while it reconnects by itself (for the degradation log). */
export type ConnectionTrouble = (error: unknown) => void;
