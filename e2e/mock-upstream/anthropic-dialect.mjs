// @ts-check
/**
 * `POST …/messages`: Anthropic's Messages API (wire-formats.md §5), also as OrcaRouter passes
 * it through. Streams carry both `event:` and `data:` lines, because Anthropic's SDK dispatches
 * on the event name.
 */
import { ANTHROPIC_OVERLOADED_EVENT, anthropicError } from './errors.mjs';
import {
  BadRequestError,
  SSE_HEADERS,
  isRecord,
  pause,
  sendHalfJson,
  sendJson,
  streamFrames,
} from './http.mjs';
import { isClaudeWithoutSampling } from './model-rules.mjs';
import { withOrcaAuto } from './routing.mjs';
import {
  DELTAS_BEFORE_FAILURE,
  TOOL_CALL_ARGUMENT_FRAGMENTS,
  TOOL_CALL_PREAMBLE,
  buildContext,
  chooseScenario,
  contentCount,
  contentPieces,
  lastUserText,
  readPacing,
  scenarioSelector,
  splitWords,
} from './scenarios.mjs';

/** @typedef {import('./http.mjs').ServerResponse} ServerResponse */
/** @typedef {import('./http.mjs').RecordedRequest} RecordedRequest */
/** @typedef {import('./http.mjs').ChatExchange} ChatExchange */
/** @typedef {import('./scenarios.mjs').ChatContext} ChatContext */
/** @typedef {'text' | 'thinking' | 'tool-call' | 'mid-stream-error' | 'truncated' | 'connection-reset'} AnthropicScenario */

/** @type {ReadonlyArray<readonly [AnthropicScenario, RegExp]>} */
const ANTHROPIC_RULES = [
  ['mid-stream-error', /mid-stream-error/],
  ['truncated', /truncated/],
  ['connection-reset', /connection-reset/],
  ['tool-call', /tool-call/],
  ['thinking', /think|reasoning|opus|sonnet-4/],
];
const THINKING_PATTERN = /think|reasoning|opus|sonnet-4/;
const DOCS = 'https://docs.claude.com/en/docs/build-with-claude/extended-thinking';
const PING_FRAME = eventFrame('ping', { type: 'ping' });

/**
 * @param {ServerResponse} response
 * @param {RecordedRequest} recorded
 * @param {number} sequence
 * @param {ChatExchange} exchange
 */
export async function handleAnthropicMessages(response, recorded, sequence, exchange) {
  const requestId = `req_mock_${sequence}`;
  const body = recorded.body;
  if (!isRecord(body)) throw new BadRequestError('The request body is not valid JSON.');
  if (typeof body.model !== 'string' || body.model === '') {
    throw new BadRequestError('model: Field required');
  }
  validateRequest(body, body.model);
  const routing = withOrcaAuto(body.model, {});
  const model = routing.ok && routing.model ? routing.model : body.model;
  const headers = routing.ok ? routing.headers : {};

  const header = recorded.headers['x-mock-scenario'];
  const scenario = chooseScenario(header, model, ANTHROPIC_RULES);
  const thinkingType = isRecord(body.thinking) ? body.thinking.type : undefined;
  const thinking =
    thinkingType !== 'disabled' &&
    (THINKING_PATTERN.test(scenarioSelector(header, model)) ||
      thinkingType === 'enabled' ||
      thinkingType === 'adaptive');
  const context = buildContext({
    sequence,
    model,
    userText: lastUserText(body.messages),
    promptSource: { system: body.system, messages: body.messages },
    includeUsage: true,
    pacing: readPacing(recorded.headers, model),
  });

  const { firstByteDelayMs } = context.pacing;
  if (firstByteDelayMs > 0 && !(await pause(firstByteDelayMs, exchange.signal))) return;

  if (scenario.kind === 'error') {
    /** @type {Record<string, string>} */
    const retry = scenario.status === 429 ? { 'retry-after': '7' } : {};
    const errorBody = anthropicError(scenario.status, requestId);
    return sendJson(response, scenario.status, errorBody, { ...headers, ...retry });
  }
  const kind = scenario.kind === 'thinking' ? 'text' : scenario.kind;
  if (body.stream === true) {
    return streamFrames(
      response,
      { ...SSE_HEADERS, ...headers },
      anthropicFrames(kind, thinking, context),
      context.pacing.chunkDelayMs,
      exchange,
      kind === 'connection-reset',
    );
  }
  if (kind === 'mid-stream-error') {
    return sendJson(response, 529, anthropicError(529, requestId), headers);
  }
  const message = buildMessage(kind, thinking, context);
  if (kind === 'truncated' || kind === 'connection-reset') {
    return sendHalfJson(response, message, kind === 'connection-reset', exchange, headers);
  }
  sendJson(response, 200, message, headers);
}

