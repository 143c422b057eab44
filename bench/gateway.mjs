// @ts-check
/**
 * The gateway against a bare Node pipe, in one run, interleaved: the same mock upstream, the
 * same client, the stream limits raised so every request is a stream. Three sides:
 *
 *   pipe   bench/lib/bare-pipe.mjs, the reference (forwards, checks nothing)
 *   node   `npm start` (server.mjs with the Node transport, the default)
 *   next   `npm start` with GATEWAY_TRANSPORT=next: the route handler, Vercel's path
 *
 *   npm run build && node bench/gateway.mjs [--quick]
 *
 * Prints, per scenario and side: first byte p50, total time, streams/s and the serving process's
 * CPU per stream (from /proc), then memory (RSS at c=100 and after), 1,000 streams arriving at
 * once, 2,000 held streams, and 1,000 clients leaving mid-stream and before the first byte. Writes bench/results/gateway.json. Figures, not
 * assertions; `bench:check` compares them with the targets.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent } from 'undici';
import { cpuMs, rssMb, timedStream } from './lib/measure.mjs';
import { freePort, percentile, startApp, startMock } from './lib/start-app.mjs';

const quick = process.argv.includes('--quick');
const root = new URL('..', import.meta.url);
// One client process holds thousands of sockets: no per-origin pool limit.
const client = new Agent({ connections: null, pipelining: 0, keepAliveTimeout: 10_000 });

const mock = await startMock();
const pipePort = await freePort();
const pipe = spawn(
  'node',
  ['bench/lib/bare-pipe.mjs', '--port', String(pipePort), '--upstream', `${mock.url}/api/v1`],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
);
const node = await startApp({}, { mockUrl: mock.url });
const next = await startApp({ GATEWAY_TRANSPORT: 'next' }, { mockUrl: mock.url });

/** @typedef {'pipe' | 'node' | 'next'} SideName */
/** @type {Record<SideName, { url: string, pid: number | undefined }>} */
const sides = {
  pipe: { url: `http://127.0.0.1:${pipePort}`, pid: pipe.pid },
  node: { url: node.appUrl, pid: node.appPid },
  next: { url: next.appUrl, pid: next.appPid },
};
/** @type {SideName[]} */
const allSides = ['pipe', 'node', 'next'];

try {
  await sleep(500);
  // Warm every path (route compilation, connection pools) before measuring.
  for (const side of allSides) await batch(side, 'mock/bench-chunks-20-delay-0', 20);

  const scenarios = [
    { name: 'burst 200 chunks, c=10', model: 'mock/bench-chunks-200-delay-0', c: 10, rounds: 40 },
    { name: 'burst 200 chunks, c=100', model: 'mock/bench-chunks-200-delay-0', c: 100, rounds: 8 },
    { name: 'paced 200×5 ms, c=100', model: 'mock/bench-chunks-200-delay-5', c: 100, rounds: 4 },
  ].map((scenario) => (quick ? { ...scenario, rounds: Math.ceil(scenario.rounds / 4) } : scenario));

  const results = [];
  const memory = { nodeIdleMb: rssMb(sides.node.pid), nodePeakC100Mb: 0, nodeAfter10sMb: 0 };
  for (const scenario of scenarios) {
    const row = await interleaved(scenario, (side) => {
      if (side === 'node' && scenario.c === 100) {
        memory.nodePeakC100Mb = Math.max(memory.nodePeakC100Mb, rssMb(sides.node.pid));
      }
    });
    results.push(row);
    printScenario(row);
  }
  await sleep(10_000);
  memory.nodeAfter10sMb = rssMb(sides.node.pid);
  console.log(
    `\nnode RSS: idle ${memory.nodeIdleMb.toFixed(0)} MB, peak at c=100 ${memory.nodePeakC100Mb.toFixed(0)} MB, 10 s after ${memory.nodeAfter10sMb.toFixed(0)} MB`,
  );

  const arriving = {
    pipe: await arriveAtOnce('pipe', quick ? 300 : 1000),
    node: await arriveAtOnce('node', quick ? 300 : 1000),
  };
  console.log(
    `\n${quick ? 300 : 1000} streams at once (20×200 ms): first byte p50 pipe ${arriving.pipe.firstByteP50.toFixed(0)} ms, node ${arriving.node.firstByteP50.toFixed(0)} ms (${(arriving.node.firstByteP50 / arriving.pipe.firstByteP50).toFixed(2)}×); errors ${arriving.pipe.errors}/${arriving.node.errors}`,
  );
  const held = {
    pipe: await holdStreams('pipe', quick ? 500 : 2000),
    node: await holdStreams('node', quick ? 500 : 2000),
  };
  console.log(
    `held streams: ${held.node.streams}: node ${held.node.kilobytesPerStream.toFixed(1)} KB each, pipe ${held.pipe.kilobytesPerStream.toFixed(1)} KB each; errors ${held.pipe.errors}/${held.node.errors}`,
  );
  const aborts = [];
  for (const kind of /** @type {const} */ (['mid-stream', 'before first byte'])) {
    const row = await abortStreams('node', quick ? 300 : 1000, kind);
    aborts.push(row);
    console.log(
      `aborts ${kind}: ${row.clients} clients left, ${row.leftOpen} upstream calls left open`,
    );
  }

  mkdirSync(new URL('bench/results/', root), { recursive: true });
  writeFileSync(
    new URL('bench/results/gateway.json', root),
    JSON.stringify(
      { node: process.version, quick, results, memory, arriving, held, aborts },
      null,
      2,
    ),
  );
} finally {
  node.stop();
  next.stop();
  pipe.kill('SIGTERM');
  mock.stop();
  await client.close();
}

