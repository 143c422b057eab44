// @ts-check
/**
 * Starts what a benchmark measures against: the mock upstream and the built app (`server.mjs`),
 * each in its own process on a free loopback port, and stops them again.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const root = new URL('../../', import.meta.url);

/**
 * @param {Record<string, string>} [environment] extra environment for the app
 * @returns {Promise<{ appUrl: string, mockUrl: string, stop: () => void, appPid: number | undefined }>}
 */
export async function startApp(environment = {}) {
  if (!existsSync(new URL('.next/BUILD_ID', root))) {
    throw new Error('No production build found: run `npm run build` first.');
  }
  const mockPort = await freePort();
  const mockUrl = `http://127.0.0.1:${mockPort}`;
  const mock = spawn('node', ['e2e/mock-upstream/cli.mjs', '--port', String(mockPort)], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const appPort = await freePort();
  const app = spawn('node', ['server.mjs', '-H', '127.0.0.1', '-p', String(appPort)], {
    cwd: root,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      OPENROUTER_API_KEY: 'sk-bench',
      OPENROUTER_BASE_URL: `${mockUrl}/api/v1`,
      CODE: '',
      MODELS: '',
      MAX_STREAMS: '100000',
      MAX_STREAMS_PER_CLIENT: '100000',
      ...environment,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => {
    app.kill('SIGTERM');
    mock.kill('SIGTERM');
  };
  const appUrl = `http://127.0.0.1:${appPort}`;
  try {
    await waitFor(`${mockUrl}/__mock/stats`);
    await waitFor(`${appUrl}/api/config`);
  } catch (error) {
    stop();
    throw error;
  }
  return { appUrl, mockUrl, stop, appPid: app.pid };
}

/** @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** @param {string} url */
async function waitFor(url) {
  for (let attempt = 0; attempt < 150; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not come up within 30 s`);
}

/** @param {number[]} values @param {number} percent */
export function percentile(values, percent) {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((percent / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}
