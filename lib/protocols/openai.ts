import { isRecord } from '@/lib/errors/parley-error';
import {
  listEntries,
  listedCount,
  listedStrings,
  listedText,
  type ListedModel,
} from '@/lib/models/listed-model';
import type { ServerSentEvent } from '@/lib/sse/parse-event-stream';
import { requestedEffort, thinkingSwitch } from './request-settings';
import { endOfStream, parseEventData } from './stream-end';
import { createThinkTagSplitter } from './think-tags';
import type {
  ChatTurn,
  ProtocolAdapter,
  StreamDecoder,
  StreamErrorInfo,
  StreamPart,
  TokenUsage,
} from './types';

/**
 * OpenAI chat completions, as spoken by OpenAI, OpenRouter, OrcaRouter and every compatible
 * server. Reasoning arrives as `reasoning_content` (DeepSeek, LM Studio), `reasoning` (OpenRouter,
 * Ollama), `reasoning_details` (OpenRouter's structured copy of the same text), or inline in
 * `content` between `<think>` tags (servers that do not separate it).
 */
export const openaiProtocol: ProtocolAdapter = {
  parameterFields: {
    temperature: 'temperature',
    top_p: 'top_p',
    top_k: 'top_k', // OpenRouter and OrcaRouter extension, forwarded to Claude and others.
    presence_penalty: 'presence_penalty',
    frequency_penalty: 'frequency_penalty',
    logprobs: 'logprobs',
    top_logprobs: 'top_logprobs',
    logit_bias: 'logit_bias',
    seed: 'seed',
    stop: 'stop',
  },
  parseModelList: (payload) =>
    // OpenAI's `{data:[…]}` (and Azure, DeepSeek, xAI, Ollama, the routers); a bare array
    // (Together AI) and `{models:[{id}]}` (some compatible servers) carry the same entries.
    (Array.isArray(payload)
      ? payload
      : [...listEntries(payload, 'data'), ...listEntries(payload, 'models')]
    ).flatMap(readListedModel),
  readRequestSettings(body) {
    const reasoningEffort = requestedEffort(body);
    const thinking = thinkingSwitch(body);
    if (thinking !== undefined) return { reasoningEffort, thinking };
    // The routers turn a requested effort into Claude thinking (§2 `reasoning`, §3 "Reasoning").
    const reasoning = isRecord(body.reasoning) ? body.reasoning : undefined;
    const requested =
      reasoningEffort === undefined
        ? reasoning !== undefined && reasoning.enabled !== false
        : reasoningEffort !== 'none';
    return { reasoningEffort, thinking: requested ? true : undefined };
  },
  streamErrorEvent: (code, message) =>
    `data: ${JSON.stringify({ error: { message, type: 'timeout', code } })}\n\n`,
  buildChatRequest(request) {
    const messages: OpenAIMessage[] = [];
    if (request.system?.trim()) messages.push({ role: 'system', content: request.system });
    for (const turn of request.turns) messages.push(toMessage(turn));
    const parameters = request.parameters ?? {};
    const body: Record<string, unknown> = {
      model: request.model,
      messages,
      stream: true,
      stream_options: { include_usage: true },
    };
    // Only what the user set: some models reject even a default sent explicitly (wire-formats §1a).
    if (parameters.temperature !== undefined) body.temperature = parameters.temperature;
    if (parameters.topP !== undefined) body.top_p = parameters.topP;
    if (parameters.maxOutputTokens !== undefined) body.max_tokens = parameters.maxOutputTokens;
    if (parameters.presencePenalty !== undefined)
      body.presence_penalty = parameters.presencePenalty;
    if (parameters.frequencyPenalty !== undefined)
      body.frequency_penalty = parameters.frequencyPenalty;
    if (request.reasoningEffort) body.reasoning_effort = request.reasoningEffort;
    if (request.tools?.length) {
      body.tools = request.tools.map((tool) => ({
        type: 'function',
        function: { name: tool.name, description: tool.description, parameters: tool.parameters },
      }));
    }
    return { path: 'chat/completions', body };
  },
  createStreamDecoder: createOpenAIStreamDecoder,
};

