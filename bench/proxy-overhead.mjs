// @ts-check
/**
 * Gateway overhead: N concurrent streams through `/api/openrouter` versus straight to the mock
 * upstream, interleaved A/B in one run so both sides see the same machine load.
 *
 *   npm run build && node bench/proxy-overhead.mjs [--concurrency 1,50] [--rounds 20]
 *                                                   [--chunks 200] [--delay 0]
 *
 * Prints, per concurrency: the time to first byte and total time of each side (p50/p99), the
 * added first byte (gateway minus direct), and the total-time ratio. Writes the figures to
 * bench/results/proxy-overhead.json. Not part of CI: figures, not assertions.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { percentile, startApp } from './lib/start-app.mjs';

const options = parseArguments(process.argv.slice(2));
const root = new URL('..', import.meta.url);

// The mock, the gateway and this client each get their own process, as they would in production.
const app = await startApp();
const upstream = { url: app.mockUrl };
try {
  const appUrl = app.appUrl;
  const model = `mock/bench-chunks-${options.chunks}-delay-${options.delay}`;
  const targets = {
    direct: `${upstream.url}/api/v1/chat/completions`,
    gateway: `${appUrl}/api/openrouter/chat/completions`,
  };
  const body = JSON.stringify({
    model,
    stream: true,
    messages: [{ role: 'user', content: 'bench' }],
  });

  // Warm both paths (route compilation, connection pools) before measuring.
  for (const url of Object.values(targets)) await runBatch(url, body, 4);

  const results = [];
  for (const concurrency of options.concurrency) {
    /** @type {{ direct: Sample[], gateway: Sample[] }} */
    const samples = { direct: [], gateway: [] };
    const wall = { direct: 0, gateway: 0 };
    let gatewayCpuMs = 0;
    // Fewer rounds at high concurrency keep the run short; each round is still interleaved.
    const rounds = Math.max(2, Math.min(options.rounds, Math.ceil(2000 / concurrency)));
    for (let round = 0; round < rounds; round++) {
      /** @type {Array<'direct' | 'gateway'>} */
      const order = round % 2 === 0 ? ['direct', 'gateway'] : ['gateway', 'direct'];
      for (const side of order) {
        const cpuBefore = side === 'gateway' ? processCpuMs(app.appPid) : 0;
        const started = performance.now();
        samples[side].push(...(await runBatch(targets[side], body, concurrency)));
        wall[side] += performance.now() - started;
        if (side === 'gateway') gatewayCpuMs += processCpuMs(app.appPid) - cpuBefore;
      }
    }
    results.push({
      ...summarise(concurrency, samples),
      gatewayRequestsPerSecond: (samples.gateway.length / wall.gateway) * 1000,
      directRequestsPerSecond: (samples.direct.length / wall.direct) * 1000,
      gatewayCpuMsPerRequest: gatewayCpuMs / samples.gateway.length,
    });
  }

  printTable(results);
  mkdirSync(new URL('bench/results/', root), { recursive: true });
  writeFileSync(
    new URL(`bench/results/proxy-overhead-delay-${options.delay}.json`, root),
    JSON.stringify({ options, node: process.version, results }, null, 2),
  );
} finally {
  app.stop();
}

/** @typedef {{ firstByteMs: number, totalMs: number, bytes: number }} Sample */

/**
 * CPU time (user + system) the app server process has used, from /proc (Linux), in ms.
 * @param {number | undefined} pid
 */
function processCpuMs(pid) {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100;
  } catch {
    return 0;
  }
}

/**
 * @param {string} url
 * @param {string} body
 * @param {number} concurrency
 * @returns {Promise<Sample[]>}
 */
async function runBatch(url, body, concurrency) {
  return Promise.all(Array.from({ length: concurrency }, () => measureStream(url, body)));
}

/**
 * @param {string} url
 * @param {string} body
 * @returns {Promise<Sample>}
 */
async function measureStream(url, body) {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  if (!response.ok || !response.body) throw new Error(`${url} answered ${response.status}`);
  const reader = response.body.getReader();
  let firstByteMs = -1;
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (firstByteMs < 0) firstByteMs = performance.now() - started;
    bytes += value.byteLength;
  }
  return { firstByteMs, totalMs: performance.now() - started, bytes };
}

