// @ts-check
/**
 * `POST …/models/{model}:streamGenerateContent?alt=sse` and `…:generateContent`: Google's
 * Generative Language API (wire-formats.md §6). Every SSE event is a whole
 * GenerateContentResponse with cumulative usage; the body just ends, with no [DONE].
 */
import { GEMINI_RETRY_INFO, geminiError } from './errors.mjs';
import { BadRequestError, isRecord, pause, sendHalfJson, sendJson, streamFrames } from './http.mjs';
import {
  DELTAS_BEFORE_FAILURE,
  TOOL_CALL_ARGUMENT_FRAGMENTS,
  TOOL_CALL_PREAMBLE,
  buildContext,
  chooseScenario,
  contentCount,
  contentPieces,
  readPacing,
  scenarioSelector,
  splitWords,
} from './scenarios.mjs';

/** @typedef {import('./http.mjs').ServerResponse} ServerResponse */
/** @typedef {import('./http.mjs').RecordedRequest} RecordedRequest */
/** @typedef {import('./http.mjs').ChatExchange} ChatExchange */
/** @typedef {import('./scenarios.mjs').ChatContext} ChatContext */
/** @typedef {'text' | 'thinking' | 'tool-call' | 'mid-stream-error' | 'truncated' | 'connection-reset'} GeminiScenario */
/** @typedef {Exclude<GeminiScenario, 'thinking'>} GeminiKind */

/** @type {ReadonlyArray<readonly [GeminiScenario, RegExp]>} */
const GEMINI_RULES = [
  ['mid-stream-error', /mid-stream-error/],
  ['truncated', /truncated/],
  ['connection-reset', /connection-reset/],
  ['tool-call', /tool-call/],
  ['thinking', /think|reasoning|pro/],
];
const THINKING_PATTERN = /think|reasoning|pro/;
const GEMINI_SSE_HEADERS = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' };
const FUNCTION_CALL = {
  name: 'get_weather',
  args: /** @type {unknown} */ (JSON.parse(TOOL_CALL_ARGUMENT_FRAGMENTS.join(''))),
};

/**
 * @param {ServerResponse} response
 * @param {RecordedRequest} recorded
 * @param {number} sequence
 * @param {ChatExchange} exchange
 * @param {string} model From the path.
 * @param {'streamGenerateContent' | 'generateContent'} method
 */
export async function handleGemini(response, recorded, sequence, exchange, model, method) {
  const streaming = method === 'streamGenerateContent';
  if (streaming && recorded.query.alt !== 'sse') {
    throw new BadRequestError(
      'The mock streams only Server-Sent Events: call streamGenerateContent with ?alt=sse.',
    );
  }
  const body = recorded.body;
  if (!isRecord(body)) {
    throw new BadRequestError('Invalid JSON payload received. Unexpected end of string.');
  }
  if (!Array.isArray(body.contents) || body.contents.length === 0) {
    throw new BadRequestError('* GenerateContentRequest.contents: contents is not specified\n');
  }

  const header = recorded.headers['x-mock-scenario'];
  const scenario = chooseScenario(header, model, GEMINI_RULES);
  const generationConfig = isRecord(body.generationConfig) ? body.generationConfig : {};
  const thinkingConfig = isRecord(generationConfig.thinkingConfig)
    ? generationConfig.thinkingConfig
    : {};
  const thinking =
    thinkingConfig.includeThoughts !== false &&
    thinkingConfig.thinkingBudget !== 0 &&
    (THINKING_PATTERN.test(scenarioSelector(header, model)) ||
      thinkingConfig.includeThoughts === true);
  const context = buildContext({
    sequence,
    model,
    userText: lastUserText(body.contents),
    promptSource: body.contents,
    includeUsage: true,
    pacing: readPacing(recorded.headers, model),
  });

  const { firstByteDelayMs } = context.pacing;
  if (firstByteDelayMs > 0 && !(await pause(firstByteDelayMs, exchange.signal))) return;

  if (scenario.kind === 'error') {
    const details = scenario.status === 429 ? [GEMINI_RETRY_INFO] : undefined;
    return sendJson(response, scenario.status, geminiError(scenario.status, undefined, details));
  }
  const kind = scenario.kind === 'thinking' ? 'text' : scenario.kind;
  if (streaming) {
    const crlf = model.toLowerCase().includes('crlf');
    return streamFrames(
      response,
      GEMINI_SSE_HEADERS,
      geminiFrames(kind, thinking, context, crlf),
      context.pacing.chunkDelayMs,
      exchange,
      kind === 'connection-reset',
    );
  }
  if (kind === 'mid-stream-error') return sendJson(response, 503, geminiError(503));
  const answer = buildResponse(kind, thinking, context);
  if (kind === 'truncated' || kind === 'connection-reset') {
    return sendHalfJson(response, answer, kind === 'connection-reset', exchange);
  }
  sendJson(response, 200, answer);
}

/**
 * The text parts of the last turn that is not the model's; thought parts do not count.
 * @param {unknown[]} contents
 */
