/**
 * State one server process keeps (stream slots, wrong-code windows, the model catalog), held on
 * `globalThis` under a registered symbol: the route handlers and the Node transport are bundled
 * apart and must still count the same streams and the same wrong codes.
 */
export function processState<T>(name: string, create: () => T): T {
  const shared = globalThis as Record<symbol, unknown>;
  const key = Symbol.for(`parley.state.${name}`);
  if (!(key in shared)) shared[key] = create();
  return shared[key] as T;
}
