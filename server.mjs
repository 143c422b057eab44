// @ts-check
/**
 * `npm start`: Next.js behind a plain Node HTTP server whose only job is to tell the app the
 * client's real address (from the socket, and TRUSTED_PROXY_COUNT hops of X-Forwarded-For),
 * so per-client limits cannot be dodged by sending a made-up X-Forwarded-For.
 *
 *   node server.mjs [-p PORT] [-H HOSTNAME]      (defaults: $PORT or 3000, $HOSTNAME or 0.0.0.0)
 */
import { createServer } from 'node:http';
import next from 'next';
import { addressFromSocket } from './lib/server/address-from-socket.mjs';

const argumentsGiven = process.argv.slice(2);
/** @param {string[]} names */
const option = (...names) => {
  const index = argumentsGiven.findIndex((argument) => names.includes(argument));
  return index >= 0 ? argumentsGiven[index + 1] : undefined;
};
const port = Number(option('-p', '--port') ?? process.env.PORT ?? 3000);
const hostname = option('-H', '--hostname') ?? process.env.HOSTNAME ?? '0.0.0.0';
const trustedProxyCount = Math.max(0, Number(process.env.TRUSTED_PROXY_COUNT ?? 0) || 0);

// Tells lib/server/client-address.ts that the header below was set here, not by a client.
/** @type {Record<symbol, unknown>} */ (globalThis)[Symbol.for('parley.trustedClientAddress')] =
  true;

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

createServer((request, response) => {
  const forwarded = request.headers['x-forwarded-for'];
  request.headers['x-parley-client-address'] = addressFromSocket(
    request.socket.remoteAddress,
    Array.isArray(forwarded) ? forwarded.join(',') : forwarded,
    trustedProxyCount,
  );
  void handle(request, response);
}).listen(port, hostname, () => {
  console.log(
    `Parley is ready on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`,
  );
});
