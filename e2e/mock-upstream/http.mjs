// @ts-check
/**
 * HTTP plumbing shared by every dialect of the mock upstream: reading and recording a request,
 * writing JSON, and writing a paced SSE stream that stops when the client leaves.
 */
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * @typedef {object} RecordedRequest
 * @property {string} method
 * @property {string} path Pathname only.
 * @property {Record<string, string>} query
 * @property {Record<string, string>} headers Lower-case names; repeated headers joined by ", ".
 * @property {unknown} body The parsed JSON body, or null when it is empty or not JSON.
 * @property {string} rawBody
 * @property {number} receivedAt Epoch milliseconds.
 */

/**
 * @typedef {object} ChatExchange
 * @property {AbortSignal} signal Aborts when the client connection closes.
 * @property {() => void} markCompleted For a connection the mock drops on purpose.
 */

/** @typedef {import('node:http').ServerResponse} ServerResponse */

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
};
const RESET_GRACE_MS = 50;

/** A request the mock refuses with a 400 (in the dialect's error shape) before it answers. */
export class BadRequestError extends Error {
  /**
   * @param {string} message
   * @param {string | null} [param]
   */
  constructor(message, param = null) {
    super(message);
    this.param = param;
  }
}

/**
 * @param {import('node:http').IncomingMessage} request
 * @param {URL} url
 * @returns {Promise<RecordedRequest>}
 */
export async function readRequest(request, url) {
  const receivedAt = Date.now();
  /** @type {Buffer[]} */
  const chunks = [];
  for await (const chunk of request) chunks.push(/** @type {Buffer} */ (chunk));
  const rawBody = Buffer.concat(chunks).toString('utf8');
  return {
    method: request.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: collectHeaders(request.rawHeaders),
    body: parseJson(rawBody),
    rawBody,
    receivedAt,
  };
}

/**
 * Builds the header record from rawHeaders so every header is kept, as it was sent.
 * @param {string[]} rawHeaders
 */
function collectHeaders(rawHeaders) {
  /** @type {Record<string, string>} */
  const headers = {};
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = rawHeaders[index]?.toLowerCase();
    const value = rawHeaders[index + 1];
    if (name === undefined || value === undefined) continue;
    const previous = headers[name];
    headers[name] = previous === undefined ? value : `${previous}, ${value}`;
  }
  return headers;
}

/**
 * @param {string} text
 * @returns {unknown}
 */
function parseJson(text) {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
export function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The `Bearer` token of an Authorization header, if any.
 * @param {Record<string, string>} headers
 */
export function bearerToken(headers) {
  return /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1]?.trim();
}

/**
 * @param {ServerResponse} response
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
export function sendJson(response, status, body, headers = {}) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/**
 * A non-streaming answer cut off halfway ("truncated"), or dropped ("connection-reset").
 * @param {ServerResponse} response
 * @param {unknown} body
 * @param {boolean} reset
 * @param {ChatExchange} exchange
 * @param {Record<string, string>} [headers]
 */
export async function sendHalfJson(response, body, reset, exchange, headers = {}) {
  const text = JSON.stringify(body);
  response.writeHead(200, { 'content-type': 'application/json', ...headers });
  response.write(text.slice(0, Math.floor(text.length / 2)));
  await endResponse(response, reset, exchange);
}

/**
 * @param {number} milliseconds
 * @param {AbortSignal} signal
 * @returns {Promise<boolean>} false when the client left during the pause (the timer is cleared).
 */
export async function pause(milliseconds, signal) {
  if (signal.aborted) return false;
  if (milliseconds === 0) return true;
  try {
    await sleep(milliseconds, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes one SSE event per write() so the client sees them arrive one by one, pausing between
 * events, and stops as soon as the client leaves.
 * @param {ServerResponse} response
 * @param {Record<string, string | number>} headers
 * @param {Iterable<string>} frames
 * @param {number} chunkDelayMs
 * @param {ChatExchange} exchange
 * @param {boolean} reset Drop the socket at the end instead of ending the body cleanly.
 */
export async function streamFrames(response, headers, frames, chunkDelayMs, exchange, reset) {
  response.writeHead(200, headers);
  let isFirst = true;
  for (const frame of frames) {
    if (!isFirst && !(await pause(chunkDelayMs, exchange.signal))) return;
    isFirst = false;
    if (!(await writeFrame(response, frame, exchange.signal))) return;
  }
  await endResponse(response, reset, exchange);
}

/**
 * @param {ServerResponse} response
 * @param {string} frame
 * @param {AbortSignal} signal
 * @returns {Promise<boolean>} false when the client has gone.
 */
async function writeFrame(response, frame, signal) {
  if (signal.aborted) return false;
  if (response.write(frame)) return true;
  // Respect backpressure: benchmarks can ask for a million chunks with no delay.
  try {
    await once(response, 'drain', { signal });
    return true;
  } catch {
    return false;
  }
}

/**
 * "connection-reset" drops the socket, so the client sees a network error rather than a body
 * that simply ends early ("truncated").
 * @param {ServerResponse} response
 * @param {boolean} reset
 * @param {ChatExchange} exchange
 */
async function endResponse(response, reset, exchange) {
  if (!reset) {
    response.end();
    return;
  }
  // Without a grace period the client can see the reset before the status line it already got.
  if (!(await pause(RESET_GRACE_MS, exchange.signal))) return;
  exchange.markCompleted();
  response.destroy();
}
