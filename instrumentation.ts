/**
 * Runs once when the server starts: a configuration mistake (a short access code, a malformed
 * URL) stops `npm start` with a message naming the variable, instead of failing every request.
 * The start-up line is printed by `server.mjs` with the address it bound; started
 * any other way (`next start`), it is printed here, with what that costs.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  try {
    await registerOnNode();
  } finally {
    // server.mjs waits for this before it listens.
    const done = (globalThis as Record<symbol, unknown>)[Symbol.for('parley.registered')];
    if (typeof done === 'function') done();
  }
}

async function registerOnNode(): Promise<void> {
  const { ConfigError, loadServerConfig } = await import('./lib/server/server-config');
  const { startupSummary } = await import('./lib/server/startup-summary');
  const { log } = await import('./lib/server/logger');
  const shared = globalThis as Record<symbol, unknown>;
  try {
    const config = loadServerConfig(process.env);
    const summary = startupSummary(config);
    // A shared store connects now, not on the first request.
    const { sharedStateFor } = await import('./lib/server/state/shared-state-for');
    sharedStateFor(config);
    const warnHosts = () => {
      if (config.allowedHosts || process.env.VERCEL) return;
      log(config.log, 'warn', 'any_host_name', {
        reason:
          'neither APP_URL nor ALLOWED_HOSTS is set, so requests for any host name are answered; a web page whose name is rebound to this server (DNS rebinding) could use it. Set APP_URL or ALLOWED_HOSTS',
      });
    };
    if (shared[Symbol.for('parley.trustedClientAddress')] === true) {
      // `npm start`: server.mjs serves the gateway's paths itself with the Node transport.
      const { nodeGatewayTarget, serveNodeGateway } = await import('./lib/server/node-gateway');
      const { returnMemoryAfterBursts } = await import('./lib/server/memory-after-bursts');
      returnMemoryAfterBursts();
      shared[Symbol.for('parley.nodeGateway')] = {
        target: nodeGatewayTarget,
        serve: serveNodeGateway,
      };
      shared[Symbol.for('parley.announce')] = (address: string) => {
        const transport = process.env.GATEWAY_TRANSPORT === 'next' ? 'route handler' : 'node';
        log(config.log, 'info', 'ready', { listening: address, gateway: transport, ...summary });
        warnHosts();
      };
      return;
    }
    log(config.log, 'info', 'ready', summary);
    warnHosts();
    if (!process.env.VERCEL) {
      log(config.log, 'warn', 'no_client_address', {
        reason:
          'started without `npm start`: every client shares one address, so one client’s wrong codes lock out everyone and one client’s streams use up everyone’s cap; run `npm start` (server.mjs)',
      });
    }
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`[parley] refusing to start, the configuration is invalid: ${error.message}`);
    // On Vercel the process is not ours to end; every request reports config:invalid instead.
    if (!process.env.VERCEL) process.exit(1);
  }
}