/**
 * One scenario, each round running every side in a rotating order, so all see the same load.
 * @param {{ name: string, model: string, c: number, rounds: number }} scenario
 * @param {(side: SideName) => void} sample called while a side's batch runs
 */
async function interleaved(scenario, sample) {
  /** @type {Record<SideName, { firstBytes: number[], totals: number[], wallMs: number, cpuMs: number, streams: number }>} */
  const figures = {
    pipe: { firstBytes: [], totals: [], wallMs: 0, cpuMs: 0, streams: 0 },
    node: { firstBytes: [], totals: [], wallMs: 0, cpuMs: 0, streams: 0 },
    next: { firstBytes: [], totals: [], wallMs: 0, cpuMs: 0, streams: 0 },
  };
  for (let round = 0; round < scenario.rounds; round++) {
    const order = allSides.map((_, index) => allSides[(index + round) % allSides.length]);
    for (const side of order) {
      if (!side) continue;
      const cpuBefore = cpuMs(sides[side].pid);
      const started = performance.now();
      const sampler = setInterval(() => sample(side), 100);
      const samples = await batch(side, scenario.model, scenario.c);
      clearInterval(sampler);
      const figure = figures[side];
      figure.wallMs += performance.now() - started;
      figure.cpuMs += cpuMs(sides[side].pid) - cpuBefore;
      figure.streams += samples.length;
      for (const one of samples) {
        figure.firstBytes.push(one.firstByteMs);
        figure.totals.push(one.totalMs);
      }
    }
  }
  const summary = (/** @type {SideName} */ side) => {
    const figure = figures[side];
    return {
      firstByteP50: percentile(figure.firstBytes, 50),
      totalP50: percentile(figure.totals, 50),
      totalMean: figure.totals.reduce((sum, value) => sum + value, 0) / figure.totals.length,
      streamsPerSecond: (figure.streams / figure.wallMs) * 1000,
      cpuMsPerStream: figure.cpuMs / figure.streams,
    };
  };
  const pipeSummary = summary('pipe');
  const versus = (/** @type {SideName} */ side) => {
    const own = summary(side);
    return {
      ...own,
      addedFirstByteP50: own.firstByteP50 - pipeSummary.firstByteP50,
      totalRatio: own.totalMean / pipeSummary.totalMean,
      streamsPerSecondRatio: own.streamsPerSecond / pipeSummary.streamsPerSecond,
      cpuRatio: own.cpuMsPerStream / pipeSummary.cpuMsPerStream,
    };
  };
  return { ...scenario, pipe: pipeSummary, node: versus('node'), next: versus('next') };
}

