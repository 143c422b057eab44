// @ts-check
/**
 * A mock LLM upstream for Parley's end-to-end tests and benchmarks.
 *
 * It speaks OpenAI Chat Completions (with the OpenRouter, OrcaRouter, DeepSeek, Ollama and
 * Azure variations), Anthropic Messages and Gemini generateContent, so the proxy and the client
 * stream parsers can be driven through every path on loopback, without a network or an API
 * key. Routes match on the end of the path; scenarios are chosen per request by the
 * `x-mock-scenario` header or by words in the model name. README.md lists them.
 *
 * This file routes requests, checks keys and keeps the recorded requests and counters; each
 * dialect lives in its own module.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import { handleAnthropicMessages } from './anthropic-dialect.mjs';
import { refuseBadKey } from './auth.mjs';
import {
  AZURE_DEPLOYMENT_NOT_FOUND,
  anthropicError,
  geminiError,
  openAiError,
  openAiErrorForStatus,
} from './errors.mjs';
import { handleGemini } from './gemini-dialect.mjs';
import { BadRequestError, readRequest, sendJson } from './http.mjs';
import {
  OPENROUTER_KEY,
  anthropicModelList,
  geminiModelList,
  openAiModelList,
  openRouterModelList,
  orcaRouterModelList,
} from './models.mjs';
import { handleOpenAiChat } from './openai-dialect.mjs';
import { MockState } from './state.mjs';

/** @typedef {import('./http.mjs').RecordedRequest} RecordedRequest */
/** @typedef {import('./http.mjs').ChatExchange} ChatExchange */
/** @typedef {import('./http.mjs').ServerResponse} ServerResponse */

/**
 * @typedef {object} MockUpstreamOptions
 * @property {number | undefined} [port] TCP port; 0 (the default) lets the system pick a free one.
 * @property {string | undefined} [host] Interface to bind; defaults to 127.0.0.1.
 * @property {string[] | undefined} [acceptedKeys] When set, upstream routes refuse requests whose
 *   key is not one of these: `Authorization: Bearer` (OpenAI), `x-api-key` or Bearer
 *   (Anthropic), `api-key` or Bearer (Azure), `x-goog-api-key` or `?key=` (Gemini).
 */

/** @typedef {import('./state.mjs').MockStats} MockStats */

/**
 * @typedef {object} MockUpstream
 * @property {string} url Base address, e.g. http://127.0.0.1:43110 (no trailing slash).
 * @property {number} port
 * @property {() => Promise<void>} close Stops the server and drops open connections.
 * @property {() => RecordedRequest[]} requests
 * @property {() => RecordedRequest | undefined} lastRequest
 * @property {() => void} reset Forgets recorded requests and the aborted/completed counters.
 * @property {() => MockStats} stats
 */

/** @typedef {'openai' | 'azure' | 'anthropic' | 'gemini'} Dialect */

/**
 * @typedef {{ name: 'chat', dialect: 'openai' }
 *   | { name: 'azure-chat', dialect: 'azure', deployment: string }
 *   | { name: 'messages', dialect: 'anthropic' }
 *   | { name: 'generate', dialect: 'gemini', model: string,
 *       method: 'streamGenerateContent' | 'generateContent' }
 *   | { name: 'models', dialect: Dialect, shape: 'openai' | 'openrouter' | 'orcarouter' }
 *   | { name: 'key', dialect: 'openai' }
 *   | { name: 'unknown', dialect: Dialect }} Route
 */

const CONTROL_PREFIX = '/__mock/';

/**
 * Starts the mock upstream on loopback.
 * @param {MockUpstreamOptions} [options]
 * @returns {Promise<MockUpstream>}
 */
export async function startMockUpstream(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const state = new MockState(options.acceptedKeys);
  const server = createServer((request, response) => {
    handleRequest(request, response, state).catch((error) =>
      failResponse(response, error, 'openai', ''),
    );
  });
  server.listen(options.port ?? 0, host);
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('mock upstream: the server has no TCP address');
  }
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    port: address.port,
    close: () => closeServer(server),
    requests: () => state.requests(),
    lastRequest: () => state.lastRequest(),
    reset: () => state.reset(),
    stats: () => state.stats(),
  };
}

/**
 * Base URLs that are wrong in the ways the connection test must tell apart: a path segment
 * `status-<code>` answers every route with that status (an OpenAI-style error, Retry-After on
 * 429), and a segment `html` answers with a web page instead of an API.
 * @param {string} pathname
 * @param {ServerResponse} response
 */
