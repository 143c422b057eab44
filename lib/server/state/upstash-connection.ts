import { Redis } from '@upstash/redis';
import type { StoreConnection } from './store-connection';

/**
 * Upstash's REST API through `@upstash/redis`, as Vercel functions reach it: one HTTPS request
 * per call, no retries (a slow store must not hold a request), replies as Redis gives them.
 */
export function upstashConnection(url: string, token: string): StoreConnection {
  const client = new Redis({
    url,
    token,
    retry: false,
    automaticDeserialization: false,
    enableTelemetry: false,
  });
  return {
    kind: 'upstash',
    evalsha: (sha, keys, args) => client.evalsha(sha, keys, args),
    eval: (script, keys, args) => client.eval(script, keys, args),
    get: (key) => client.get<string>(key),
    set: async (key, value, ttlMs) => {
      await client.set(key, value, { px: ttlMs });
    },
    ping: async () => {
      await client.ping();
    },
    close: async () => {},
  };
}