/**
 * The checks the real API makes before it answers, with its messages.
 * @param {Record<string, unknown>} body
 * @param {string} model
 */
function validateRequest(body, model) {
  const maxTokens = body.max_tokens;
  if (maxTokens === undefined || maxTokens === null) {
    throw new BadRequestError('max_tokens: Field required');
  }
  if (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens)) {
    throw new BadRequestError('max_tokens: Input should be a valid integer');
  }
  if (maxTokens < 1)
    throw new BadRequestError('max_tokens: Input should be greater than or equal to 1');
  if (!Array.isArray(body.messages)) throw new BadRequestError('messages: Field required');

  const { temperature, top_p: topP, top_k: topK } = body;
  const isSet = (/** @type {unknown} */ value) => value !== undefined && value !== null;
  if (isClaudeWithoutSampling(model)) {
    if (isSet(temperature) && temperature !== 1) {
      throw new BadRequestError('`temperature` is not supported for this model.');
    }
    if (isSet(topP) && topP !== 1)
      throw new BadRequestError('`top_p` is not supported for this model.');
    if (isSet(topK)) throw new BadRequestError('`top_k` is not supported for this model.');
  }

  const thinking = isRecord(body.thinking) ? body.thinking : undefined;
  if (thinking?.type === 'enabled') {
    const budget = thinking.budget_tokens;
    if (budget === undefined)
      throw new BadRequestError('thinking.enabled.budget_tokens: Field required');
    if (typeof budget !== 'number' || !Number.isInteger(budget)) {
      throw new BadRequestError('thinking.enabled.budget_tokens: Input should be a valid integer');
    }
    if (budget < 1024) {
      throw new BadRequestError(
        'thinking.enabled.budget_tokens: Input should be greater than or equal to 1024',
      );
    }
    if (budget >= maxTokens) {
      throw new BadRequestError(
        `\`max_tokens\` must be greater than \`thinking.budget_tokens\`. Please consult our documentation at ${DOCS}#max-tokens-and-context-window-size`,
      );
    }
  }
  if (thinking?.type === 'enabled' || thinking?.type === 'adaptive') {
    const compatibility = `Please consult our documentation at ${DOCS}#feature-compatibility`;
    if (isSet(temperature) && temperature !== 1) {
      throw new BadRequestError(
        `\`temperature\` may only be set to 1 when thinking is enabled. ${compatibility}`,
      );
    }
    if (isSet(topK)) {
      throw new BadRequestError(
        `\`top_k\` is not supported when thinking is enabled. ${compatibility}`,
      );
    }
    if (typeof topP === 'number' && topP < 0.95) {
      throw new BadRequestError(
        `\`top_p\` must be greater than or equal to 0.95 or unset when thinking is enabled. ${compatibility}`,
      );
    }
  }
}

/**
 * @param {string} name
 * @param {unknown} data
 */
