// @ts-check
/**
 * Held streams: opens N slow streams at once through one gateway process (N = 250, 500, 1000,
 * 2000) and reports errors, time to first byte (p50/p99) and memory per held stream (RSS growth
 * of the app process / N). Then aborts: 1,000 clients leave mid-stream and 1,000 before the first
 * byte; reports how long until the mock upstream saw every connection closed, and how many stay
 * open (must be 0).
 *
 *   npm run build && node bench/held-streams.mjs [--sizes 250,500,1000,2000]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, fetch as undiciFetch } from 'undici';
import { percentile, startApp } from './lib/start-app.mjs';

const sizesIndex = process.argv.indexOf('--sizes');
const sizes = (sizesIndex >= 0 ? (process.argv[sizesIndex + 1] ?? '') : '250,500,1000,2000')
  .split(',')
  .map(Number);
// One client process holds thousands of sockets: no per-origin pool limit.
const client = new Agent({ connections: null, pipelining: 0, keepAliveTimeout: 1000 });

const app = await startApp();
try {
  const held = [];
  for (const size of sizes) held.push(await holdStreams(size));
  const aborts = [
    await abortStreams(1000, 'mid-stream'),
    await abortStreams(1000, 'before first byte'),
  ];

  console.log(`\nheld streams (30 chunks, 1 s apart), ${process.version}\n`);
  console.log('streams  errors  TTFB p50 ms  TTFB p99 ms  RSS growth MB  KB per stream');
  for (const row of held) {
    console.log(
      [
        String(row.size).padStart(7),
        String(row.errors).padStart(7),
        row.firstByteP50.toFixed(0).padStart(12),
        row.firstByteP99.toFixed(0).padStart(12),
        (row.rssGrowthKilobytes / 1024).toFixed(1).padStart(14),
        row.kilobytesPerStream.toFixed(1).padStart(14),
      ].join(' '),
    );
  }
  console.log('\naborts                        clients  closed upstream within ms  left open');
  for (const row of aborts) {
    console.log(
      `${row.kind.padEnd(28)} ${String(row.clients).padStart(8)} ${row.closedWithinMs.toFixed(0).padStart(26)} ${String(row.leftOpen).padStart(10)}`,
    );
  }
  mkdirSync(new URL('results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('results/held-streams.json', import.meta.url),
    JSON.stringify({ held, aborts }, null, 2),
  );
} finally {
  app.stop();
  await client.close();
}

/** @param {string} model @param {boolean} stream */
function chatBody(model, stream = true) {
  return JSON.stringify({ model, stream, messages: [{ role: 'user', content: 'hold' }] });
}

/** @param {string} model @param {AbortSignal} [signal] */
function openStream(model, signal) {
  return undiciFetch(`${app.appUrl}/api/openrouter/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: chatBody(model),
    signal,
    dispatcher: client,
  });
}

/** @param {number} size */
async function holdStreams(size) {
  await resetMock();
  const rssBefore = residentKilobytes(app.appPid);
  const started = performance.now();
  const firstBytes = /** @type {number[]} */ ([]);
  let errors = 0;
  let peakRss = rssBefore;
  const sampler = setInterval(
    () => (peakRss = Math.max(peakRss, residentKilobytes(app.appPid))),
    200,
  );
  await Promise.all(
    Array.from({ length: size }, async () => {
      try {
        const response = await openStream('mock/held-chunks-30-delay-1000');
        if (!response.ok || !response.body) throw new Error(String(response.status));
        const reader = response.body.getReader();
        await reader.read();
        firstBytes.push(performance.now() - started);
        while (!(await reader.read()).done);
      } catch {
        errors += 1;
      }
    }),
  );
  clearInterval(sampler);
  const growth = Math.max(0, peakRss - rssBefore);
  return {
    size,
    errors,
    firstByteP50: percentile(firstBytes, 50),
    firstByteP99: percentile(firstBytes, 99),
    rssGrowthKilobytes: growth,
    kilobytesPerStream: growth / size,
  };
}

/** @param {number} clients @param {'mid-stream' | 'before first byte'} kind */
async function abortStreams(clients, kind) {
  await resetMock();
  const model = kind === 'mid-stream' ? 'mock/abort-chunks-400-delay-50' : 'mock/abort-wait-30000';
  const controllers = Array.from({ length: clients }, () => new AbortController());
  const pending = controllers.map(async (controller) => {
    try {
      const response = await openStream(model, controller.signal);
      await response.body?.getReader().read();
    } catch {
      // aborted on purpose
    }
  });
  // Let every call reach the mock (streaming, or waiting to answer).
  for (let attempt = 0; attempt < 100 && (await mockStats()).open < clients; attempt++)
    await sleep(100);
  const abortedAt = performance.now();
  for (const controller of controllers) controller.abort();
  await Promise.all(pending);
  let closedWithinMs = Number.NaN;
  for (let attempt = 0; attempt < 200; attempt++) {
    if ((await mockStats()).open === 0) {
      closedWithinMs = performance.now() - abortedAt;
      break;
    }
    await sleep(25);
  }
  return { kind, clients, closedWithinMs, leftOpen: (await mockStats()).open };
}

async function resetMock() {
  await fetch(`${app.mockUrl}/__mock/reset`, { method: 'POST' });
}

/** @returns {Promise<{ open: number, aborted: number }>} */
async function mockStats() {
  return /** @type {Promise<{ open: number, aborted: number }>} */ (
    (await fetch(`${app.mockUrl}/__mock/stats`)).json()
  );
}

/** @param {number | undefined} pid */
function residentKilobytes(pid) {
  if (!pid) return 0;
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : 0;
}
