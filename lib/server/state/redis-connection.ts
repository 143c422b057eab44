import { createClient } from 'redis';
import type { ConnectionTrouble, StoreConnection } from './store-connection';

/**
 * A Redis or Valkey server through the maintained `redis` client. Commands are refused at once
 * while the socket is down (no offline queue); the client reconnects by itself, backing off to
 * two seconds between tries, for as long as the process lives.
 */
export function redisConnection(url: string, onTrouble: ConnectionTrouble): StoreConnection {
  const client = createClient({
    url,
    // RESP2: every Redis and Valkey version speaks it.
    RESP: 2,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2_000,
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2_000),
    },
  });
  // Without a listener an `error` event would end the process.
  client.on('error', onTrouble);
  // Until the first connection is up, a command waits for it (within the caller's timeout)
  // rather than failing: a cold start is not an outage. After that, a lost socket fails fast.
  let firstConnection: Promise<unknown> | undefined = client
    .connect()
    .then(() => (firstConnection = undefined), onTrouble);
  const send = async <Reply>(args: string[]) => {
    if (firstConnection) await firstConnection;
    return client.sendCommand<Reply>(args);
  };
  return {
    kind: 'redis',
    evalsha: (sha, keys, args) => send(['EVALSHA', sha, String(keys.length), ...keys, ...args]),
    eval: (script, keys, args) => send(['EVAL', script, String(keys.length), ...keys, ...args]),
    get: (key) => send<string | null>(['GET', key]),
    set: async (key, value, ttlMs) => {
      await send(['SET', key, value, 'PX', String(ttlMs)]);
    },
    ping: async () => {
      await send(['PING']);
    },
    close: async () => {
      if (client.isOpen) await client.close();
    },
  };
}
