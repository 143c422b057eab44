// @ts-check
/**
 * Compares the latest benchmark results (bench/results/*.json, written by `npm run bench`) with
 * Parley's budgets and exits non-zero when a figure is out of budget. Run by hand and before
 * releases, not in CI: CI machines are too noisy for timings.
 */
import { existsSync, readFileSync } from 'node:fs';

/** @param {string} name */
function results(name) {
  const url = new URL(`results/${name}.json`, import.meta.url);
  return existsSync(url) ? JSON.parse(readFileSync(url, 'utf8')) : undefined;
}

/** @type {Array<{ budget: string, value: number | undefined, limit: number, unit: string }>} */
const checks = [];
/** @param {string} budget @param {number | undefined} value @param {number} limit @param {string} unit */
const check = (budget, value, limit, unit) => checks.push({ budget, value, limit, unit });

const gateway = results('gateway');
/** @param {string} name */
const scenario = (name) =>
  /** @type {Record<'pipe' | 'node' | 'next', Record<string, number>> | undefined} */ (
    gateway?.results?.find((/** @type {{ name: string }} */ row) => row.name === name)
  );
const burst10 = scenario('burst 200 chunks, c=10');
const burst100 = scenario('burst 200 chunks, c=100');
const paced100 = scenario('paced 200×5 ms, c=100');
check(
  'npm start, burst c=10: added first byte p50 over the pipe',
  burst10?.node.addedFirstByteP50,
  2,
  'ms',
);
check('npm start, burst c=10: total time / the pipe’s', burst10?.node.totalRatio, 1.5, '×');
check(
  'npm start, burst c=10: the pipe’s streams/s / gateway’s (≥ 0.7 → ≤ 1.43)',
  burst10?.node.streamsPerSecondRatio ? 1 / burst10.node.streamsPerSecondRatio : undefined,
  1 / 0.7,
  '×',
);
check('npm start, burst c=10: CPU per stream / the pipe’s', burst10?.node.cpuRatio, 1.5, '×');
check('npm start, paced c=100: added first byte p50', paced100?.node.addedFirstByteP50, 5, 'ms');
check('npm start, paced c=100: total time / the pipe’s', paced100?.node.totalRatio, 1.01, '×');
check('npm start, paced c=100: CPU per stream / the pipe’s', paced100?.node.cpuRatio, 1.5, '×');
check('npm start: RSS at c=100', gateway?.memory?.nodePeakC100Mb, 200, 'MB');
check(
  '1,000 streams at once: first byte p50 / the pipe’s',
  gateway ? gateway.arriving.node.firstByteP50 / gateway.arriving.pipe.firstByteP50 : undefined,
  1.5,
  '×',
);
check('2,000 held streams: memory per stream', gateway?.held?.node?.kilobytesPerStream, 100, 'KB');
for (const row of gateway?.aborts ?? [])
  check(`1,000 aborts ${row.kind}: upstream calls left open`, row.leftOpen, 0, '');
// The route handler (Vercel's path) against NextChat's proxy, measured on this machine against
// the same bare pipe (issue 13): NextChat added 19.7 ms / 162 ms of first byte at c=10 / c=100,
// and took 2.59× / 3.19× the pipe's total time.
check(
  'route handler, burst c=10: added first byte (NextChat +19.7)',
  burst10?.next.addedFirstByteP50,
  19.7,
  'ms',
);
check(
  'route handler, burst c=10: total ratio (NextChat 2.59×)',
  burst10?.next.totalRatio,
  2.59,
  '×',
);
check(
  'route handler, burst c=100: added first byte (NextChat +162)',
  burst100?.next.addedFirstByteP50,
  162,
  'ms',
);
check(
  'route handler, burst c=100: total ratio (NextChat 3.19×)',
  burst100?.next.totalRatio,
  3.19,
  '×',
);

const chat = results('chat-render')?.results ?? [];
const small = chat.find((/** @type {{ history: number }} */ row) => row.history === 20);
for (const history of [200, 2000]) {
  const large = chat.find((/** @type {{ history: number }} */ row) => row.history === history);
  check(
    `chat: main-thread time per second of streaming (${history} messages)`,
    large?.busyPerSecond,
    100,
    'ms',
  );
  check(`chat: longest task while streaming (${history} messages)`, large?.longestTask, 50, 'ms');
  check(
    `chat: ${history}-message / 20-message main-thread ratio`,
    large && small ? large.busyPerSecond / small.busyPerSecond : undefined,
    1.5,
    '×',
  );
}

const page = results('page-load')?.results ?? [];
const empty = page.find((/** @type {{ stored: number }} */ row) => row.stored === 0);
const full = page.find((/** @type {{ stored: number }} */ row) => row.stored === 1000);
check('page: JavaScript on a cold load (gzip)', empty?.scriptKilobytes, 180, 'KB');
check(
  'page: time to usable, 1,000 conversations / empty',
  full && empty ? full.interactiveMs / empty.interactiveMs : undefined,
  1.5,
  '×',
);

let failed = 0;
for (const { budget, value, limit, unit } of checks) {
  const verdict = value === undefined ? 'MISSING' : value <= limit ? 'ok' : 'OVER';
  if (verdict !== 'ok') failed += 1;
  const shown = value === undefined ? '—' : `${value.toFixed(2)}${unit}`;
  console.log(
    `${verdict.padEnd(8)} ${budget.padEnd(62)} ${shown.padStart(12)}  (budget ≤ ${limit}${unit})`,
  );
}
console.log(`\n${checks.length - failed} within budget, ${failed} not`);
process.exit(failed > 0 ? 1 : 0);
