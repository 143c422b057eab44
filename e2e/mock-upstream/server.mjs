// @ts-check
/**
 * A mock OpenAI-compatible upstream for Parley's end-to-end tests and benchmarks.
 *
 * It speaks Chat Completions plus the OpenRouter, DeepSeek and Ollama variations (where the
 * reasoning text and the usage travel, how errors look), so the proxy and the client stream
 * parsers can be driven through every path on loopback, without a network or an API key.
 * Scenarios are chosen per request by the `x-mock-scenario` header or by words in the model
 * name; README.md lists them.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * @typedef {object} MockUpstreamOptions
 * @property {number | undefined} [port] TCP port; 0 (the default) lets the system pick a free one.
 * @property {string | undefined} [host] Interface to bind; defaults to 127.0.0.1.
 * @property {string[] | undefined} [acceptedKeys] When set, upstream routes answer 401 unless the request
 *   carries `Authorization: Bearer <one of these>`.
 */

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
 * @typedef {object} MockStats
 * @property {number} open Chat responses still being written.
 * @property {number} aborted Chat responses whose client hung up before the mock finished.
 * @property {number} completed Chat responses the mock finished (including error answers).
 */

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

/**
 * @typedef {'text' | 'reasoning' | 'reasoning-details' | 'reasoning-content' | 'tool-call'
 *   | 'mid-stream-error' | 'openrouter-mid-stream-error' | 'truncated' | 'connection-reset'}
 *   ResponseScenario
 */

/**
 * @typedef {{ kind: 'error', status: number, shape: 'openai' | 'openrouter' }
 *   | { kind: ResponseScenario }} Scenario
 */

/** @typedef {'openai' | 'openrouter' | 'deepseek'} Dialect */

/**
 * @typedef {object} Pacing
 * @property {number | undefined} contentChunks `x-mock-chunks`: exact number of content deltas.
 * @property {number} chunkDelayMs Pause between two SSE events.
 * @property {number} firstByteDelayMs Pause before the status line.
 */

/**
 * Everything a scenario needs to write its answer, worked out once per request.
 * @typedef {object} ChatContext
 * @property {number} sequence Numbers the request id and the completion id.
 * @property {string} model
 * @property {number} created Epoch seconds.
 * @property {string} userText Text of the last user message.
 * @property {string[]} reasoningPieces
 * @property {string[]} answerPieces
 * @property {number} promptTokens
 * @property {boolean} includeUsage `stream_options.include_usage`.
 * @property {Pacing} pacing
 */

/**
 * @typedef {object} ChatExchange
 * @property {AbortSignal} signal Aborts when the client connection closes.
 * @property {() => void} markCompleted For a connection the mock drops on purpose.
 */

const CONTROL_PREFIX = '/__mock/';
// Benchmarks send many thousands of requests; only the recent ones are useful to inspect.
const MAX_RECORDED_REQUESTS = 1000;
const SLOW_MODEL_CHUNK_DELAY_MS = 150;
const MAX_DELAY_MS = 600_000;
const MAX_CONTENT_CHUNKS = 1_000_000;
// Scenarios that break off mid-answer send only this many deltas unless x-mock-chunks says otherwise.
const DELTAS_BEFORE_FAILURE = 3;
const RESET_GRACE_MS = 50;
const TOOL_CALL_PREAMBLE = 'Let me check the weather for you.';
const TOOL_CALL_ARGUMENT_FRAGMENTS = ['{"', 'city":"Par', 'is"}'];

const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
};
const DONE_FRAME = 'data: [DONE]\n\n';

const MODELS = [
  { id: 'gpt-4.1-mini', object: 'model', created: 1744316542, owned_by: 'system' },
  { id: 'openai/gpt-5.1', object: 'model', created: 1762988221, owned_by: 'openai' },
  { id: 'deepseek/deepseek-r1', object: 'model', created: 1737381095, owned_by: 'deepseek' },
  { id: 'deepseek-reasoner', object: 'model', created: 1737381095, owned_by: 'deepseek' },
  { id: 'mock/tool-call', object: 'model', created: 1744316542, owned_by: 'mock' },
  { id: 'mock/slow', object: 'model', created: 1744316542, owned_by: 'mock' },
];