/** @param {Awaited<ReturnType<typeof interleaved>>} row */
function printScenario(row) {
  console.log(`\n${row.name} (${row.rounds} rounds interleaved, ${process.version})`);
  console.log(
    'side   first byte p50  added vs pipe  total mean  ratio   streams/s  ratio  CPU ms/stream  ratio',
  );
  for (const side of allSides) {
    const figure = row[side];
    const added = 'addedFirstByteP50' in figure ? figure.addedFirstByteP50 : 0;
    const ratio = (/** @type {string} */ key) =>
      key in figure ? Number(figure[/** @type {keyof typeof figure} */ (key)]).toFixed(2) : '1.00';
    console.log(
      [
        side.padEnd(5),
        `${figure.firstByteP50.toFixed(2)} ms`.padStart(15),
        `${added >= 0 ? '+' : ''}${added.toFixed(2)} ms`.padStart(14),
        `${figure.totalMean.toFixed(1)} ms`.padStart(11),
        `${ratio('totalRatio')}×`.padStart(6),
        figure.streamsPerSecond.toFixed(0).padStart(11),
        `${ratio('streamsPerSecondRatio')}×`.padStart(6),
        figure.cpuMsPerStream.toFixed(2).padStart(14),
        `${ratio('cpuRatio')}×`.padStart(6),
      ].join(' '),
    );
  }
}

/**
 * @param {SideName} side
 * @param {string} model
 * @param {AbortSignal} [signal]
 * @param {(firstByteMs: number) => Promise<void> | void} [onFirstByte]
 */
function stream(side, model, signal, onFirstByte) {
  return timedStream(sides[side].url, model, { dispatcher: client, signal, onFirstByte });
}

/** @param {SideName} side @param {string} model @param {number} concurrency */
function batch(side, model, concurrency) {
  return Promise.all(Array.from({ length: concurrency }, () => stream(side, model)));
}

/** @param {SideName} side @param {number} count */
async function arriveAtOnce(side, count) {
  await resetMock();
  const firstBytes = /** @type {number[]} */ ([]);
  let errors = 0;
  await Promise.all(
    Array.from({ length: count }, () =>
      stream(side, 'mock/held-chunks-20-delay-200').then(
        (sample) => firstBytes.push(sample.firstByteMs),
        () => (errors += 1),
      ),
    ),
  );
  return { count, errors, firstByteP50: percentile(firstBytes, 50) };
}

/** RSS growth of the serving process while `count` slow streams are all open, per stream. */
async function holdStreams(/** @type {SideName} */ side, /** @type {number} */ count) {
  await resetMock();
  await sleep(2000);
  const before = rssMb(sides[side].pid);
  let opened = 0;
  let errors = 0;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(sides[side].pid))), 100);
  await Promise.all(
    Array.from({ length: count }, () =>
      stream(side, 'mock/held-chunks-12-delay-1000', undefined, () => {
        opened += 1;
      }).catch(() => (errors += 1)),
    ),
  );
  clearInterval(sampler);
  return {
    streams: count,
    opened,
    errors,
    kilobytesPerStream: (Math.max(0, peak - before) * 1024) / count,
  };
}

/**
 * Clients that leave, mid-stream or before the first byte: every upstream call must be closed
 * after (the gateway aborts it; it must not keep generating for nobody).
 * @param {SideName} side @param {number} clients @param {'mid-stream' | 'before first byte'} kind
 */
async function abortStreams(side, clients, kind) {
  await resetMock();
  const controllers = Array.from({ length: clients }, () => new AbortController());
  const model = kind === 'mid-stream' ? 'mock/abort-chunks-400-delay-50' : 'mock/abort-wait-30000';
  const pending = controllers.map((controller) =>
    stream(side, model, controller.signal, () => controller.abort()).catch(() => undefined),
  );
  if (kind === 'before first byte') {
    // Every call waits at the mock for its answer; then every client leaves.
    for (let attempt = 0; attempt < 100 && (await mockStats()).open < clients; attempt++)
      await sleep(100);
    for (const controller of controllers) controller.abort();
  }
  await Promise.all(pending);
  let leftOpen = -1;
  for (let attempt = 0; attempt < 200; attempt++) {
    leftOpen = (await mockStats()).open;
    if (leftOpen === 0) break;
    await sleep(25);
  }
  return { kind, clients, leftOpen };
}

async function resetMock() {
  await fetch(`${mock.url}/__mock/reset`, { method: 'POST' });
}

/** @returns {Promise<{ open: number }>} */
async function mockStats() {
  return /** @type {Promise<{ open: number }>} */ (
    (await fetch(`${mock.url}/__mock/stats`)).json()
  );
}
