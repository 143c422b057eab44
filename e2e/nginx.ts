import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './app-instance';

export interface Nginx {
  url: string;
  stop: () => Promise<void>;
}

/** Whether Debian's nginx is installed (`.ci/run` installs it when missing). */
export function nginxInstalled(): boolean {
  return spawnSync('nginx', ['-v'], { stdio: 'ignore' }).status === 0;
}

/**
 * A real nginx in front of the given app addresses, configured as the README's two-instance
 * recipe: an `upstream` block (round robin, keep-alive), `X-Forwarded-For` appended, buffering
 * off. Its own directory, a free loopback port, in the foreground; stopped by the test.
 */
export async function startNginx(upstreams: string[]): Promise<Nginx> {
  const directory = mkdtempSync(join(tmpdir(), 'parley-nginx-'));
  // nginx's workers run as an unprivileged user when it is started as root.
  chmodSync(directory, 0o777);
  for (const name of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    mkdirSync(join(directory, name), { mode: 0o777 });
  }
  const port = await freePort();
  const servers = upstreams.map((url) => `    server ${new URL(url).host};`).join('\n');
  writeFileSync(
    join(directory, 'nginx.conf'),
    `worker_processes 1;
pid ${directory}/nginx.pid;
error_log ${directory}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${directory}/body;
  proxy_temp_path ${directory}/proxy;
  fastcgi_temp_path ${directory}/fastcgi;
  uwsgi_temp_path ${directory}/uwsgi;
  scgi_temp_path ${directory}/scgi;
  upstream parley {
${servers}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://parley;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_buffering off;
      proxy_read_timeout 900s;
    }
  }
}
`,
  );
  const child: ChildProcess = spawn(
    'nginx',
    ['-p', directory, '-c', join(directory, 'nginx.conf'), '-g', 'daemon off;'],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(directory, { recursive: true, force: true });
  };
  // Bounded: up within ten seconds, or the test fails with nginx's own words.
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) break;
    await new Promise((done) => setTimeout(done, 100));
  }
  let log = '';
  try {
    log = readFileSync(join(directory, 'error.log'), 'utf8');
  } catch {
    // no log written
  }
  await stop();
  throw new Error(`nginx did not start:\n${log}`);
}
