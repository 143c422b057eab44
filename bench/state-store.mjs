// @ts-check
/**
 * What the shared store costs per request: `npm start` keeping its state in memory against
 * `npm start` with REDIS_URL (a real redis-server on loopback), in one run, interleaved, the
 * same mock upstream and client. Both require an access code, so each request pays the whole
 * admission: the lockout check and a stream lease (one round trip before the upstream call),
 * then the lease's release after the stream.
 *
 *   npm run build && node bench/state-store.mjs [--quick]
 *
 * Prints per scenario: first byte p50 and the store's addition, total time, the app's CPU per
 * stream, Redis's CPU per request and the round trips per request. Writes
 * bench/results/state-store.json. Figures, not assertions.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent } from 'undici';
import { cpuMs, timedStream } from './lib/measure.mjs';
import { startRedis } from './lib/redis.mjs';
import { percentile, startApp, startMock } from './lib/start-app.mjs';

const quick = process.argv.includes('--quick');
const root = new URL('..', import.meta.url);
const client = new Agent({ connections: null, pipelining: 0, keepAliveTimeout: 10_000 });
const code = 'bench-access-code-1';

const redis = await startRedis();
const mock = await startMock();
const settings = { CODE: code };
const memory = await startApp(settings, { mockUrl: mock.url });
const shared = await startApp({ ...settings, REDIS_URL: redis.url }, { mockUrl: mock.url });

/** @typedef {'memory' | 'redis'} SideName */
/** @type {Record<SideName, { url: string, pid: number | undefined }>} */
const sides = {
  memory: { url: memory.appUrl, pid: memory.appPid },
  redis: { url: shared.appUrl, pid: shared.appPid },
};
/** @type {SideName[]} */
const allSides = ['memory', 'redis'];

try {
  await sleep(500);
  for (const side of allSides) await batch(side, 'mock/bench-chunks-20-delay-0', 20);

  const scenarios = [
    { name: 'burst 20 chunks, c=10', model: 'mock/bench-chunks-20-delay-0', c: 10, rounds: 60 },
    { name: 'burst 20 chunks, c=100', model: 'mock/bench-chunks-20-delay-0', c: 100, rounds: 12 },
    { name: 'burst 200 chunks, c=10', model: 'mock/bench-chunks-200-delay-0', c: 10, rounds: 30 },
  ].map((scenario) => (quick ? { ...scenario, rounds: Math.ceil(scenario.rounds / 4) } : scenario));

  const results = [];
  for (const scenario of scenarios) {
    const row = await interleaved(scenario);
    results.push(row);
    print(row);
  }
  mkdirSync(new URL('bench/results/', root), { recursive: true });
  writeFileSync(
    new URL('bench/results/state-store.json', root),
    JSON.stringify({ node: process.version, quick, results }, null, 2),
  );
} finally {
  memory.stop();
  shared.stop();
  mock.stop();
  redis.stop();
  await client.close();
}

/** @param {{ name: string, model: string, c: number, rounds: number }} scenario */
async function interleaved(scenario) {
  /** @type {Record<SideName, { firstBytes: number[], totals: number[], cpuMs: number, streams: number }>} */
  const figures = {
    memory: { firstBytes: [], totals: [], cpuMs: 0, streams: 0 },
    redis: { firstBytes: [], totals: [], cpuMs: 0, streams: 0 },
  };
  let redisCpu = 0;
  const callsBefore = await storeCalls();
  for (let round = 0; round < scenario.rounds; round++) {
    const order = round % 2 === 0 ? allSides : [...allSides].reverse();
    for (const side of order) {
      const cpuBefore = cpuMs(sides[side].pid);
      const redisBefore = cpuMs(redis.pid);
      const samples = await batch(side, scenario.model, scenario.c);
      const figure = figures[side];
      figure.cpuMs += cpuMs(sides[side].pid) - cpuBefore;
      if (side === 'redis') redisCpu += cpuMs(redis.pid) - redisBefore;
      figure.streams += samples.length;
      for (const one of samples) {
        figure.firstBytes.push(one.firstByteMs);
        figure.totals.push(one.totalMs);
      }
    }
  }
  const calls = (await storeCalls()) - callsBefore;
  const summary = (/** @type {SideName} */ side) => {
    const figure = figures[side];
    return {
      firstByteP50: percentile(figure.firstBytes, 50),
      totalMean: figure.totals.reduce((sum, value) => sum + value, 0) / figure.totals.length,
      cpuMsPerStream: figure.cpuMs / figure.streams,
    };
  };
  const inMemory = summary('memory');
  const withRedis = summary('redis');
  return {
    ...scenario,
    memory: inMemory,
    redis: {
      ...withRedis,
      addedFirstByteP50: withRedis.firstByteP50 - inMemory.firstByteP50,
      totalRatio: withRedis.totalMean / inMemory.totalMean,
      cpuRatio: withRedis.cpuMsPerStream / inMemory.cpuMsPerStream,
      redisCpuMsPerRequest: redisCpu / figures.redis.streams,
      storeCallsPerRequest: calls / figures.redis.streams,
    },
  };
}

/** @param {Awaited<ReturnType<typeof interleaved>>} row */
function print(row) {
  const { memory: own, redis: store } = row;
  console.log(`\n${row.name} (${row.rounds} rounds interleaved, ${process.version})`);
  console.log(
    `first byte p50: memory ${own.firstByteP50.toFixed(2)} ms, redis ${store.firstByteP50.toFixed(2)} ms (${store.addedFirstByteP50 >= 0 ? '+' : ''}${store.addedFirstByteP50.toFixed(2)} ms)`,
  );
  console.log(
    `total mean: memory ${own.totalMean.toFixed(1)} ms, redis ${store.totalMean.toFixed(1)} ms (${store.totalRatio.toFixed(3)}×)`,
  );
  console.log(
    `app CPU per stream: memory ${own.cpuMsPerStream.toFixed(2)} ms, redis ${store.cpuMsPerStream.toFixed(2)} ms (${store.cpuRatio.toFixed(2)}×); redis-server CPU ${store.redisCpuMsPerRequest.toFixed(3)} ms and ${store.storeCallsPerRequest.toFixed(2)} round trips per request`,
  );
}

/** @param {SideName} side @param {string} model @param {number} concurrency */
function batch(side, model, concurrency) {
  return Promise.all(
    Array.from({ length: concurrency }, () =>
      timedStream(sides[side].url, model, {
        dispatcher: client,
        headers: { 'x-access-code': code },
      }),
    ),
  );
}

/**
 * Round trips the instances made, from INFO commandstats: the scripts they run (the commands a
 * script runs inside the store are counted apart by Redis, and are not round trips).
 */
async function storeCalls() {
  const info = await redis.command('INFO commandstats');
  let calls = 0;
  for (const match of info.matchAll(/cmdstat_(evalsha|eval):calls=(\d+)/g)) {
    calls += Number(match[2]);
  }
  return calls;
}
