import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { request as undiciRequest, type Dispatcher } from 'undici';
import { clientAddress } from '../client-address';
import { serveNodeGateway } from '../node-gateway';
import { proxyRequest } from '../proxy';
import type { RouteTarget } from '../resolve-route';
import type { ServerConfig } from '../server-config';

/**
 * The gateway's two transports behind one signature, so one behaviour suite runs against both:
 * the route handler (called directly with a web `Request`, as Next and Vercel call it) and the
 * Node transport (a real HTTP server on loopback, reached over the network, as `npm start` runs
 * it). They cannot drift: every gateway test runs twice.
 */
export interface GatewayTransport {
  name: string;
  send(request: Request, target: RouteTarget, config: ServerConfig): Promise<Response>;
}

const configHeader = 'x-parley-test-config';
const addressHeader = 'x-parley-test-address';
const targetHeader = 'x-parley-test-target';
const configs = new Map<string, ServerConfig>();
let harness: Promise<{ url: string; server: Server }> | undefined;

function startHarness(): Promise<{ url: string; server: Server }> {
  const server = createServer((incoming, outgoing) => {
    const config = configs.get(String(incoming.headers[configHeader]));
    const address = String(incoming.headers[addressHeader]);
    // The test's own target, which may be one `nodeGatewayTarget` would leave to Next (those
    // refusals are the core's to test); the URL's parsing is tested on its own.
    const target = JSON.parse(String(incoming.headers[targetHeader])) as RouteTarget;
    for (const name of [configHeader, addressHeader, targetHeader]) delete incoming.headers[name];
    void serveNodeGateway(incoming, outgoing, target, { clientAddress: address, config });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.unref();
      resolve({ url: `http://127.0.0.1:${port}`, server });
    });
  });
}

let configCount = 0;

async function sendOverNode(request: Request, target: RouteTarget, config: ServerConfig) {
  harness ??= startHarness();
  const { url } = await harness;
  const id = String(++configCount);
  configs.set(id, config);
  const original = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers.host ??= original.host;
  headers[configHeader] = id;
  headers[targetHeader] = JSON.stringify(target);
  // The address the route handler would see for this request, so both count the same client.
  headers[addressHeader] = clientAddress(request.headers);
  const answer = await undiciRequest(`${url}${original.pathname}${original.search}`, {
    method: request.method as Dispatcher.HttpMethod,
    headers,
    body: request.body ? Readable.fromWeb(request.body as never) : undefined,
    signal: request.signal,
  });
  const responseHeaders = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    for (const one of Array.isArray(value) ? value : [value ?? ''])
      responseHeaders.append(name, one);
  }
  const empty = answer.statusCode === 204 || answer.statusCode === 304;
  if (empty) answer.body.destroy();
  return new Response(empty ? null : (Readable.toWeb(answer.body) as ReadableStream<Uint8Array>), {
    status: answer.statusCode,
    headers: responseHeaders,
  });
}

export const gatewayTransports: GatewayTransport[] = [
  { name: 'route handler', send: proxyRequest },
  { name: 'node', send: sendOverNode },
];
