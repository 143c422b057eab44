import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Specs run from the checkout's root. */
const root = resolve(process.cwd());

/** A free loopback port, from the system. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

export interface AppInstance {
  url: string;
  /** Everything the server printed so far. */
  output: () => string;
  stop: () => Promise<void>;
  /** Ends the process at once (SIGKILL), as a crash or a lost machine would: nothing is released. */
  kill: () => Promise<void>;
}

/**
 * Another deployment of the same build, as an operator runs it: `npm start` (`node server.mjs`)
 * in its own directory, with settings from the environment and, when given, a `.env.local` there
 * (the directory links to this checkout's build). Ready when it prints its start-up line.
 */
export async function startApp(options: {
  env?: Record<string, string>;
  envLocal?: Record<string, string>;
  /** `-p`/`-H` on the command line; without them the port and host come from the settings. */
  port?: number;
}): Promise<AppInstance> {
  const directory = mkdtempSync(join(tmpdir(), 'parley-app-'));
  for (const name of ['.next', 'node_modules', 'package.json', 'public']) {
    if (existsSync(join(root, name))) symlinkSync(join(root, name), join(directory, name));
  }
  if (options.envLocal) {
    const lines = Object.entries(options.envLocal).map(([key, value]) => `${key}=${value}`);
    writeFileSync(join(directory, '.env.local'), `${lines.join('\n')}\n`);
  }
  // As `npm start` runs it (package.json's "start").
  const args = ['--expose-gc', join(root, 'server.mjs')];
  if (options.port) args.push('-H', '127.0.0.1', '-p', String(options.port));
  // Only what a bare machine has: nothing of the suite's own server settings leaks in.
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: directory,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(directory, { recursive: true, force: true });
  };
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await exited;
  };
  // Bounded: a server that does not come up within a minute has failed.
  const started = Date.now();
  while (!/listening=(\S+)|"listening":"([^"]+)"/.test(output)) {
    if (child.exitCode !== null || Date.now() - started > 60_000) {
      await stop();
      throw new Error(`The app did not start:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  const match = /listening=(\S+)|"listening":"([^"]+)"/.exec(output);
  const url = (match?.[1] ?? match?.[2] ?? '').replace(/"$/, '');
  return { url, output: () => output, stop, kill };
}

export interface ReverseProxy {
  url: string;
  stop: () => Promise<void>;
}

/**
 * A reverse proxy in front of the app, like nginx with `proxy_set_header X-Forwarded-For
 * $proxy_add_x_forwarded_for`: it appends the address of the client it served. Every test client
 * connects from 127.0.0.1, so the client's address is taken from `x-test-client`, as if each came
 * from its own machine; anything the client claimed in X-Forwarded-For is kept in front.
 */
export async function startReverseProxy(target: string): Promise<ReverseProxy> {
  const upstream = new URL(target);
  const server: Server = createServer((incoming, outgoing) => {
    const client = String(incoming.headers['x-test-client'] ?? '127.0.0.1');
    const claimed = incoming.headers['x-forwarded-for'];
    const headers = { ...incoming.headers };
    delete headers['x-test-client'];
    headers['x-forwarded-for'] = claimed ? `${String(claimed)}, ${client}` : client;
    const forwarded = httpRequest(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        path: incoming.url,
        method: incoming.method,
        headers,
      },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((done) => server.close(() => done())),
  };
}
