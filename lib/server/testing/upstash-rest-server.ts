import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'redis';

/**
 * A small server that speaks Upstash's REST protocol in front of a real Redis, so the Upstash
 * store is tested over HTTP exactly as `@upstash/redis` talks to Upstash: `POST /` with one
 * command as a JSON array, `POST /pipeline` with several; `Authorization: Bearer <token>`;
 * replies `{ result }` or `{ error }`, strings base64-encoded when `Upstash-Encoding: base64`.
 */
export interface UpstashRestServer {
  url: string;
  /** Commands received (for tests that count round trips). */
  commands: () => number;
  stop(): Promise<void>;
}

type Reply = string | number | null | Reply[];

export async function startUpstashRestServer(
  redisUrl: string,
  token: string,
): Promise<UpstashRestServer> {
  const redis = createClient({ url: redisUrl, RESP: 2, disableOfflineQueue: true });
  redis.on('error', () => {});
  await redis.connect();
  let commands = 0;
  const run = async (command: unknown): Promise<{ result?: Reply; error?: string }> => {
    commands += 1;
    if (!Array.isArray(command) || command.length === 0) return { error: 'ERR bad command' };
    try {
      return { result: await redis.sendCommand<Reply>(command.map(String)) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (request.method !== 'POST') return send(405, { error: 'Method not allowed' });
      if (request.headers.authorization !== `Bearer ${token}`) {
        return send(401, { error: 'Unauthorized' });
      }
      const base64 = String(request.headers['upstash-encoding'] ?? '').toLowerCase() === 'base64';
      const encode = (reply: { result?: Reply; error?: string }) =>
        base64 && reply.result !== undefined ? { result: encodeReply(reply.result) } : reply;
      const body = JSON.parse(await readBody(request)) as unknown;
      const path = (request.url ?? '/').split('?')[0];
      if (path === '/pipeline') {
        if (!Array.isArray(body)) return send(400, { error: 'ERR pipeline needs an array' });
        const replies = [];
        for (const command of body) replies.push(encode(await run(command)));
        return send(200, replies);
      }
      if (path !== '/') return send(404, { error: 'Not found' });
      const reply = await run(body);
      return reply.error ? send(400, reply) : send(200, encode(reply));
    })().catch(() => {
      response.writeHead(500).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    commands: () => commands,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      if (redis.isOpen) await redis.close();
    },
  };
}

function encodeReply(reply: Reply): Reply {
  if (typeof reply === 'string')
    return reply === 'OK' ? reply : Buffer.from(reply).toString('base64');
  if (Array.isArray(reply)) return reply.map(encodeReply);
  return reply;
}

async function readBody(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text;
}
