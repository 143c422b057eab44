// @ts-check
/** A real redis-server for a benchmark: its own loopback port, no persistence, stopped after. */
import { spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './start-app.mjs';

/** @returns {Promise<{ url: string, pid: number | undefined, command: (text: string) => Promise<string>, stop: () => void }>} */
export async function startRedis() {
  const port = await freePort();
  const server = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  /** One inline command; its reply as text. @param {string} text */
  const command = (text) =>
    new Promise((resolve, reject) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      let reply = '';
      socket.on('data', (data) => {
        reply += data.toString();
        const header = /^\$(\d+)\r\n/.exec(reply);
        if (!header || reply.length >= header[0].length + Number(header[1])) {
          socket.end();
          resolve(reply);
        }
      });
      socket.on('error', reject);
      socket.write(`${text}\r\n`);
    });
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if (/** @type {string} */ (await command('PING')).startsWith('+PONG')) {
        return {
          url: `redis://127.0.0.1:${port}`,
          pid: server.pid,
          command: /** @type {(text: string) => Promise<string>} */ (command),
          stop: () => server.kill('SIGTERM'),
        };
      }
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  server.kill('SIGKILL');
  throw new Error('redis-server did not start');
}
