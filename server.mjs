// @ts-check
/**
 * `npm start`: Next.js behind a plain Node HTTP server whose only job is to tell the app the
 * client's real address (from the socket, and TRUSTED_PROXY_COUNT hops of X-Forwarded-For),
 * so per-client limits cannot be dodged by sending a made-up X-Forwarded-For.
 *
 *   node --expose-gc server.mjs [-p PORT] [-H HOSTNAME]   (defaults: $PORT or 3000, $HOSTNAME or 0.0.0.0)
 *
 * (`npm start` runs exactly that; without `--expose-gc` memory grown by a burst is not returned.)
 */
import { createServer } from 'node:http';
import nextEnvironment from '@next/env';
import next from 'next';
import { gatewayHeaders } from './lib/gateway/contract.mjs';
import { addressFromSocket } from './lib/server/address-from-socket.mjs';

// `.env.local`, `.env.production`, `.env` are read exactly as Next reads them, before anything
// here looks at the environment: the proxy trust and the port are usually set there.
nextEnvironment.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });

const argumentsGiven = process.argv.slice(2);
/** @param {string[]} names */
const option = (...names) => {
  const index = argumentsGiven.findIndex((argument) => names.includes(argument));
  return index >= 0 ? argumentsGiven[index + 1] : undefined;
};
const port = Number(option('-p', '--port') ?? process.env.PORT ?? 3000);
const hostname = option('-H', '--hostname') ?? process.env.HOSTNAME ?? '0.0.0.0';
const trustedProxyCount = Math.max(0, Number(process.env.TRUSTED_PROXY_COUNT ?? 0) || 0);

const shared = /** @type {Record<symbol, unknown>} */ (globalThis);
// Tells lib/server/client-address.ts that the header below was set here, not by a client.
shared[Symbol.for('parley.trustedClientAddress')] = true;

// instrumentation.ts registers the Node transport and the start-up line; Next starts it while
// preparing but does not wait for it, so the server listens only once it has finished (or after
// ten seconds, without the Node transport: the route handler then serves every path).
/** @type {Promise<void>} */
const registered = new Promise((resolve) => {
  shared[Symbol.for('parley.registered')] = resolve;
  setTimeout(resolve, 10_000).unref();
});

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
await registered;

/**
 * @typedef {object} NodeGateway
 * @property {(url: string) => object | undefined} target
 * @property {(request: import('node:http').IncomingMessage,
 *   response: import('node:http').ServerResponse, target: object,
 *   options: { clientAddress: string }) => Promise<void>} serve
 */
/**
 * The gateway's Node transport, which instrumentation.ts registers while the app starts: the same
 * core the route handler runs, compiled with the app, serving `/api/<provider>/…` without Next's
 * per-request pipeline. `GATEWAY_TRANSPORT=next` sends those paths through the route handler.
 * (The environment is read once: `process.env` is slow to read per request.)
 */
const routeHandlerOnly = process.env.GATEWAY_TRANSPORT === 'next';
const nodeGatewayKey = Symbol.for('parley.nodeGateway');
/** @returns {NodeGateway | undefined} */
const nodeGateway = () =>
  routeHandlerOnly ? undefined : /** @type {NodeGateway | undefined} */ (shared[nodeGatewayKey]);

const server = createServer((request, response) => {
  // A path the framework cannot decode (`%E0%A4%A`) would end in its 500: it is the client's
  // mistake, so it gets a 400 in the gateway's own error shape.
  if (!decodablePath(request.url ?? '/')) {
    response.writeHead(400, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(
      JSON.stringify({
        error: { code: 'path:not_allowed', message: 'The path is not valid percent-encoding.' },
      }),
    );
    return;
  }
  const forwarded = request.headers['x-forwarded-for'];
  const clientAddress = addressFromSocket(
    request.socket.remoteAddress,
    Array.isArray(forwarded) ? forwarded.join(',') : forwarded,
    trustedProxyCount,
  );
  const gateway = nodeGateway();
  const target = gateway?.target(request.url ?? '/');
  if (gateway && target) {
    void gateway.serve(request, response, target, { clientAddress });
    return;
  }
  request.headers[gatewayHeaders.clientAddress] = clientAddress;
  void handle(request, response);
});
/** @param {string} url */
function decodablePath(url) {
  if (!url.includes('%')) return true;
  try {
    decodeURIComponent(url.split('?')[0] ?? '');
    return true;
  } catch {
    return false;
  }
}

server.listen(port, hostname, () => {
  const bound = server.address();
  const address =
    typeof bound === 'object' && bound
      ? `http://${bound.family === 'IPv6' ? `[${bound.address}]` : bound.address}:${bound.port}`
      : String(bound);
  // instrumentation.ts validated the configuration at prepare() and left this to print the
  // start-up line (provider, code and proxy-trust facts, never a secret) with the bound address.
  const announce = /** @type {((address: string) => void) | undefined} */ (
    shared[Symbol.for('parley.announce')]
  );
  if (announce) announce(address);
  else console.log(`Parley is ready on ${address}`);
});
