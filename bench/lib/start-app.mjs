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
 * The mock upstream in its own process.
 * @returns {Promise<{ url: string, stop: () => void, pid: number | undefined }>}
 */
export async function startMock() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const mock = spawn('node', ['e2e/mock-upstream/cli.mjs', '--port', String(port)], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => mock.kill('SIGTERM');
  try {
    await waitFor(`${url}/__mock/stats`);
  } catch (error) {
    stop();
    throw error;
  }
  return { url, stop, pid: mock.pid };
}

/**
 * @param {Record<string, string>} [environment] extra environment for the app
 * @param {{ mockUrl?: string }} [options] an upstream already running (else one is started)
 * @returns {Promise<{ appUrl: string, mockUrl: string, stop: () => void, appPid: number | undefined }>}
 */
export async function startApp(environment = {}, options = {}) {
  if (!existsSync(new URL('.next/BUILD_ID', root))) {
    throw new Error('No production build found: run `npm run build` first.');
  }
  const mock = options.mockUrl ? undefined : await startMock();
  const mockUrl = options.mockUrl ?? mock?.url ?? '';
  const appPort = await freePort();
  // As `npm start` runs it.
  const app = spawn(
    'node',
    ['--expose-gc', 'server.mjs', '-H', '127.0.0.1', '-p', String(appPort)],
    {
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
    },
  );
  const stop = () => {
    app.kill('SIGTERM');
    mock?.stop();
  };
  const appUrl = `http://127.0.0.1:${appPort}`;
  try {
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
