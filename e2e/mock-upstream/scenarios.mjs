// @ts-check
/**
 * What every dialect shares about an answer: which scenario a request asks for (by the
 * `x-mock-scenario` header or words in the model name), its pacing, and the text it says.
 */
import { BadRequestError, isRecord } from './http.mjs';

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
 * @property {string} model The model the answer names (after any fallback or routing).
 * @property {number} created Epoch seconds.
 * @property {string} userText Text of the last user message.
 * @property {string[]} reasoningPieces
 * @property {string[]} answerPieces
 * @property {number} promptTokens
 * @property {boolean} includeUsage `stream_options.include_usage`.
 * @property {Pacing} pacing
 */

/**
 * @template {string} Name
 * @typedef {{ kind: 'error', status: number, openRouterShape: boolean } | { kind: Name | 'text' }}
 *   Scenario
 */

const SLOW_MODEL_CHUNK_DELAY_MS = 150;
const MAX_DELAY_MS = 600_000;
const MAX_CONTENT_CHUNKS = 1_000_000;
// Scenarios that break off mid-answer send only this many deltas unless x-mock-chunks says otherwise.
export const DELTAS_BEFORE_FAILURE = 3;
export const TOOL_CALL_PREAMBLE = 'Let me check the weather for you.';
export const TOOL_CALL_ARGUMENT_FRAGMENTS = ['{"', 'city":"Par', 'is"}'];

/**
 * The lower-case text scenarios are matched against: the header when present, else the model.
 * @param {string | undefined} header
 * @param {string} model
 */
export function scenarioSelector(header, model) {
  return header?.trim().toLowerCase() ?? model.toLowerCase();
}

/**
 * The header wins over the model name. `error-<status>` comes first, then the first rule that
 * matches, so a dialect orders its rules when names contain others ("reasoning-details"
 * contains "reasoning").
 * @template {string} Name
 * @param {string | undefined} header
 * @param {string} model
 * @param {ReadonlyArray<readonly [Name, RegExp]>} rules
 * @returns {Scenario<Name>}
 */
export function chooseScenario(header, model, rules) {
  const selector = scenarioSelector(header, model);
  const errorMatch = /(openrouter-)?error-([45]\d\d)/.exec(selector);
  if (errorMatch) {
    return { kind: 'error', status: Number(errorMatch[2]), openRouterShape: !!errorMatch[1] };
  }
  const match = rules.find(([, pattern]) => pattern.test(selector));
  if (match) return { kind: match[0] };
  // A typo in the header should fail loudly rather than silently fall back to plain text.
  if (header !== undefined && selector !== 'text' && selector !== 'default') {
    throw new BadRequestError(`Unknown x-mock-scenario "${header}".`);
  }
  return { kind: 'text' };
}

/**
 * @param {Record<string, string>} headers
 * @param {string} model
 * @returns {Pacing}
 */
export function readPacing(headers, model) {
  const defaultChunkDelay = model.includes('slow') ? SLOW_MODEL_CHUNK_DELAY_MS : 0;
  // Through the gateway only the body reaches the mock (x-mock-* headers are not forwarded), so
  // benchmarks name their pacing in the model: `mock/bench-chunks-200-delay-5`, and a wait
  // before the first byte as `wait-<ms>`.
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
    firstByteDelayMs:
      readIntegerHeader(headers, 'x-mock-first-byte-delay-ms', MAX_DELAY_MS) ??
      fromModel(/wait-(\d+)/, MAX_DELAY_MS) ??
      0,
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
    throw new BadRequestError(`Header ${name} must be an integer from 0 to ${max}.`);
  }
  return Number(value);
}

/**
 * @param {object} input
 * @param {number} input.sequence
 * @param {string} input.model
 * @param {string} input.userText
 * @param {unknown} input.promptSource Whatever the prompt tokens are estimated from.
 * @param {boolean} input.includeUsage
 * @param {Pacing} input.pacing
 * @returns {ChatContext}
 */
export function buildContext({ sequence, model, userText, promptSource, includeUsage, pacing }) {
  return {
    sequence,
    model,
    created: Math.floor(Date.now() / 1000),
    userText,
    reasoningPieces: splitWords(`The user said "${userText}". I should answer briefly.`),
    // The check mark is multi-byte in UTF-8, so clients must decode across chunk boundaries.
    answerPieces: splitWords(`Hello from the mock upstream. You said: ${userText}. ✓`),
    promptTokens: Math.max(1, Math.ceil(JSON.stringify(promptSource ?? []).length / 4)),
    includeUsage,
    pacing,
  };
}

/**
 * The last user message of an OpenAI or Anthropic `messages` array.
 * @param {unknown} messages
 * @returns {string}
 */
export function lastUserText(messages) {
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
export function splitWords(text) {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/**
 * The answer's deltas, repeated or cut so there are exactly `x-mock-chunks` of them when set.
 * @param {ChatContext} context
 * @param {number} [naturalCount]
 * @returns {Generator<string>}
 */
export function* contentPieces(context, naturalCount = context.answerPieces.length) {
  const pieces = context.answerPieces;
  const count = context.pacing.contentChunks ?? naturalCount;
  for (let index = 0; index < count; index += 1) yield pieces[index % pieces.length] ?? '';
}

/**
 * @param {ChatContext} context
 * @param {number} [naturalCount]
 */
export function contentCount(context, naturalCount = context.answerPieces.length) {
  return context.pacing.contentChunks ?? naturalCount;
}
