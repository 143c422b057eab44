// @ts-check
/**
 * `POST …/chat/completions` (and Azure's `…/openai/deployments/{d}/chat/completions`): checks
 * the request the way the providers do, picks the answering model through the routers'
 * fallbacks, and answers with the scenario's stream or completion.
 */
import {
  openAiError,
  openAiErrorForStatus,
  openAiUnsupportedValue,
  openRouterError,
  openRouterMidStreamError,
} from './errors.mjs';
import {
  BadRequestError,
  SSE_HEADERS,
  isRecord,
  pause,
  sendHalfJson,
  sendJson,
  streamFrames,
} from './http.mjs';
import {
  isClaudeWithoutSampling,
  isDeepSeekReasoner,
  isOpenAiReasoningModel,
} from './model-rules.mjs';
import {
  OPENAI_STREAMS,
  THINK_CLOSE_PIECES,
  THINK_OPEN_PIECES,
  azurePromptFilterFrame,
  azurePromptFilterResults,
  usageFor,
  withCost,
} from './openai-streams.mjs';
import { routeChat } from './routing.mjs';
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
} from './scenarios.mjs';

/** @typedef {import('./http.mjs').ServerResponse} ServerResponse */
/** @typedef {import('./http.mjs').RecordedRequest} RecordedRequest */
/** @typedef {import('./http.mjs').ChatExchange} ChatExchange */
/** @typedef {import('./scenarios.mjs').ChatContext} ChatContext */
/** @typedef {import('./openai-streams.mjs').OpenAiScenario} OpenAiScenario */

/**
 * Order matters: several names contain others ("openrouter-mid-stream-error" contains
 * "mid-stream-error", "reasoning-details" contains "reasoning", "think-tags" contains "think").
 * @type {ReadonlyArray<readonly [OpenAiScenario, RegExp]>}
 */
const OPENAI_RULES = [
  ['openrouter-mid-stream-error', /openrouter-mid-stream-error/],
  ['mid-stream-error', /mid-stream-error/],
  ['truncated', /truncated/],
  ['connection-reset', /connection-reset/],
  ['reasoning-details', /reasoning-details/],
  ['reasoning-content', /reasoning-content|deepseek-reasoner/],
  ['think-tags', /think-tags/],
  ['reasoning', /reasoning|r1|reasoner|think|gpt-5|\/o3|o4-mini/],
  ['tool-call', /tool-call/],
];

/**
 * @param {ServerResponse} response
 * @param {RecordedRequest} recorded
 * @param {number} sequence
 * @param {ChatExchange} exchange
 * @param {string} [azureDeployment] Set on Azure's legacy route: the deployment is the model.
 */
export async function handleOpenAiChat(response, recorded, sequence, exchange, azureDeployment) {
  const body = recorded.body;
  if (!isRecord(body)) {
    throw new BadRequestError(
      'We could not parse the JSON body of your request. The API expects a JSON object.',
    );
  }
  const routing = azureDeployment
    ? { ok: /** @type {const} */ (true), model: azureDeployment, headers: {} }
    : routeChat(body, recorded.path);
  const model = routing.ok ? routing.model : 'unrouted';
  if (model === undefined)
    throw new BadRequestError('You must provide a model parameter.', 'model');

  const scenario = chooseScenario(recorded.headers['x-mock-scenario'], model, OPENAI_RULES);
  const streamOptions = body.stream_options;
  const context = buildContext({
    sequence,
    model,
    userText: lastUserText(body.messages),
    promptSource: body.messages,
    includeUsage: isRecord(streamOptions) && streamOptions.include_usage === true,
    pacing: readPacing(recorded.headers, model),
  });
  const rejection = unsupportedParameterError(body, model);

  const { firstByteDelayMs } = context.pacing;
  if (firstByteDelayMs > 0 && !(await pause(firstByteDelayMs, exchange.signal))) return;

  if (!routing.ok) return sendJson(response, routing.status, routing.body);
  if (rejection) return sendJson(response, 400, rejection);
  const headers = routing.headers;
  if (scenario.kind === 'error') {
    const errorBody = scenario.openRouterShape
      ? openRouterError(scenario.status, context.userText)
      : openAiErrorForStatus(scenario.status);
    /** @type {Record<string, string>} */
    const retry = scenario.status === 429 ? { 'retry-after': '7' } : {};
    return sendJson(response, scenario.status, errorBody, { ...headers, ...retry });
  }
  if (body.stream === true) {
    const frames = OPENAI_STREAMS[scenario.kind](context);
    return streamFrames(
      response,
      { ...SSE_HEADERS, ...headers },
      azureDeployment ? [azurePromptFilterFrame(), ...frames] : frames,
      context.pacing.chunkDelayMs,
      exchange,
      scenario.kind === 'connection-reset',
    );
  }
  if (scenario.kind === 'mid-stream-error') {
    return sendJson(response, 500, openAiErrorForStatus(500), headers);
  }
  const completion = {
    ...buildCompletion(scenario.kind, context),
    ...(azureDeployment ? { prompt_filter_results: azurePromptFilterResults() } : {}),
  };
  if (scenario.kind === 'truncated' || scenario.kind === 'connection-reset') {
    return sendHalfJson(
      response,
      completion,
      scenario.kind === 'connection-reset',
      exchange,
      headers,
    );
  }
  sendJson(response, 200, completion, headers);
}

/**
 * Parameters providers refuse with 400, so proxies must not send them. The bodies are OpenAI's
 * recorded ones, word for word.
 * - o-series and gpt-5 (not `-chat`): `max_tokens`, and `temperature` other than 1.
 * - Claude Opus ≥ 4.7 or major ≥ 5, DeepSeek R1/reasoner: `temperature` other than 1, as
 *   routers that pass it through to those providers answer.
 * @param {Record<string, unknown>} body
 * @param {string} model
 */
function unsupportedParameterError(body, model) {
  const temperature = body.temperature;
  const hasOddTemperature = temperature !== undefined && temperature !== null && temperature !== 1;
  if (isOpenAiReasoningModel(model)) {
    if (body.max_tokens !== undefined && body.max_tokens !== null) {
      return openAiError(
        "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
        'invalid_request_error',
        'unsupported_parameter',
        'max_tokens',
      );
    }
    if (hasOddTemperature) return openAiUnsupportedValue(temperature, 'temperature');
  }
  if ((isClaudeWithoutSampling(model) || isDeepSeekReasoner(model)) && hasOddTemperature) {
    return openAiUnsupportedValue(temperature, 'temperature');
  }
  return undefined;
}

/**
 * The `chat.completion` of a non-streaming request.
 * @param {OpenAiScenario} scenario
 * @param {ChatContext} context
 */
function buildCompletion(scenario, context) {
  const isOpenRouter =
    scenario === 'reasoning-details' || scenario === 'openrouter-mid-stream-error';
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
  if (scenario === 'think-tags') {
    const tagged = [...THINK_OPEN_PIECES, reasoning, ...THINK_CLOSE_PIECES, answer].join('');
    message = { ...message, content: tagged };
  }
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
    ...(isOpenRouter ? { provider: 'Mock' } : {}),
    choices: [
      {
        index: 0,
        message,
        finish_reason: finishReason,
        ...(isOpenRouter ? { native_finish_reason: finishReason } : {}),
        ...choiceExtras,
      },
    ],
    usage,
  };
}
