// @ts-check
/**
 * The reference a gateway is measured against: a proxy that forwards and pipes and checks
 * nothing. `http.createServer` → `http.request` with a keep-alive agent → `pipe`.
 *
 *   node bench/lib/bare-pipe.mjs --port 4000 --upstream http://127.0.0.1:4001/api/v1
 *
 * `/api/openrouter/<path>` goes to `<upstream>/<path>`, as the gateway would send it.
 */
import { Agent, createServer, request } from 'node:http';

const argument = (/** @type {string} */ name) => process.argv[process.argv.indexOf(name) + 1];
const upstream = new URL(argument('--upstream') ?? '');
const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

createServer((incoming, outgoing) => {
  const path = (incoming.url ?? '/').replace(/^\/api\/openrouter/, upstream.pathname);
  const forwarded = request(
    {
      host: upstream.hostname,
      port: upstream.port,
      path,
      method: incoming.method,
      headers: { ...incoming.headers, host: upstream.host, authorization: 'Bearer sk-bench' },
      agent,
    },
    (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    },
  );
  forwarded.on('error', () => outgoing.destroy());
  outgoing.on('close', () => {
    if (!outgoing.writableFinished) forwarded.destroy();
  });
  incoming.pipe(forwarded);
}).listen(Number(argument('--port')), '127.0.0.1');