function lastUserText(contents) {
  const turn = contents.findLast((content) => isRecord(content) && content.role !== 'model');
  if (!isRecord(turn) || !Array.isArray(turn.parts)) return '';
  /** @type {unknown[]} */
  const parts = turn.parts;
  return parts
    .map((part) =>
      isRecord(part) && typeof part.text === 'string' && part.thought !== true ? part.text : '',
    )
    .filter((text) => text !== '')
    .join(' ');
}

/**
 * @param {ChatContext} context
 * @param {number} candidates Answer tokens so far.
 * @param {number} thoughts Thought tokens so far.
 */
function usageMetadata(context, candidates, thoughts) {
  return {
    promptTokenCount: context.promptTokens,
    candidatesTokenCount: candidates,
    totalTokenCount: context.promptTokens + candidates + thoughts,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: context.promptTokens }],
    ...(thoughts > 0 ? { thoughtsTokenCount: thoughts } : {}),
  };
}

/**
 * @param {ChatContext} context
 * @param {Record<string, unknown>[]} parts
 * @param {string | undefined} finishReason
 * @param {ReturnType<typeof usageMetadata>} usage
 */
function generateContentResponse(context, parts, finishReason, usage) {
  return {
    candidates: [
      { content: { parts, role: 'model' }, ...(finishReason ? { finishReason } : {}), index: 0 },
    ],
    usageMetadata: usage,
    modelVersion: context.model,
    responseId: `mock-resp-${context.sequence}`,
  };
}

/**
 * One part per event: thought parts first when thinking, then the answer (or the tool-call
 * preamble and a whole functionCall part). finishReason STOP sits on the last event; when
 * thinking, that is an empty-text part carrying the thoughtSignature. The failing scenarios
 * stop after a few answer parts, with no finishReason.
 * @param {GeminiKind} kind
 * @param {boolean} thinking
 * @param {ChatContext} context
 * @param {boolean} crlf Frame the events with CRLF line endings, as Vertex does.
 */
function* geminiFrames(kind, thinking, context, crlf) {
  const eol = crlf ? '\r\n' : '\n';
  const frame = (/** @type {unknown} */ payload) => `data: ${JSON.stringify(payload)}${eol}${eol}`;
  const failing =
    kind === 'mid-stream-error' || kind === 'truncated' || kind === 'connection-reset';
  const signature = `sig_mock_${context.sequence}`;
  let thoughts = 0;
  let candidates = 0;
  const event = (
    /** @type {Record<string, unknown>[]} */ parts,
    /** @type {string} */ finish = '',
  ) =>
    frame(
      generateContentResponse(
        context,
        parts,
        finish || undefined,
        usageMetadata(context, candidates, thoughts),
      ),
    );

  if (thinking) {
    for (const piece of context.reasoningPieces) {
      thoughts += 1;
      yield event([{ text: piece, thought: true }]);
    }
  }
  if (kind === 'tool-call') {
    for (const piece of splitWords(TOOL_CALL_PREAMBLE)) {
      candidates += 1;
      yield event([{ text: piece }]);
    }
    candidates += TOOL_CALL_ARGUMENT_FRAGMENTS.length;
    const call = {
      functionCall: FUNCTION_CALL,
      ...(thinking ? { thoughtSignature: signature } : {}),
    };
    yield event([call], 'STOP');
    return;
  }

  const naturalCount = failing ? DELTAS_BEFORE_FAILURE : undefined;
  const total = contentCount(context, naturalCount);
  for (const piece of contentPieces(context, naturalCount)) {
    candidates += 1;
    const isLast = candidates === total && !failing && !thinking;
    yield event([{ text: piece }], isLast ? 'STOP' : '');
  }
  if (kind === 'mid-stream-error') {
    yield frame(geminiError(503, 'The model is overloaded. Please try again later.'));
    return;
  }
  if (failing) return;
  if (thinking) yield event([{ text: '', thoughtSignature: signature }], 'STOP');
  else if (total === 0) yield event([{ text: '' }], 'STOP');
}

/**
 * The GenerateContentResponse of a non-streaming request. The thoughtSignature sits on the
 * first part after the thoughts.
 * @param {GeminiKind} kind
 * @param {boolean} thinking
 * @param {ChatContext} context
 */
function buildResponse(kind, thinking, context) {
  const signature = thinking ? { thoughtSignature: `sig_mock_${context.sequence}` } : {};
  /** @type {Record<string, unknown>[]} */
  const parts = thinking ? [{ text: context.reasoningPieces.join(''), thought: true }] : [];
  let candidates = 0;
  if (kind === 'tool-call') {
    parts.push({ text: TOOL_CALL_PREAMBLE, ...signature });
    parts.push({ functionCall: FUNCTION_CALL });
    candidates = splitWords(TOOL_CALL_PREAMBLE).length + TOOL_CALL_ARGUMENT_FRAGMENTS.length;
  } else {
    parts.push({ text: [...contentPieces(context)].join(''), ...signature });
    candidates = contentCount(context);
  }
  const thoughts = thinking ? context.reasoningPieces.length : 0;
  return generateContentResponse(
    context,
    parts,
    'STOP',
    usageMetadata(context, candidates, thoughts),
  );
}
