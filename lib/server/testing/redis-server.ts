import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createConnection, createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A real `redis-server` (Debian's package) for tests: its own loopback port, no persistence,
 * stopped by the test. `restart()` brings it back on the same port, empty, as after a crash.
 */
export interface TestRedis {
  url: string;
  port: number;
  /** Kills the server (SIGKILL: as a crash, not a shutdown) and waits for it to be gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const binary = 'redis-server';

/** Whether Debian's `redis-server` is installed (`.ci/run` installs it when missing). */
export function redisServerInstalled(): boolean {
  return spawnSync(binary, ['--version'], { stdio: 'ignore' }).status === 0;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.write('PING\r\n');
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('+PONG'));
      });
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startTestRedis(): Promise<TestRedis> {
  if (!redisServerInstalled()) {
    throw new Error('redis-server is not installed: apt-get install -y redis-server');
  }
  const port = await freePort();
  let child: ChildProcess | undefined;
  const launch = async () => {
    child = spawn(
      binary,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    // Bounded: a server that does not answer within ten seconds has failed.
    for (let attempt = 0; attempt < 200; attempt += 1) {
      if (await accepts(port)) return;
      if (child.exitCode !== null) break;
      await new Promise((done) => setTimeout(done, 50));
    }
    child.kill('SIGKILL');
    throw new Error(`redis-server did not start on port ${port}`);
  };
  const kill = async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((done) => running.once('exit', done));
    running.kill('SIGKILL');
    await exited;
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    restart: launch,
    stop: kill,
  };
}

/** Everything a Redis holds, as text per key (strings, hashes, sorted sets): what a dump shows. */
export async function dumpRedis(url: string): Promise<Map<string, string>> {
  const { createClient } = await import('redis');
  const client = createClient({ url, RESP: 2 });
  await client.connect();
  const dump = new Map<string, string>();
  try {
    for (const key of await client.keys('*')) {
      const type = await client.type(key);
      if (type === 'string') dump.set(key, (await client.get(key)) ?? '');
      if (type === 'hash') dump.set(key, JSON.stringify(await client.hGetAll(key)));
      if (type === 'zset') dump.set(key, JSON.stringify(await client.zRange(key, 0, -1)));
    }
  } finally {
    await client.close();
  }
  return dump;
}
