import { isRecord } from '@/lib/errors/parley-error';
import {
  listEntries,
  listedCount,
  listedStrings,
  listedText,
  type ListedModel,
} from '@/lib/models/listed-model';
import type { ServerSentEvent } from '@/lib/sse/parse-event-stream';
import type {
  ChatTurn,
  ProtocolAdapter,
  ReasoningEffort,
  StreamDecoder,
  StreamPart,
  TokenUsage,
} from './types';
import { switchedSettings } from './request-settings';
import { endOfStream, parseEventData } from './stream-end';

const THINKING_BUDGETS: Record<ReasoningEffort, number> = {
  minimal: 512,
  low: 1024,
  medium: 8192,
  high: 24576,
};

/** Google Gemini generateContent, streamed as SSE (wire-formats §6). */
export const geminiProtocol: ProtocolAdapter = {
  parameterFields: {
    temperature: 'generationConfig.temperature',
    top_p: 'generationConfig.topP',
    top_k: 'generationConfig.topK',
    presence_penalty: 'generationConfig.presencePenalty',
    frequency_penalty: 'generationConfig.frequencyPenalty',
    seed: 'generationConfig.seed',
    stop: 'generationConfig.stopSequences',
  },
  // `GET /v1beta/models`: `{models:[{name:"models/…", displayName, inputTokenLimit, …}]}`.
  parseModelList: (payload) => listEntries(payload, 'models').flatMap(readListedModel),
  readRequestSettings: switchedSettings,
  streamErrorEvent: (_code, message) =>
    `data: ${JSON.stringify({ error: { code: 504, message, status: 'DEADLINE_EXCEEDED' } })}\n\n`,
  buildChatRequest(request) {
    const parameters = request.parameters ?? {};
    const generationConfig: Record<string, unknown> = {};
    if (parameters.temperature !== undefined) generationConfig.temperature = parameters.temperature;
    if (parameters.topP !== undefined) generationConfig.topP = parameters.topP;
    if (parameters.maxOutputTokens !== undefined)
      generationConfig.maxOutputTokens = parameters.maxOutputTokens;
    if (request.reasoningEffort) {
      // Thought summaries come back only when asked for with includeThoughts.
      generationConfig.thinkingConfig = {
        includeThoughts: true,
        thinkingBudget: THINKING_BUDGETS[request.reasoningEffort],
      };
    }

    const body: Record<string, unknown> = { contents: request.turns.flatMap(toContent) };
    if (request.system?.trim()) body.systemInstruction = { parts: [{ text: request.system }] };
    if (Object.keys(generationConfig).length) body.generationConfig = generationConfig;
    if (request.tools?.length) {
      const functionDeclarations = request.tools.map((tool) => ({
        name: tool.name,
        ...(tool.description ? { description: tool.description } : {}),
        parameters: tool.parameters,
      }));
      body.tools = [{ functionDeclarations }];
    }
    // The model list reports names as `models/…`; the path wants the bare id, escaped.
    const model = encodeURIComponent(request.model.replace(/^models\//, ''));
    // @google/genai puts the API version in the path, after a version-less base URL.
    return { path: `v1beta/models/${model}:streamGenerateContent`, query: { alt: 'sse' }, body };
  },
  createStreamDecoder: createGeminiStreamDecoder,
};

type GeminiPart = ({ text: string } | { inlineData: { mimeType: string; data: string } }) & {
  thoughtSignature?: string;
};

function toContent(turn: ChatTurn) {
  const parts: GeminiPart[] = [];
  // Images before the text, as Gemini's prompting guide recommends for a single image.
  for (const image of turn.role === 'user' ? (turn.images ?? []) : []) {
    const comma = image.dataUrl.indexOf(',');
    const header = /^data:([^;,]+)/.exec(image.dataUrl.slice(0, comma));
    parts.push({
      inlineData: { mimeType: header?.[1] ?? image.mimeType, data: image.dataUrl.slice(comma + 1) },
    });
  }
  if (turn.content) parts.push({ text: turn.content });
  const [first] = parts;
  if (!first) return [];
  // Gemini validates the signature of its earlier thinking on the first part of that turn.
  const signature = turn.role === 'assistant' ? turn.reasoning?.signature : undefined;
  if (signature) first.thoughtSignature = signature;
  return [{ role: turn.role === 'assistant' ? 'model' : 'user', parts }];
}

export function createGeminiStreamDecoder(): StreamDecoder {
  let usage: TokenUsage | undefined;
  let model: string | undefined;
  let finishReason: string | undefined;
  let toolCallCount = 0;
  let failed = false;

  const fail = (message: string, code?: string, status?: number): StreamPart[] => {
    failed = true;
    return [{ type: 'error', error: { message, code, status } }];
  };

  return {
    decode(event: ServerSentEvent): StreamPart[] {
      if (failed) return [];
      const parsed = parseEventData(event.data);
      if ('error' in parsed) {
        failed = true;
        return [parsed.error];
      }
      const response = parsed.value;
      if (!isRecord(response)) return [];
      if (isRecord(response.error)) {
        const { message, status, code } = response.error;
        return fail(
          typeof message === 'string' ? message : 'The provider reported an error.',
          typeof status === 'string' ? status : undefined,
          typeof code === 'number' ? code : undefined,
        );
      }

      const parts: StreamPart[] = [];
      if (model === undefined && typeof response.modelVersion === 'string') {
        model = response.modelVersion;
        parts.push({ type: 'response-model', model });
      }
      // Counts are cumulative on every event: the last one is the total.
      usage = readUsage(response.usageMetadata) ?? usage;

      const candidate = Array.isArray(response.candidates) ? response.candidates[0] : undefined;
      if (!isRecord(candidate)) {
        const feedback = isRecord(response.promptFeedback) ? response.promptFeedback : {};
        if (typeof feedback.blockReason === 'string') {
          return [
            ...parts,
            ...fail(`The prompt was blocked (${feedback.blockReason}).`, 'blocked'),
          ];
        }
        return parts;
      }
      const content = isRecord(candidate.content) ? candidate.content : {};
      for (const part of Array.isArray(content.parts) ? content.parts : []) {
        if (!isRecord(part)) continue;
        if (typeof part.text === 'string' && part.text) {
          parts.push({
            type: part.thought === true ? 'reasoning-delta' : 'text-delta',
            text: part.text,
          });
        }
        if (isRecord(part.functionCall)) {
          const call = part.functionCall;
          // A call arrives whole, with its arguments as an object and (before Gemini 3) no id.
          parts.push({
            type: 'tool-call-delta',
            index: toolCallCount++,
            id: typeof call.id === 'string' ? call.id : undefined,
            name: typeof call.name === 'string' ? call.name : undefined,
            argumentsDelta: JSON.stringify(call.args ?? {}),
          });
        }
        if (typeof part.thoughtSignature === 'string' && part.thoughtSignature) {
          parts.push({ type: 'reasoning-signature', signature: part.thoughtSignature });
        }
      }
      if (typeof candidate.finishReason === 'string') finishReason ??= candidate.finishReason;
      return parts;
    },

    end(): StreamPart[] {
      // Gemini has no end event: a body that ends before any finishReason was cut off.
      return endOfStream({
        usage,
        failed,
        completed: finishReason !== undefined,
        finishReason: finishReason ?? 'STOP',
      });
    },
  };
}

/** `thoughtsTokenCount` is reasoning, counted apart from `candidatesTokenCount`. */
function readUsage(value: unknown): TokenUsage | undefined {
  if (!isRecord(value)) return undefined;
  const usage: TokenUsage = {};
  if (typeof value.promptTokenCount === 'number') usage.inputTokens = value.promptTokenCount;
  if (typeof value.candidatesTokenCount === 'number')
    usage.outputTokens = value.candidatesTokenCount;
  if (typeof value.thoughtsTokenCount === 'number')
    usage.reasoningTokens = value.thoughtsTokenCount;
  // The first event may carry only `trafficType`: no counts yet, nothing to replace.
  return Object.keys(usage).length ? usage : undefined;
}

function readListedModel(entry: unknown): ListedModel[] {
  if (!isRecord(entry) || typeof entry.name !== 'string') return [];
  const methods = listedStrings(entry.supportedGenerationMethods);
  // Embedding and other non-chat models cannot answer a chat.
  if (methods && !methods.includes('generateContent')) return [];
  return [
    {
      id: entry.name.replace(/^models\//, ''),
      name: listedText(entry.displayName),
      contextLength: listedCount(entry.inputTokenLimit),
      reasoning: entry.thinking === true ? true : undefined,
    },
  ];
}