function answerBrokenBase(pathname, response) {
  const status = /\/status-(\d{3})\//.exec(pathname)?.[1];
  if (status) {
    const code = Number(status);
    response.writeHead(code, {
      'content-type': 'application/json',
      ...(code === 429 ? { 'retry-after': '30' } : {}),
    });
    response.end(
      JSON.stringify({ error: { message: `Mock status ${code}`, type: 'mock', code: null } }),
    );
    return true;
  }
  if (/\/html\//.test(pathname)) {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><html><body><h1>Welcome to nginx!</h1></body></html>');
    return true;
  }
  return false;
}

/** @param {import('node:http').Server} server */
function closeServer(server) {
  return new Promise((resolve, reject) => {
    if (!server.listening) return resolve(undefined);
    server.close((error) => (error ? reject(error) : resolve(undefined)));
    // close() alone waits for keep-alive and streaming connections; teardown must not hang.
    server.closeAllConnections();
  });
}

/**
 * @param {import('node:http').IncomingMessage} request
 * @param {ServerResponse} response
 * @param {MockState} state
 */
async function handleRequest(request, response, state) {
  const sequence = state.nextSequence();
  const requestId = `req_mock_${sequence}`;
  response.setHeader('x-request-id', requestId);
  const url = new URL(request.url ?? '/', 'http://mock.invalid');
  if (url.pathname.startsWith(CONTROL_PREFIX)) {
    return handleControl(request, response, url.pathname, state);
  }
  // Like a local Ollama started with OLLAMA_ORIGINS=*: a browser page may call it directly.
  if (request.headers.origin) {
    response.setHeader('access-control-allow-origin', '*');
    response.setHeader('access-control-expose-headers', 'x-request-id');
  }
  if (request.method === 'OPTIONS') {
    response.writeHead(204, {
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': request.headers['access-control-request-headers'] ?? '*',
      'access-control-max-age': '600',
    });
    response.end();
    return;
  }

  const recorded = await readRequest(request, url);
  state.record(recorded);
  if (answerBrokenBase(url.pathname, response)) return;
  const route = routeOf(recorded);
  if (route.dialect === 'anthropic') response.setHeader('request-id', requestId);
  const isChat = ['chat', 'azure-chat', 'messages', 'generate'].includes(route.name);
  const exchange = isChat ? state.trackChat(response) : undefined;
  try {
    await answer(route, recorded, response, state, sequence, exchange);
  } catch (error) {
    failResponse(response, error, route.dialect, requestId);
  }
}

/**
 * @param {Route} route
 * @param {RecordedRequest} recorded
 * @param {ServerResponse} response
 * @param {MockState} state
 * @param {number} sequence
 * @param {ChatExchange | undefined} exchange
 */
async function answer(route, recorded, response, state, sequence, exchange) {
  const requestId = `req_mock_${sequence}`;
  if (route.name === 'azure-chat' && !recorded.query['api-version']) {
    return sendJson(response, 404, AZURE_DEPLOYMENT_NOT_FOUND);
  }
  if (!refuseBadKey(route.dialect, recorded, response, state.acceptedKeys, requestId)) return;

  if (route.name === 'models') {
    if (route.dialect === 'anthropic')
      return sendJson(response, 200, anthropicModelList(recorded.query));
    if (route.dialect === 'gemini') return sendJson(response, 200, geminiModelList());
    if (route.shape === 'openrouter') return sendJson(response, 200, openRouterModelList());
    if (route.shape === 'orcarouter') return sendJson(response, 200, orcaRouterModelList());
    return sendJson(response, 200, openAiModelList());
  }
  if (route.name === 'key') return sendJson(response, 200, OPENROUTER_KEY);
  if (exchange && route.name === 'chat') {
    return handleOpenAiChat(response, recorded, sequence, exchange);
  }
  if (exchange && route.name === 'azure-chat') {
    return handleOpenAiChat(response, recorded, sequence, exchange, route.deployment);
  }
  if (exchange && route.name === 'messages') {
    return handleAnthropicMessages(response, recorded, sequence, exchange);
  }
  if (exchange && route.name === 'generate') {
    return handleGemini(response, recorded, sequence, exchange, route.model, route.method);
  }
  const message = `Unknown route ${recorded.method} ${recorded.path}.`;
  if (route.dialect === 'anthropic')
    return sendJson(response, 404, anthropicError(404, requestId, message));
  if (route.dialect === 'gemini') return sendJson(response, 404, geminiError(404, message));
  sendJson(response, 404, openAiError(message, 'invalid_request_error', 'not_found'));
}

