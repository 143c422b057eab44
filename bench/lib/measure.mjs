// @ts-check
/** What the gateway benchmarks measure with: one timed stream, a process's CPU time and memory. */
import { readFileSync } from 'node:fs';
import { request } from 'undici';

/**
 * One chat stream through a gateway, read to the end: when its first byte came and when it ended.
 * @param {string} baseUrl
 * @param {string} model
 * @param {{ dispatcher: import('undici').Dispatcher, headers?: Record<string, string>,
 *   signal?: AbortSignal, onFirstByte?: (firstByteMs: number) => Promise<void> | void }} options
 */
export async function timedStream(baseUrl, model, options) {
  const started = performance.now();
  const answer = await request(`${baseUrl}/api/openrouter/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: JSON.stringify({ model, stream: true, messages: [{ role: 'user', content: 'bench' }] }),
    dispatcher: options.dispatcher,
    signal: options.signal,
  });
  if (answer.statusCode !== 200) {
    await answer.body.dump();
    throw new Error(`${baseUrl} answered ${answer.statusCode}`);
  }
  let firstByteMs = -1;
  let bytes = 0;
  for await (const chunk of answer.body) {
    if (firstByteMs < 0) {
      firstByteMs = performance.now() - started;
      await options.onFirstByte?.(firstByteMs);
    }
    bytes += chunk.byteLength;
  }
  return { firstByteMs, totalMs: performance.now() - started, bytes };
}

/** CPU time (user + system) a process has used, from /proc (Linux), in ms. */
export function cpuMs(/** @type {number | undefined} */ pid) {
  if (!pid) return 0;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** Resident memory of a process, in MB. */
export function rssMb(/** @type {number | undefined} */ pid) {
  if (!pid) return 0;
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) / 1024;
}