// OpenRouter's GET /api/v1/key answer, with illustrative values.
const OPENROUTER_KEY = {
  data: {
    label: 'sk-or-v1-abc...',
    limit: null,
    limit_reset: null,
    limit_remaining: null,
    include_byok_in_limit: false,
    usage: 0.12,
    usage_daily: 0,
    usage_weekly: 0,
    usage_monthly: 0.12,
    byok_usage: 0,
    byok_usage_daily: 0,
    byok_usage_weekly: 0,
    byok_usage_monthly: 0,
    is_free_tier: false,
    is_management_key: false,
    is_provisioning_key: false,
    creator_user_id: null,
    expires_at: null,
    rate_limit: {},
  },
};

/** A request the mock refuses with a 400 before it starts answering. */
class BadRequestError extends Error {
  /**
   * @param {string} message
   * @param {string | null} param
   */
  constructor(message, param) {
    super(message);
    this.param = param;
  }
}

/**
 * Starts the mock upstream on loopback.
 * @param {MockUpstreamOptions} [options]
 * @returns {Promise<MockUpstream>}
 */
export async function startMockUpstream(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const state = new MockState(options.acceptedKeys);
  const server = createServer((request, response) => {
    handleRequest(request, response, state).catch((error) => failResponse(response, error));
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

/** @param {import('node:http').Server} server */
function closeServer(server) {
  return new Promise((resolve, reject) => {
    if (!server.listening) return resolve(undefined);
    server.close((error) => (error ? reject(error) : resolve(undefined)));
    // close() alone waits for keep-alive and streaming connections; teardown must not hang.
    server.closeAllConnections();
  });
}

/** Recorded requests and the counters behind GET /__mock/stats. */
class MockState {
  /** @type {RecordedRequest[]} */
  #recorded = [];
  #sequence = 0;
  #open = 0;
  #aborted = 0;
  #completed = 0;
  // Exchanges that were running when reset() was called must not count after it.
  #generation = 0;

  /** @param {string[] | undefined} acceptedKeys */
  constructor(acceptedKeys) {
    this.acceptedKeys = acceptedKeys;
  }

  nextSequence() {
    this.#sequence += 1;
    return this.#sequence;
  }

  /** @param {RecordedRequest} request */
  record(request) {
    this.#recorded.push(request);
    if (this.#recorded.length > MAX_RECORDED_REQUESTS) this.#recorded.shift();
  }

  requests() {
    return [...this.#recorded];
  }

  lastRequest() {
    return this.#recorded.at(-1);
  }

  reset() {
    this.#recorded = [];
    this.#aborted = 0;
    this.#completed = 0;
    this.#generation += 1;
  }

  /** @returns {MockStats} */
  stats() {
    return { open: this.#open, aborted: this.#aborted, completed: this.#completed };
  }

  /**
   * Follows one chat response until it ends, telling a normal finish from a client that left.
   * @param {import('node:http').ServerResponse} response
   * @returns {ChatExchange}
   */
  trackChat(response) {
    const controller = new AbortController();
    const generation = this.#generation;
    let settled = false;
    /** @param {'aborted' | 'completed'} outcome */
    const settle = (outcome) => {
      if (settled) return;
      settled = true;
      this.#open -= 1;
      if (generation !== this.#generation) return;
      if (outcome === 'aborted') this.#aborted += 1;
      else this.#completed += 1;
    };
    this.#open += 1;
    response.on('finish', () => settle('completed'));
    // 'close' before 'finish' means the connection went away while the mock was still writing.
    response.on('close', () => {
      controller.abort();
      settle('aborted');
    });
    return { signal: controller.signal, markCompleted: () => settle('completed') };
  }
}

/**
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {MockState} state
 */
async function handleRequest(request, response, state) {
  const sequence = state.nextSequence();
  response.setHeader('x-request-id', `req_mock_${sequence}`);
  const url = new URL(request.url ?? '/', 'http://mock.invalid');
  if (url.pathname.startsWith(CONTROL_PREFIX)) {
    return handleControl(request, response, url.pathname, state);
  }

  const recorded = await readRequest(request, url);
  state.record(recorded);
  const route = upstreamRoute(recorded.method, recorded.path);
  const exchange = route === 'chat' ? state.trackChat(response) : undefined;
  if (!isAuthorized(recorded.headers, state.acceptedKeys)) {
    return sendJson(
      response,
      401,
      openAiError('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'),
    );
  }
  if (route === 'models') return sendJson(response, 200, { object: 'list', data: MODELS });
  if (route === 'key') return sendJson(response, 200, OPENROUTER_KEY);
  if (exchange) return handleChat(response, recorded, sequence, exchange);
  sendJson(
    response,
    404,
    openAiError(
      `Unknown route ${recorded.method} ${recorded.path}.`,
      'invalid_request_error',
      'not_found',
    ),
  );
}

/**
 * Routes match on the end of the path so `/v1/...`, `/api/v1/...` and `/...` all work.
 * @param {string} method
 * @param {string} path
 * @returns {'chat' | 'models' | 'key' | undefined}
 */
function upstreamRoute(method, path) {
  const trimmed = path.replace(/\/+$/, '');
  if (method === 'POST' && trimmed.endsWith('/chat/completions')) return 'chat';
  if (method === 'GET' && trimmed.endsWith('/models')) return 'models';
  if (method === 'GET' && trimmed.endsWith('/key')) return 'key';
  return undefined;
}

/**
 * @param {Record<string, string>} headers
 * @param {string[] | undefined} acceptedKeys
 */
function isAuthorized(headers, acceptedKeys) {
  if (!acceptedKeys) return true;
  const match = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '');
  return match?.[1] !== undefined && acceptedKeys.includes(match[1].trim());
}

/**
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
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
 * @param {import('node:http').IncomingMessage} request
 * @param {URL} url
 * @returns {Promise<RecordedRequest>}
 */
async function readRequest(request, url) {
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
function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------
// Chat completions
// ---------------------------------------------------------------------------------------------

/**
 * @param {import('node:http').ServerResponse} response
 * @param {RecordedRequest} recorded
 * @param {number} sequence
 * @param {ChatExchange} exchange
 */
async function handleChat(response, recorded, sequence, exchange) {
  const body = recorded.body;
  if (!isRecord(body)) {
    throw new BadRequestError(
      'We could not parse the JSON body of your request. The API expects a JSON object.',
      null,
    );
  }
  if (typeof body.model !== 'string' || body.model === '') {
    throw new BadRequestError('You must provide a model parameter.', 'model');
  }
  const scenario = chooseScenario(recorded.headers['x-mock-scenario'], body.model);
  const context = buildContext(
    body,
    body.model,
    sequence,
    readPacing(recorded.headers, body.model),
  );
  const rejection = unsupportedParameterError(body, body.model);

  const { firstByteDelayMs } = context.pacing;
  if (firstByteDelayMs > 0 && !(await pause(firstByteDelayMs, exchange.signal))) return;

  if (rejection) return sendJson(response, 400, rejection);
  if (scenario.kind === 'error') return sendScenarioError(response, scenario, context);
  if (body.stream === true) return streamScenario(response, scenario.kind, context, exchange);
  return respondWithoutStreaming(response, scenario.kind, context, exchange);
}

/**
 * The header wins over the model name. Order matters: several names contain others
 * ("openrouter-mid-stream-error" contains "mid-stream-error", "reasoning-details" contains
 * "reasoning").
 * @param {string | undefined} header
 * @param {string} model
 * @returns {Scenario}
 */
function chooseScenario(header, model) {
  const selector = header?.trim().toLowerCase() ?? model.toLowerCase();
  const errorMatch = /(openrouter-)?error-([45]\d\d)/.exec(selector);
  if (errorMatch) {
    return {
      kind: 'error',
      status: Number(errorMatch[2]),
      shape: errorMatch[1] ? 'openrouter' : 'openai',
    };
  }
  /** @type {[ResponseScenario, RegExp][]} */
  const rules = [
    ['openrouter-mid-stream-error', /openrouter-mid-stream-error/],
    ['mid-stream-error', /mid-stream-error/],
    ['truncated', /truncated/],
    ['connection-reset', /connection-reset/],
    ['reasoning-details', /reasoning-details/],
    ['reasoning-content', /reasoning-content|deepseek-reasoner/],
    ['reasoning', /reasoning|r1|reasoner|think|gpt-5|\/o3|o4-mini/],
    ['tool-call', /tool-call/],
  ];
  const match = rules.find(([, pattern]) => pattern.test(selector));
  if (match) return { kind: match[0] };
  // A typo in the header should fail loudly rather than silently fall back to plain text.
  if (header !== undefined && selector !== 'text' && selector !== 'default') {
    throw new BadRequestError(`Unknown x-mock-scenario "${header}".`, null);
  }
  return { kind: 'text' };
}

/**
 * @param {Record<string, string>} headers
 * @param {string} model
 * @returns {Pacing}
 */
function readPacing(headers, model) {
  const defaultChunkDelay = model.includes('slow') ? SLOW_MODEL_CHUNK_DELAY_MS : 0;
  // Through the gateway only the body reaches the mock (x-mock-* headers are not forwarded), so
  // benchmarks name their pacing in the model: `mock/bench-chunks-200-delay-5`.
  const fromModel = (/** @type {RegExp} */ pattern, /** @type {number} */ max) => {
    const match = pattern.exec(model);
    return match ? Math.min(Number(match[1]), max) : undefined;
  };
  return {
    contentChunks:
      readIntegerHeader(headers, 'x-mock-chunks', MAX_CONTENT_CHUNKS) ??
      fromModel(/chunks-(\d+)/, MAX_CONTENT_CHUNKS),
    chunkDelayMs:
      readIntegerHeader(headers, 'x-mock-chunk-delay-ms', MAX_DELAY_MS) ??
      fromModel(/delay-(\d+)/, MAX_DELAY_MS) ??
      defaultChunkDelay,
    firstByteDelayMs: readIntegerHeader(headers, 'x-mock-first-byte-delay-ms', MAX_DELAY_MS) ?? 0,
  };
}

/**
 * @param {Record<string, string>} headers
 * @param {string} name
 * @param {number} max
 */
function readIntegerHeader(headers, name, max) {
  const value = headers[name]?.trim();
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) > max) {
    throw new BadRequestError(`Header ${name} must be an integer from 0 to ${max}.`, null);
  }
  return Number(value);
}

/**
 * Reasoning models (o-series, gpt-5 other than -chat) reject these with 400, and proxies must
 * not send them. The bodies are OpenAI's recorded ones, word for word.
 * @param {Record<string, unknown>} body
 * @param {string} model
 */
function unsupportedParameterError(body, model) {
  const name = model.slice(model.lastIndexOf('/') + 1);
  const isReasoningModel = (/^o\d/.test(name) || /^gpt-5/.test(name)) && !name.includes('-chat');
  if (!isReasoningModel) return undefined;
  if (body.max_tokens !== undefined && body.max_tokens !== null) {
    return openAiError(
      "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
      'invalid_request_error',
      'unsupported_parameter',
      'max_tokens',
    );
  }
  const temperature = body.temperature;
  if (temperature !== undefined && temperature !== null && temperature !== 1) {
    const shown =
      typeof temperature === 'number' ? String(temperature) : JSON.stringify(temperature);
    return openAiError(
      `Unsupported value: 'temperature' does not support ${shown} with this model. Only the default (1) value is supported.`,
      'invalid_request_error',
      'unsupported_value',
      'temperature',
    );
  }
  return undefined;
}

/**
 * @param {Record<string, unknown>} body
 * @param {string} model
 * @param {number} sequence
 * @param {Pacing} pacing
 * @returns {ChatContext}
 */
function buildContext(body, model, sequence, pacing) {
  const userText = lastUserText(body.messages);
  const streamOptions = body.stream_options;
  return {
    sequence,
    model,
    created: Math.floor(Date.now() / 1000),
    userText,
    reasoningPieces: splitWords(`The user said "${userText}". I should answer briefly.`),
    // The check mark is multi-byte in UTF-8, so clients must decode across chunk boundaries.
    answerPieces: splitWords(`Hello from the mock upstream. You said: ${userText}. ✓`),
    promptTokens: Math.max(1, Math.ceil(JSON.stringify(body.messages ?? []).length / 4)),
    includeUsage: isRecord(streamOptions) && streamOptions.include_usage === true,
    pacing,
  };
}

/**
 * @param {unknown} messages
 * @returns {string}
 */
function lastUserText(messages) {
  if (!Array.isArray(messages)) return '';
  /** @type {unknown[]} */
  const list = messages;
  for (let index = list.length - 1; index >= 0; index -= 1) {
    const message = list[index];
    if (isRecord(message) && message.role === 'user') return messageText(message.content);
  }
  return '';
}

/**
 * @param {unknown} content A string, or an array of content parts of which the text parts count.
 * @returns {string}
 */
function messageText(content) {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  /** @type {unknown[]} */
  const parts = content;
  return parts
    .map((part) =>
      isRecord(part) && part.type === 'text' && typeof part.text === 'string' ? part.text : '',
    )
    .filter((text) => text !== '')
    .join(' ');
}

/**
 * Word-sized pieces that keep their spaces, so joining them gives the text back.
 * @param {string} text
 */
function splitWords(text) {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/**
 * The answer's deltas, repeated or cut so there are exactly `x-mock-chunks` of them when set.
 * @param {ChatContext} context
 * @param {number} [naturalCount]
 * @returns {Generator<string>}
 */
function* contentPieces(context, naturalCount = context.answerPieces.length) {
  const pieces = context.answerPieces;
  const count = context.pacing.contentChunks ?? naturalCount;
  for (let index = 0; index < count; index += 1) yield pieces[index % pieces.length] ?? '';
}

/**
 * @param {ChatContext} context
 * @param {number} [naturalCount]
 */
function contentCount(context, naturalCount = context.answerPieces.length) {
  return context.pacing.contentChunks ?? naturalCount;
}

/**
 * @param {ChatContext} context
 * @param {number} reasoningTokens
 * @param {number} answerTokens
 */
function usageFor(context, reasoningTokens, answerTokens) {
  const completionTokens = reasoningTokens + answerTokens;
  return {
    prompt_tokens: context.promptTokens,
    completion_tokens: completionTokens,
    total_tokens: context.promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: reasoningTokens },
  };
}

/**
 * OpenRouter reports the price in USD; a made-up rate of $1/M prompt and $2/M completion tokens.
 * @param {ReturnType<typeof usageFor>} usage
 */
function withCost(usage) {
  const cost = (usage.prompt_tokens * 1 + usage.completion_tokens * 2) / 1_000_000;
  return { ...usage, cost: Number(cost.toFixed(8)), is_byok: false };
}

/**
 * @param {number} milliseconds
 * @param {AbortSignal} signal
 * @returns {Promise<boolean>} false when the client left during the pause (the timer is cleared).
 */
async function pause(milliseconds, signal) {
  if (signal.aborted) return false;
  if (milliseconds === 0) return true;
  try {
    await sleep(milliseconds, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Streaming answers
// ---------------------------------------------------------------------------------------------

/** @param {unknown} payload */
function dataFrame(payload) {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

/** @param {string} text */
function commentFrame(text) {
  return `: ${text}\n\n`;
}

/**
 * Builders for chat.completion.chunk frames in one provider's dialect: OpenRouter adds
 * `provider` and `native_finish_reason`.
 * @param {ChatContext} context
 * @param {Dialect} dialect
 */
function chunkFrames(context, dialect) {
  const isOpenRouter = dialect === 'openrouter';
  const envelope = () => ({
    id: `chatcmpl-mock${context.sequence}`,
    object: 'chat.completion.chunk',
    created: context.created,
    model: context.model,
    ...(isOpenRouter ? { provider: 'Mock' } : {}),
  });
  /**
   * @param {Record<string, unknown>} delta
   * @param {string | null} [finishReason]
   * @param {Record<string, unknown>} [topLevel] Extra top-level fields such as usage or error.
   */
  const choice = (delta, finishReason = null, topLevel = {}) =>
    dataFrame({
      ...envelope(),
      choices: [
        {
          index: 0,
          delta,
          finish_reason: finishReason,
          ...(isOpenRouter ? { native_finish_reason: finishReason } : {}),
        },
      ],
      ...topLevel,
    });
  return {
    choice,
    role: () => choice({ role: 'assistant', content: '' }),
    /** @param {string} reason @param {Record<string, unknown>} [topLevel] */
    finish: (reason, topLevel) => choice({}, reason, topLevel),
    /** OpenAI's trailing usage chunk: empty choices. @param {unknown} usage */
    usage: (usage) => dataFrame({ ...envelope(), choices: [], usage }),
  };
}

/**
 * OpenAI and Ollama send usage only when asked, as a separate chunk with empty choices.
 * @param {ChatContext} context
 * @param {ReturnType<typeof chunkFrames>} chunks
 * @param {number} reasoningTokens
 * @param {number} answerTokens
 */
function* optionalUsageFrame(context, chunks, reasoningTokens, answerTokens) {
  if (context.includeUsage) yield chunks.usage(usageFor(context, reasoningTokens, answerTokens));
}

/** @param {ChatContext} context */
function* textFrames(context) {
  const chunks = chunkFrames(context, 'openai');
  yield chunks.role();
  for (const piece of contentPieces(context)) yield chunks.choice({ content: piece });
  yield chunks.finish('stop');
  yield* optionalUsageFrame(context, chunks, 0, contentCount(context));
  yield DONE_FRAME;
}

/**
 * Ollama style (also vLLM and friends): reasoning in `delta.reasoning`.
 * @param {ChatContext} context
 */
function* reasoningFrames(context) {
  const chunks = chunkFrames(context, 'openai');
  yield chunks.role();
  for (const piece of context.reasoningPieces) yield chunks.choice({ reasoning: piece });
  for (const piece of contentPieces(context)) yield chunks.choice({ content: piece });
  yield chunks.finish('stop');
  yield* optionalUsageFrame(context, chunks, context.reasoningPieces.length, contentCount(context));
  yield DONE_FRAME;
}

/**
 * OpenRouter style: a processing comment, reasoning in both `reasoning` and
 * `reasoning_details`, and usage (with cost) in a chunk after the finish chunk whose choices
 * are not empty and whose finish_reason is null.
 * @param {ChatContext} context
 */
function* reasoningDetailsFrames(context) {
  const chunks = chunkFrames(context, 'openrouter');
  yield commentFrame('OPENROUTER PROCESSING');
  yield chunks.role();
  for (const piece of context.reasoningPieces) {
    yield chunks.choice({
      reasoning: piece,
      reasoning_details: [
        { type: 'reasoning.text', text: piece, format: 'anthropic-claude-v1', index: 0 },
      ],
    });
  }
  for (const piece of contentPieces(context)) yield chunks.choice({ content: piece });
  yield chunks.finish('stop');
  const usage = withCost(usageFor(context, context.reasoningPieces.length, contentCount(context)));
  yield chunks.choice({ role: 'assistant', content: '' }, null, { usage });
  yield DONE_FRAME;
}

/**
 * DeepSeek style: `reasoning_content` with `content: null`, a keep-alive comment, and usage on
 * the finish chunk itself.
 * @param {ChatContext} context
 */
function* reasoningContentFrames(context) {
  const chunks = chunkFrames(context, 'deepseek');
  yield chunks.choice({ role: 'assistant', content: null, reasoning_content: '' });
  yield commentFrame('keep-alive');
  for (const piece of context.reasoningPieces) {
    yield chunks.choice({ content: null, reasoning_content: piece });
  }
  for (const piece of contentPieces(context)) {
    yield chunks.choice({ content: piece, reasoning_content: null });
  }
  const usage = {
    ...usageFor(context, context.reasoningPieces.length, contentCount(context)),
    prompt_cache_hit_tokens: 0,
    prompt_cache_miss_tokens: context.promptTokens,
  };
  yield chunks.choice({ content: '', reasoning_content: null }, 'stop', { usage });
  yield DONE_FRAME;
}

/**
 * Text first, then one tool call at index 1 (not 0, as some gateways send) with its
 * arguments split mid-token.
 * @param {ChatContext} context
 */
function* toolCallFrames(context) {
  const chunks = chunkFrames(context, 'openai');
  const preamble = splitWords(TOOL_CALL_PREAMBLE);
  yield chunks.role();
  for (const piece of preamble) yield chunks.choice({ content: piece });
  yield chunks.choice({
    tool_calls: [
      {
        index: 1,
        id: 'call_mock_1',
        type: 'function',
        function: { name: 'get_weather', arguments: '' },
      },
    ],
  });
  for (const fragment of TOOL_CALL_ARGUMENT_FRAGMENTS) {
    yield chunks.choice({ tool_calls: [{ index: 1, function: { arguments: fragment } }] });
  }
  yield chunks.finish('tool_calls');
  const answerTokens = preamble.length + TOOL_CALL_ARGUMENT_FRAGMENTS.length + 1;
  yield* optionalUsageFrame(context, chunks, 0, answerTokens);
  yield DONE_FRAME;
}

/**
 * OpenAI's mid-stream failure: an error object where a chunk should be, then the body ends.
 * @param {ChatContext} context
 */
function* midStreamErrorFrames(context) {
  const chunks = chunkFrames(context, 'openai');
  yield chunks.role();
  for (const piece of contentPieces(context, DELTAS_BEFORE_FAILURE))
    yield chunks.choice({ content: piece });
  yield dataFrame(
    openAiError('The server had an error while processing your request.', 'server_error', null),
  );
}

/**
 * OpenRouter's mid-stream failure: a chunk with a top-level error and finish_reason "error".
 * @param {ChatContext} context
 */
function* openRouterMidStreamErrorFrames(context) {
  const chunks = chunkFrames(context, 'openrouter');
  yield commentFrame('OPENROUTER PROCESSING');
  yield chunks.role();
  for (const piece of contentPieces(context, DELTAS_BEFORE_FAILURE))
    yield chunks.choice({ content: piece });
  yield chunks.choice({ content: '' }, 'error', { error: openRouterMidStreamError() });
}

/**
 * A few deltas and then nothing: no finish chunk, no [DONE].
 * @param {ChatContext} context
 */
function* truncatedFrames(context) {
  const chunks = chunkFrames(context, 'openai');
  yield chunks.role();
  for (const piece of contentPieces(context, DELTAS_BEFORE_FAILURE))
    yield chunks.choice({ content: piece });
}

/** @type {Record<ResponseScenario, (context: ChatContext) => Iterable<string>>} */
const STREAMS = {
  text: textFrames,
  reasoning: reasoningFrames,
  'reasoning-details': reasoningDetailsFrames,
  'reasoning-content': reasoningContentFrames,
  'tool-call': toolCallFrames,
  'mid-stream-error': midStreamErrorFrames,
  'openrouter-mid-stream-error': openRouterMidStreamErrorFrames,
  truncated: truncatedFrames,
  'connection-reset': truncatedFrames,
};

/**
 * Writes one SSE event per write() so the proxy sees them arrive one by one, and stops as soon
 * as the client leaves.
 * @param {import('node:http').ServerResponse} response
 * @param {ResponseScenario} scenario
 * @param {ChatContext} context
 * @param {ChatExchange} exchange
 */
async function streamScenario(response, scenario, context, exchange) {
  response.writeHead(200, SSE_HEADERS);
  let isFirst = true;
  for (const frame of STREAMS[scenario](context)) {
    if (!isFirst && !(await pause(context.pacing.chunkDelayMs, exchange.signal))) return;
    isFirst = false;
    if (!(await writeFrame(response, frame, exchange.signal))) return;
  }
  await endResponse(response, scenario, exchange);
}

/**
 * @param {import('node:http').ServerResponse} response
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
 * @param {import('node:http').ServerResponse} response
 * @param {ResponseScenario} scenario
 * @param {ChatExchange} exchange
 */
async function endResponse(response, scenario, exchange) {
  if (scenario !== 'connection-reset') {
    response.end();
    return;
  }
  // Without a grace period the client can see the reset before the status line it already got.
  if (!(await pause(RESET_GRACE_MS, exchange.signal))) return;
  exchange.markCompleted();
  response.destroy();
}

// ---------------------------------------------------------------------------------------------
// Non-streaming answers
// ---------------------------------------------------------------------------------------------

/**
 * @param {import('node:http').ServerResponse} response
 * @param {ResponseScenario} scenario
 * @param {ChatContext} context
 * @param {ChatExchange} exchange
 */
async function respondWithoutStreaming(response, scenario, context, exchange) {
  if (scenario === 'mid-stream-error') return sendJson(response, 500, openAiErrorForStatus(500));
  const completion = buildCompletion(scenario, context);
  if (scenario === 'truncated' || scenario === 'connection-reset') {
    const text = JSON.stringify(completion);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write(text.slice(0, Math.floor(text.length / 2)));
    return endResponse(response, scenario, exchange);
  }
  sendJson(response, 200, completion);
}

/**
 * @param {ResponseScenario} scenario
 * @param {ChatContext} context
 */
function buildCompletion(scenario, context) {
  const dialect = dialectOf(scenario);
  const reasoning = context.reasoningPieces.join('');
  const answer = [...contentPieces(context)].join('');
  const reasoningTokens = scenario.startsWith('reasoning') ? context.reasoningPieces.length : 0;
  let usage = usageFor(context, reasoningTokens, contentCount(context));
  /** @type {Record<string, unknown>} */
  let message = { role: 'assistant', content: answer };
  let finishReason = 'stop';
  /** @type {Record<string, unknown>} */
  let choiceExtras = {};

  if (scenario === 'reasoning') message = { ...message, reasoning };
  if (scenario === 'reasoning-content') message = { ...message, reasoning_content: reasoning };
  if (scenario === 'reasoning-details') {
    const details = [
      { type: 'reasoning.text', text: reasoning, format: 'anthropic-claude-v1', index: 0 },
    ];
    message = { ...message, reasoning, reasoning_details: details };
    usage = withCost(usage);
  }
  if (scenario === 'tool-call') {
    const call = {
      id: 'call_mock_1',
      type: 'function',
      function: { name: 'get_weather', arguments: TOOL_CALL_ARGUMENT_FRAGMENTS.join('') },
    };
    message = { role: 'assistant', content: TOOL_CALL_PREAMBLE, tool_calls: [call] };
    finishReason = 'tool_calls';
  }
  if (scenario === 'openrouter-mid-stream-error') {
    // OpenRouter reports a failure during generation with HTTP 200 and finish_reason "error".
    const partial = [...contentPieces(context, DELTAS_BEFORE_FAILURE)].join('');
    message = { role: 'assistant', content: partial };
    finishReason = 'error';
    choiceExtras = { error: openRouterMidStreamError() };
  }

  return {
    id: `chatcmpl-mock${context.sequence}`,
    object: 'chat.completion',
    created: context.created,
    model: context.model,
    ...(dialect === 'openrouter' ? { provider: 'Mock' } : {}),
    choices: [
      {
        index: 0,
        message,
        finish_reason: finishReason,
        ...(dialect === 'openrouter' ? { native_finish_reason: finishReason } : {}),
        ...choiceExtras,
      },
    ],
    usage,
  };
}

/**
 * @param {ResponseScenario} scenario
 * @returns {Dialect}
 */
function dialectOf(scenario) {
  if (scenario === 'reasoning-details' || scenario === 'openrouter-mid-stream-error')
    return 'openrouter';
  if (scenario === 'reasoning-content') return 'deepseek';
  return 'openai';
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/**
 * @param {string} message
 * @param {string} type
 * @param {string | null} code
 * @param {string | null} [param]
 */
function openAiError(message, type, code, param = null) {
  return { error: { message, type, param, code } };
}

/** @type {Record<number, [message: string, type: string, code: string]>} */
const OPENAI_ERRORS = {
  401: ['Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'],
  402: [
    'You exceeded your current quota, please check your plan and billing details.',
    'insufficient_quota',
    'insufficient_quota',
  ],
  404: [
    'The model does not exist or you do not have access to it.',
    'invalid_request_error',
    'model_not_found',
  ],
  429: [
    'Rate limit reached for requests. Please try again in 7s.',
    'rate_limit_exceeded',
    'rate_limit_exceeded',
  ],
};

/** @param {number} status */
function openAiErrorForStatus(status) {
  const known = OPENAI_ERRORS[status];
  if (known) return openAiError(...known);
  if (status >= 500) {
    const message = 'The server had an error while processing your request. Sorry about that!';
    return openAiError(message, 'server_error', 'server_error');
  }
  return openAiError(`Mock error ${status}.`, 'invalid_request_error', null);
}

/** @type {Record<number, [message: string, errorType: string]>} */
const OPENROUTER_ERRORS = {
  400: ['Invalid request parameters', 'invalid_request'],
  401: ['No auth credentials found', 'authentication'],
  402: ['Insufficient credits. Add more using https://openrouter.ai/credits', 'payment_required'],
  408: ['Operation timed out. Please try again later.', 'timeout'],
  429: ['Rate limit exceeded', 'rate_limit_exceeded'],
  502: ['Provider returned error', 'provider_unavailable'],
  503: ['No available providers meet your routing requirements', 'provider_unavailable'],
};

/**
 * OpenRouter's shape: numeric `code` equal to the HTTP status, and a `metadata` object.
 * @param {number} status
 * @param {ChatContext} context
 */
function openRouterError(status, context) {
  if (status === 403) {
    return {
      error: {
        code: 403,
        message: 'mock requires moderation on Mock. Your input was flagged for "violence".',
        metadata: {
          reasons: ['violence'],
          flagged_input: context.userText.slice(0, 100),
          provider_name: 'Mock',
          model_slug: 'mock',
        },
      },
    };
  }
  const [message, errorType] = OPENROUTER_ERRORS[status] ?? [
    status >= 500 ? 'Internal Server Error' : `Mock error ${status}`,
    status >= 500 ? 'server' : 'invalid_request',
  ];
  return {
    error: { code: status, message, metadata: { error_type: errorType, provider_name: 'Mock' } },
  };
}

function openRouterMidStreamError() {
  return {
    code: 502,
    message: 'Provider returned error',
    metadata: { error_type: 'provider_unavailable', provider_name: 'Mock' },
  };
}

/**
 * @param {import('node:http').ServerResponse} response
 * @param {{ kind: 'error', status: number, shape: 'openai' | 'openrouter' }} scenario
 * @param {ChatContext} context
 */
function sendScenarioError(response, scenario, context) {
  const body =
    scenario.shape === 'openrouter'
      ? openRouterError(scenario.status, context)
      : openAiErrorForStatus(scenario.status);
  /** @type {Record<string, string>} */
  const headers = scenario.status === 429 ? { 'retry-after': '7' } : {};
  sendJson(response, scenario.status, body, headers);
}

/**
 * @param {import('node:http').ServerResponse} response
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
function sendJson(response, status, body, headers = {}) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/**
 * @param {import('node:http').ServerResponse} response
 * @param {unknown} error
 */
function failResponse(response, error) {
  if (response.destroyed) return;
  if (response.headersSent) {
    response.destroy();
    return;
  }
  if (error instanceof BadRequestError) {
    sendJson(response, 400, openAiError(error.message, 'invalid_request_error', null, error.param));
    return;
  }
  console.error('mock upstream: unexpected failure', error);
  sendJson(response, 500, openAiErrorForStatus(500));
}