/**
 * Routes match on the end of the path so `/v1/...`, `/api/v1/...` and `/...` all work. A
 * model list or an unknown route answers in the dialect the request's headers suggest.
 * @param {RecordedRequest} recorded
 * @returns {Route}
 */
function routeOf(recorded) {
  const { method, headers, query } = recorded;
  const path = safeDecode(recorded.path).replace(/\/+$/, '');
  /** @type {Dialect} */
  let dialect = 'openai';
  if (headers['anthropic-version'] !== undefined || headers['x-api-key'] !== undefined) {
    dialect = 'anthropic';
  } else if (
    headers['x-goog-api-key'] !== undefined ||
    query.key !== undefined ||
    path.includes('/v1beta/')
  ) {
    dialect = 'gemini';
  }

  if (method === 'POST') {
    const azure = /\/openai\/deployments\/([^/]+)\/chat\/completions$/.exec(path);
    if (azure?.[1]) return { name: 'azure-chat', dialect: 'azure', deployment: azure[1] };
    if (path.endsWith('/chat/completions')) return { name: 'chat', dialect: 'openai' };
    if (path.endsWith('/messages')) return { name: 'messages', dialect: 'anthropic' };
    const gemini = /\/models\/(.+):(streamGenerateContent|generateContent)$/.exec(path);
    if (gemini?.[1]) {
      const geminiMethod =
        gemini[2] === 'generateContent' ? 'generateContent' : 'streamGenerateContent';
      return { name: 'generate', dialect: 'gemini', model: gemini[1], method: geminiMethod };
    }
  }
  if (method === 'GET' && path.endsWith('/models')) {
    let shape = /** @type {'openai' | 'openrouter' | 'orcarouter'} */ ('openai');
    if (path.includes('/api/v1/')) shape = 'openrouter';
    else if (headers['http-referer'] !== undefined) shape = 'orcarouter';
    return { name: 'models', dialect, shape };
  }
  if (method === 'GET' && path.endsWith('/key')) return { name: 'key', dialect: 'openai' };
  return { name: 'unknown', dialect };
}

/** @param {string} path */
function safeDecode(path) {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * @param {import('node:http').IncomingMessage} request
 * @param {ServerResponse} response
 * @param {string} path
 * @param {MockState} state
 */
function handleControl(request, response, path, state) {
  // Drain any body so the keep-alive connection stays usable.
  request.resume();
  const endpoint = `${request.method} ${path}`;
  if (endpoint === 'GET /__mock/last-request') {
    const last = state.lastRequest();
    if (last) return sendJson(response, 200, last);
    return sendJson(
      response,
      404,
      openAiError('No request has been recorded yet.', 'invalid_request_error', 'not_found'),
    );
  }
  if (endpoint === 'GET /__mock/requests') return sendJson(response, 200, state.requests());
  if (endpoint === 'GET /__mock/stats') return sendJson(response, 200, state.stats());
  if (endpoint === 'POST /__mock/reset') {
    state.reset();
    response.writeHead(204).end();
    return;
  }
  sendJson(
    response,
    404,
    openAiError(`Unknown mock control endpoint ${endpoint}.`, 'invalid_request_error', 'not_found'),
  );
}

/**
 * A 400 for a request the mock refuses, a 500 for a bug; in the dialect's error shape.
 * @param {ServerResponse} response
 * @param {unknown} error
 * @param {Dialect} dialect
 * @param {string} requestId
 */
function failResponse(response, error, dialect, requestId) {
  if (response.destroyed) return;
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const isBadRequest = error instanceof BadRequestError;
  if (!isBadRequest) console.error('mock upstream: unexpected failure', error);
  const status = isBadRequest ? 400 : 500;
  const message = isBadRequest ? error.message : undefined;
  if (dialect === 'anthropic')
    return sendJson(response, status, anthropicError(status, requestId, message));
  if (dialect === 'gemini') return sendJson(response, status, geminiError(status, message));
  if (isBadRequest) {
    return sendJson(
      response,
      400,
      openAiError(error.message, 'invalid_request_error', null, error.param),
    );
  }
  sendJson(response, 500, openAiErrorForStatus(500));
}