type OpenAIContentPart =
  { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

interface OpenAIMessage {
  role: 'system' | 'user' | 'assistant';
  content: string | OpenAIContentPart[];
}

/** Assistant turns carry only their answer: reasoning is never sent back on this protocol. */
function toMessage(turn: ChatTurn): OpenAIMessage {
  if (turn.role !== 'user' || !turn.images?.length) {
    return { role: turn.role, content: turn.content };
  }
  return {
    role: 'user',
    content: [
      { type: 'text', text: turn.content },
      ...turn.images.map((image) => ({
        type: 'image_url' as const,
        image_url: { url: image.dataUrl },
      })),
    ],
  };
}

export function createOpenAIStreamDecoder(): StreamDecoder {
  let finishReason: string | undefined;
  let usage: TokenUsage | undefined;
  let model: string | undefined;
  /** `[DONE]` arrived, or an error ended the stream; later events are ignored. */
  let terminated = false;
  let failed = false;
  const thinkTags = createThinkTagSplitter();

  return {
    decode(event: ServerSentEvent): StreamPart[] {
      if (terminated) return [];
      if (event.data === '[DONE]') {
        terminated = true;
        return [];
      }
      const parsed = parseEventData(event.data);
      if ('error' in parsed) {
        terminated = true;
        failed = true;
        return [...thinkTags.flush(), parsed.error];
      }
      const chunk = parsed.value;
      if (!isRecord(chunk)) return [];
      // An error after the stream started: OpenAI's `data: {"error":…}`, OrcaRouter's
      // `event: error`, OpenRouter's error chunk with finish_reason "error".
      if (event.event === 'error' || (chunk.error !== undefined && chunk.error !== null)) {
        terminated = true;
        failed = true;
        return [...thinkTags.flush(), { type: 'error', error: readError(chunk.error ?? chunk) }];
      }

      const parts: StreamPart[] = [];
      if (typeof chunk.model === 'string' && chunk.model && chunk.model !== model) {
        model = chunk.model;
        parts.push({ type: 'response-model', model });
      }
      const chunkUsage = readUsage(chunk.usage);
      if (chunkUsage) usage = chunkUsage;

      const choice = Array.isArray(chunk.choices) ? chunk.choices[0] : undefined;
      if (!isRecord(choice)) return parts;
      if (typeof choice.finish_reason === 'string' && finishReason === undefined) {
        finishReason = choice.finish_reason;
      }
      const delta = choice.delta;
      if (!isRecord(delta)) return parts;

      const reasoning = readReasoning(delta);
      if (reasoning) parts.push({ type: 'reasoning-delta', text: reasoning });
      if (typeof delta.content === 'string' && delta.content) {
        parts.push(...thinkTags.push(delta.content));
      }
      if (Array.isArray(delta.tool_calls)) {
        for (const call of delta.tool_calls) {
          if (!isRecord(call) || typeof call.index !== 'number') continue;
          const fn = isRecord(call.function) ? call.function : {};
          parts.push({
            type: 'tool-call-delta',
            index: call.index,
            id: typeof call.id === 'string' ? call.id : undefined,
            name: typeof fn.name === 'string' ? fn.name : undefined,
            argumentsDelta: typeof fn.arguments === 'string' ? fn.arguments : '',
          });
        }
      }
      return parts;
    },

    end(): StreamPart[] {
      const held = failed ? [] : thinkTags.flush();
      return [
        ...held,
        ...endOfStream({
          usage,
          failed,
          completed: terminated,
          finishReason: finishReason ?? 'stop',
        }),
      ];
    },
  };
}

/** `reasoning_details` and `reasoning` are two views of one text: use the structured one when present. */
function readReasoning(delta: Record<string, unknown>): string {
  if (Array.isArray(delta.reasoning_details) && delta.reasoning_details.length > 0) {
    return delta.reasoning_details
      .map((detail) => {
        if (!isRecord(detail)) return '';
        if (detail.type === 'reasoning.text' && typeof detail.text === 'string') return detail.text;
        if (detail.type === 'reasoning.summary' && typeof detail.summary === 'string')
          return detail.summary;
        return '';
      })
      .join('');
  }
  if (typeof delta.reasoning_content === 'string') return delta.reasoning_content;
  if (typeof delta.reasoning === 'string') return delta.reasoning;
  return '';
}

function readUsage(value: unknown): TokenUsage | undefined {
  if (!isRecord(value)) return undefined;
  const details = isRecord(value.completion_tokens_details) ? value.completion_tokens_details : {};
  return {
    inputTokens: asNumber(value.prompt_tokens),
    outputTokens: asNumber(value.completion_tokens),
    reasoningTokens: asNumber(details.reasoning_tokens),
    cost: asNumber(value.cost),
  };
}

function readError(value: unknown): StreamErrorInfo {
  if (!isRecord(value))
    return { message: typeof value === 'string' ? value : 'The provider reported an error.' };
  const code = value.code ?? value.type;
  return {
    message: typeof value.message === 'string' ? value.message : 'The provider reported an error.',
    code: typeof code === 'string' ? code : undefined,
    status: typeof value.code === 'number' ? value.code : undefined,
  };
}

function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * One entry of an OpenAI-style model list, with what OpenRouter adds (name, context, prices per
 * token, modalities, supported parameters, reasoning) and what compatible servers name
 * otherwise (`display_name`, `max_input_tokens`).
 */
function readListedModel(entry: unknown): ListedModel[] {
  if (!isRecord(entry) || typeof entry.id !== 'string' || entry.id === '') return [];
  const architecture = isRecord(entry.architecture) ? entry.architecture : {};
  const pricing = isRecord(entry.pricing) ? entry.pricing : undefined;
  const input = pricing ? Number(pricing.prompt) : Number.NaN;
  const output = pricing ? Number(pricing.completion) : Number.NaN;
  return [
    {
      id: entry.id,
      name: listedText(entry.name) ?? listedText(entry.display_name),
      contextLength: listedCount(entry.context_length) ?? listedCount(entry.max_input_tokens),
      pricing:
        Number.isFinite(input) && Number.isFinite(output) && input >= 0 && output >= 0
          ? { input: input * 1_000_000, output: output * 1_000_000 }
          : undefined,
      inputModalities: listedStrings(architecture.input_modalities),
      supportedParameters: listedStrings(entry.supported_parameters),
      reasoning: isRecord(entry.reasoning) ? true : undefined,
    },
  ];
}