/**
 * @param {number} concurrency
 * @param {{ direct: Sample[], gateway: Sample[] }} samples
 */
function summarise(concurrency, samples) {
  const side = (/** @type {Sample[]} */ list) => ({
    firstByteP50: percentile(
      list.map((sample) => sample.firstByteMs),
      50,
    ),
    firstByteP99: percentile(
      list.map((sample) => sample.firstByteMs),
      99,
    ),
    totalP50: percentile(
      list.map((sample) => sample.totalMs),
      50,
    ),
    totalMean: list.reduce((sum, sample) => sum + sample.totalMs, 0) / list.length,
  });
  const direct = side(samples.direct);
  const gateway = side(samples.gateway);
  // Ids and timestamps differ per response, so the sizes match only roughly; a gateway that
  // dropped or rewrote events would show here.
  const directBytes = samples.direct[0]?.bytes ?? 0;
  const gatewayBytes = samples.gateway[0]?.bytes ?? 0;
  if (directBytes === 0 || Math.abs(gatewayBytes - directBytes) / directBytes > 0.02) {
    throw new Error(`Byte counts differ: direct ${directBytes}, gateway ${gatewayBytes}.`);
  }
  return {
    concurrency,
    streams: samples.direct.length,
    direct,
    gateway,
    addedFirstByteP50: gateway.firstByteP50 - direct.firstByteP50,
    addedFirstByteP99: gateway.firstByteP99 - direct.firstByteP99,
    totalRatio: gateway.totalMean / direct.totalMean,
  };
}

/** @param {Array<ReturnType<typeof summarise> & { gatewayRequestsPerSecond: number, directRequestsPerSecond: number, gatewayCpuMsPerRequest: number }>} results */
function printTable(results) {
  const format = (/** @type {number} */ value) => value.toFixed(2).padStart(9);
  console.log(
    `\nproxy overhead: ${options.chunks} chunks, ${options.delay} ms apart, ${options.rounds} interleaved rounds, ${process.version}\n`,
  );
  console.log(
    'concurrency  streams  direct TTFB p50/p99 (ms)  gateway TTFB p50/p99 (ms)  added TTFB p50/p99 (ms)  total ratio  streams/s direct/gateway  gateway CPU ms/stream',
  );
  for (const result of results) {
    console.log(
      [
        String(result.concurrency).padStart(11),
        String(result.streams).padStart(8),
        `${format(result.direct.firstByteP50)} /${format(result.direct.firstByteP99)}`.padStart(25),
        `${format(result.gateway.firstByteP50)} /${format(result.gateway.firstByteP99)}`.padStart(
          26,
        ),
        `${format(result.addedFirstByteP50)} /${format(result.addedFirstByteP99)}`.padStart(24),
        result.totalRatio.toFixed(3).padStart(12),
        `${result.directRequestsPerSecond.toFixed(0)} / ${result.gatewayRequestsPerSecond.toFixed(0)}`.padStart(
          25,
        ),
        result.gatewayCpuMsPerRequest.toFixed(2).padStart(22),
      ].join(' '),
    );
  }
}

/** @param {string[]} argv */
function parseArguments(argv) {
  /** @type {Record<string, string>} */
  const named = {};
  for (let index = 0; index < argv.length; index += 2) {
    const name = argv[index]?.replace(/^--/, '');
    const value = argv[index + 1];
    if (!name || value === undefined) throw new Error(`Missing value for ${argv[index]}`);
    named[name] = value;
  }
  const concurrency = (named.concurrency ?? '1,50').split(',').map(Number);
  const numbers = {
    rounds: Number(named.rounds ?? 20),
    chunks: Number(named.chunks ?? 200),
    delay: Number(named.delay ?? 0),
  };
  if (
    [...concurrency, ...Object.values(numbers)].some(
      (value) => !Number.isInteger(value) || value < 0,
    )
  ) {
    throw new Error('--concurrency, --rounds, --chunks and --delay take whole numbers');
  }
  return { concurrency, ...numbers };
}
