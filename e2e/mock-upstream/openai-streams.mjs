// @ts-check
/**
 * The SSE bodies of the OpenAI dialect: Chat Completions chunks as OpenAI, OpenRouter,
 * DeepSeek, Ollama and Azure send them (wire-formats.md §1, §2, §4, §7, §8).
 */
import { openAiError, openRouterMidStreamError } from './errors.mjs';
import {
  DELTAS_BEFORE_FAILURE,
  TOOL_CALL_ARGUMENT_FRAGMENTS,
  TOOL_CALL_PREAMBLE,
  contentCount,
  contentPieces,
  splitWords,
} from './scenarios.mjs';

/** @typedef {import('./scenarios.mjs').ChatContext} ChatContext */

/**
 * @typedef {'text' | 'reasoning' | 'reasoning-details' | 'reasoning-content' | 'think-tags'
 *   | 'tool-call' | 'mid-stream-error' | 'openrouter-mid-stream-error' | 'truncated'
 *   | 'connection-reset'} OpenAiScenario
 */

/** @typedef {'openai' | 'openrouter' | 'deepseek'} Flavour */

const DONE_FRAME = 'data: [DONE]\n\n';
// Ollama-style inline reasoning; the tags are split so a parser must join chunks to find them.
export const THINK_OPEN_PIECES = ['<thi', 'nk>\n'];
export const THINK_CLOSE_PIECES = ['\n</th', 'ink>\n\n'];

/** @param {unknown} payload */
function dataFrame(payload) {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

/** @param {string} text */
function commentFrame(text) {
  return `: ${text}\n\n`;
}

/**
 * @param {ChatContext} context
 * @param {number} reasoningTokens
 * @param {number} answerTokens
 */
export function usageFor(context, reasoningTokens, answerTokens) {
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
export function withCost(usage) {
  const cost = (usage.prompt_tokens * 1 + usage.completion_tokens * 2) / 1_000_000;
  return { ...usage, cost: Number(cost.toFixed(8)), is_byok: false };
}

/** Azure's prompt filter verdict: nothing flagged. */
export function azurePromptFilterResults() {
  const safe = { filtered: false, severity: 'safe' };
  return [
    {
      prompt_index: 0,
      content_filter_results: {
        hate: safe,
        jailbreak: { filtered: false, detected: false },
        self_harm: safe,
        sexual: safe,
        violence: safe,
      },
    },
  ];
}

/** Azure's first chunk: no choices, only the prompt filter results. */
export function azurePromptFilterFrame() {
  return dataFrame({
    choices: [],
    created: 0,
    id: '',
    model: '',
    object: '',
    prompt_filter_results: azurePromptFilterResults(),
  });
}

/**
 * Builders for chat.completion.chunk frames in one provider's flavour: OpenRouter adds
 * `provider` and `native_finish_reason`.
 * @param {ChatContext} context
 * @param {Flavour} flavour
 */
function chunkFrames(context, flavour) {
  const isOpenRouter = flavour === 'openrouter';
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
 * Older Ollama builds and LM Studio with reasoning not separated: `<think>…</think>` inline in
 * `content`, the tags split across chunks, then the answer.
 * @param {ChatContext} context
 */
function* thinkTagFrames(context) {
  const chunks = chunkFrames(context, 'openai');
  yield chunks.role();
  const reasoning = [...THINK_OPEN_PIECES, ...context.reasoningPieces, ...THINK_CLOSE_PIECES];
  for (const piece of reasoning) yield chunks.choice({ content: piece });
  for (const piece of contentPieces(context)) yield chunks.choice({ content: piece });
  yield chunks.finish('stop');
  yield* optionalUsageFrame(context, chunks, reasoning.length, contentCount(context));
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

/** @type {Record<OpenAiScenario, (context: ChatContext) => Iterable<string>>} */
export const OPENAI_STREAMS = {
  text: textFrames,
  reasoning: reasoningFrames,
  'reasoning-details': reasoningDetailsFrames,
  'reasoning-content': reasoningContentFrames,
  'think-tags': thinkTagFrames,
  'tool-call': toolCallFrames,
  'mid-stream-error': midStreamErrorFrames,
  'openrouter-mid-stream-error': openRouterMidStreamErrorFrames,
  truncated: truncatedFrames,
  'connection-reset': truncatedFrames,
};
