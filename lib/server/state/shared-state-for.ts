import { processState } from '../process-state';
import type { ServerConfig } from '../server-config';
import { redisConnection } from './redis-connection';
import { SharedState, type StoreHealth } from './shared-state';
import type { ConnectionTrouble } from './store-connection';
import { upstashConnection } from './upstash-connection';

/** One connection per store per process, whichever transport asks (they share `globalThis`). */
const states = processState('sharedStates', () => new Map<string, SharedState>());
let byConfig = new WeakMap<ServerConfig, SharedState | undefined>();

/** The configured shared store, connected on first use; `undefined` when state stays in memory. */
export function sharedStateFor(config: ServerConfig): SharedState | undefined {
  if (byConfig.has(config)) return byConfig.get(config);
  const { store } = config.state;
  let state: SharedState | undefined;
  if (store.kind !== 'memory') {
    // One per store and settings (tests run several prefixes in one process).
    const identity = JSON.stringify(config.state);
    state = states.get(identity);
    if (!state) {
      let troubled: ConnectionTrouble = () => {};
      const connection =
        store.kind === 'redis'
          ? redisConnection(store.url, (error) => troubled(error))
          : upstashConnection(store.url, store.token);
      state = new SharedState(connection, config.state, config.log);
      troubled = state.troubled;
      states.set(identity, state);
    }
  }
  byConfig.set(config, state);
  return state;
}

export async function storeHealth(config: ServerConfig): Promise<StoreHealth> {
  return (await sharedStateFor(config)?.health()) ?? { kind: 'memory', state: 'ok' };
}

/** For tests: closes every store connection this process opened. */
export async function closeSharedStates(): Promise<void> {
  const open = [...states.values()];
  states.clear();
  byConfig = new WeakMap();
  await Promise.all(open.map((state) => state.close()));
}
