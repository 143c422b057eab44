import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  url: string;
  /** Every request the server received, in order. */
  received: Array<{ method: string; url: string; headers: IncomingMessage['headers'] }>;
  /** Connections the server saw closed by the other side. */
  closedConnections: () => number;
  close: () => Promise<void>;
}

/** A throwaway HTTP server on loopback for one test's hostile or broken upstream. */
export async function startTestServer(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<TestServer> {
  const received: TestServer['received'] = [];
  let closed = 0;
  const server = createServer((request, response) => {
    received.push({
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
    });
    request.socket.once('close', () => closed++);
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    closedConnections: () => closed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
