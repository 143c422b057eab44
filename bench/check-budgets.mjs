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

const burst = results('proxy-overhead-delay-0')?.results ?? [];
const paced = results('proxy-overhead-delay-5')?.results ?? [];
/** @param {Array<{ concurrency: number }>} rows @param {number} concurrency */
const at = (rows, concurrency) =>
  /** @type {Record<string, number> | undefined} */ (
    rows.find((row) => row.concurrency === concurrency)
  );
check('burst: added p50 first byte at concurrency 10', at(burst, 10)?.addedFirstByteP50, 3, 'ms');
check(
  'burst: added p50 first byte at concurrency 100',
  at(burst, 100)?.addedFirstByteP50,
  20,
  'ms',
);
check('burst: total-time ratio at concurrency 10', at(burst, 10)?.totalRatio, 2, '×');
check('paced: total-time ratio at concurrency 100', at(paced, 100)?.totalRatio, 1.02, '×');
check(
  'paced: added p50 first byte at concurrency 100',
  at(paced, 100)?.addedFirstByteP50,
  10,
  'ms',
);

const held = results('held-streams');
const largest = held?.held?.find((/** @type {{ size: number }} */ row) => row.size === 2000);
check('2,000 held streams: errors', largest?.errors, 0, '');
check('2,000 held streams: memory per stream', largest?.kilobytesPerStream, 100, 'KB');
for (const row of held?.aborts ?? [])
  check(`aborts ${row.kind}: upstream calls left open`, row.leftOpen, 0, '');

const chat = results('chat-render')?.results ?? [];
const small = chat.find((/** @type {{ history: number }} */ row) => row.history === 20);
const large = chat.find((/** @type {{ history: number }} */ row) => row.history === 200);
check(
  'chat: main-thread time per second of streaming (200 messages)',
  large?.busyPerSecond,
  100,
  'ms',
);
check('chat: longest task (200 messages)', large?.longestTask, 100, 'ms');
check(
  'chat: 200-message / 20-message main-thread ratio',
  large && small ? large.busyPerSecond / small.busyPerSecond : undefined,
  1.5,
  '×',
);

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