function eventFrame(name, data) {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * @param {ChatContext} context
 * @param {number} outputTokens
 */
function usageFor(context, outputTokens) {
  return {
    input_tokens: context.promptTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    output_tokens: outputTokens,
  };
}

/** @param {ChatContext} context */
function messageEnvelope(context) {
  return {
    id: `msg_mock${context.sequence}`,
    type: 'message',
    role: 'assistant',
    model: context.model,
  };
}

/**
 * message_start, optionally a thinking block (thinking_delta…, signature_delta), a text block
 * (a tool_use block after it for tool-call), message_delta with the cumulative usage, and
 * message_stop. A ping follows the first block start and another sits between two text deltas.
 * The failing scenarios stop after a few text deltas.
 * @param {Exclude<AnthropicScenario, 'thinking'>} kind
 * @param {boolean} thinking
 * @param {ChatContext} context
 */
function* anthropicFrames(kind, thinking, context) {
  const failing =
    kind === 'mid-stream-error' || kind === 'truncated' || kind === 'connection-reset';
  let index = 0;
  let outputTokens = 0;
  const start = (/** @type {Record<string, unknown>} */ block) =>
    eventFrame('content_block_start', { type: 'content_block_start', index, content_block: block });
  const delta = (/** @type {Record<string, unknown>} */ value) =>
    eventFrame('content_block_delta', { type: 'content_block_delta', index, delta: value });
  const stop = () => eventFrame('content_block_stop', { type: 'content_block_stop', index });

  yield eventFrame('message_start', {
    type: 'message_start',
    message: {
      ...messageEnvelope(context),
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: usageFor(context, 1),
    },
  });
  if (thinking) {
    yield start({ type: 'thinking', thinking: '', signature: '' });
    yield PING_FRAME;
    for (const piece of context.reasoningPieces) {
      outputTokens += 1;
      yield delta({ type: 'thinking_delta', thinking: piece });
    }
    yield delta({ type: 'signature_delta', signature: `sig_mock_${context.sequence}` });
    yield stop();
    index += 1;
  }

  yield start({ type: 'text', text: '' });
  if (!thinking) yield PING_FRAME;
  const pieces =
    kind === 'tool-call'
      ? splitWords(TOOL_CALL_PREAMBLE)
      : contentPieces(context, failing ? DELTAS_BEFORE_FAILURE : undefined);
  let written = 0;
  for (const piece of pieces) {
    if (written === 2) yield PING_FRAME;
    written += 1;
    outputTokens += 1;
    yield delta({ type: 'text_delta', text: piece });
  }
  if (failing) {
    if (kind === 'mid-stream-error') yield eventFrame('error', ANTHROPIC_OVERLOADED_EVENT);
    return;
  }
  yield stop();
  index += 1;

  if (kind === 'tool-call') {
    yield start({
      type: 'tool_use',
      id: `toolu_mock${context.sequence}`,
      name: 'get_weather',
      input: {},
    });
    for (const fragment of ['', ...TOOL_CALL_ARGUMENT_FRAGMENTS]) {
      yield delta({ type: 'input_json_delta', partial_json: fragment });
    }
    outputTokens += TOOL_CALL_ARGUMENT_FRAGMENTS.length;
    yield stop();
  }
  yield eventFrame('message_delta', {
    type: 'message_delta',
    delta: { stop_reason: kind === 'tool-call' ? 'tool_use' : 'end_turn', stop_sequence: null },
    usage: usageFor(context, outputTokens),
  });
  yield eventFrame('message_stop', { type: 'message_stop' });
}

/**
 * The `message` of a non-streaming request.
 * @param {Exclude<AnthropicScenario, 'thinking'>} kind
 * @param {boolean} thinking
 * @param {ChatContext} context
 */
function buildMessage(kind, thinking, context) {
  /** @type {Record<string, unknown>[]} */
  const content = [];
  let outputTokens = 0;
  if (thinking) {
    content.push({
      type: 'thinking',
      thinking: context.reasoningPieces.join(''),
      signature: `sig_mock_${context.sequence}`,
    });
    outputTokens += context.reasoningPieces.length;
  }
  if (kind === 'tool-call') {
    content.push({ type: 'text', text: TOOL_CALL_PREAMBLE });
    content.push({
      type: 'tool_use',
      id: `toolu_mock${context.sequence}`,
      name: 'get_weather',
      input: JSON.parse(TOOL_CALL_ARGUMENT_FRAGMENTS.join('')),
    });
    outputTokens += splitWords(TOOL_CALL_PREAMBLE).length + TOOL_CALL_ARGUMENT_FRAGMENTS.length;
  } else {
    content.push({ type: 'text', text: [...contentPieces(context)].join('') });
    outputTokens += contentCount(context);
  }
  return {
    ...messageEnvelope(context),
    content,
    stop_reason: kind === 'tool-call' ? 'tool_use' : 'end_turn',
    stop_sequence: null,
    usage: usageFor(context, outputTokens),
  };
}
