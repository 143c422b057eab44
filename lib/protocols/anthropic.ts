import { isRecord } from '@/lib/errors/parley-error';
import { listEntries, listedCount, listedText, type ListedModel } from '@/lib/models/listed-model';
import type { ServerSentEvent } from '@/lib/sse/parse-event-stream';
import type {
  ChatRequest,
  ChatTurn,
  ProtocolAdapter,
  ReasoningEffort,
  StreamDecoder,
  StreamPart,
  TokenUsage,
} from './types';
import { switchedSettings } from './request-settings';
import { endOfStream, parseEventData } from './stream-end';

/** `max_tokens` is required by the Messages API; this is what we ask for when the user set none. */
const DEFAULT_MAX_TOKENS = 8192;
/** Room left for the answer when a thinking budget would otherwise use up `max_tokens`. */
const ANSWER_HEADROOM = 4096;
const THINKING_BUDGETS: Record<ReasoningEffort, number> = {
  minimal: 1024,
  low: 2048,
  medium: 8192,
  high: 16384,
};

/** Anthropic Messages (wire-formats §5). */
export const anthropicProtocol: ProtocolAdapter = {
  parameterFields: {
    temperature: 'temperature',
    top_p: 'top_p',
    top_k: 'top_k',
    stop: 'stop_sequences',
  },
  // `GET /v1/models`: `{data:[{type:"model", id, display_name, max_input_tokens}]}`.
  parseModelList: (payload) =>
    listEntries(payload, 'data').flatMap((entry): ListedModel[] =>
      isRecord(entry) && typeof entry.id === 'string' && entry.id !== ''
        ? [
            {
              id: entry.id,
              name: listedText(entry.display_name),
              contextLength: listedCount(entry.max_input_tokens),
            },
          ]
        : [],
    ),
  readRequestSettings: switchedSettings,
  streamErrorEvent: (_code, message) =>
    `event: error\ndata: ${JSON.stringify({ type: 'error', error: { type: 'timeout_error', message } })}\n\n`,
  buildChatRequest(request) {
    const parameters = request.parameters ?? {};
    const budget = request.reasoningEffort ? THINKING_BUDGETS[request.reasoningEffort] : undefined;
    let maxTokens = parameters.maxOutputTokens ?? DEFAULT_MAX_TOKENS;
    // budget_tokens must be strictly less than max_tokens, or the request is rejected.
    if (budget !== undefined && maxTokens <= budget) maxTokens = budget + ANSWER_HEADROOM;

    const body: Record<string, unknown> = { model: request.model, max_tokens: maxTokens };
    if (request.system?.trim()) body.system = request.system;
    body.messages = toMessages(request.turns);
    if (budget !== undefined) {
      body.thinking = { type: 'enabled', budget_tokens: budget };
    } else {
      // Only without thinking: with it, the API rejects temperature ≠ 1 and most top_p values.
      if (parameters.temperature !== undefined) body.temperature = parameters.temperature;
      if (parameters.topP !== undefined) body.top_p = parameters.topP;
    }
    if (request.tools?.length) body.tools = toTools(request.tools);
    body.stream = true;
    // The Anthropic SDK's base URL has no version; its paths start with /v1.
    return { path: 'v1/messages', body };
  },
  createStreamDecoder: createAnthropicStreamDecoder,
};

type ContentBlock =
  | { type: 'text'; text: string }
  | { type: 'image'; source: { type: 'base64'; media_type: string; data: string } }
  | { type: 'thinking'; thinking: string; signature: string };

function toMessages(turns: ChatTurn[]) {
  return turns.flatMap((turn) => {
    const content: ContentBlock[] = [];
    // A signed thinking block goes back first, unmodified, so the model can continue from it.
    if (turn.role === 'assistant' && turn.reasoning?.signature) {
      const { text, signature } = turn.reasoning;
      content.push({ type: 'thinking', thinking: text, signature });
    }
    // Images before the text, as Anthropic's vision guide recommends.
    for (const image of turn.role === 'user' ? (turn.images ?? []) : []) {
      const { mediaType, data } = splitDataUrl(image.dataUrl, image.mimeType);
      content.push({ type: 'image', source: { type: 'base64', media_type: mediaType, data } });
    }
    // The API rejects empty text blocks and empty messages; consecutive turns of one role merge.
    if (turn.content) content.push({ type: 'text', text: turn.content });
    return content.length ? [{ role: turn.role, content }] : [];
  });
}

function toTools(tools: NonNullable<ChatRequest['tools']>) {
  return tools.map((tool) => ({
    name: tool.name,
    ...(tool.description ? { description: tool.description } : {}),
    input_schema: tool.parameters,
  }));
}

/** `data:image/png;base64,AAAA` → media type and base64 data. */
function splitDataUrl(dataUrl: string, fallbackType: string) {
  const comma = dataUrl.indexOf(',');
  const header = /^data:([^;,]+)/.exec(dataUrl.slice(0, comma));
  return { mediaType: header?.[1] ?? fallbackType, data: dataUrl.slice(comma + 1) };
}

export function createAnthropicStreamDecoder(): StreamDecoder {
  const usage: TokenUsage = {};
  let stopReason: string | undefined;
  /** `message_stop` arrived, or an error ended the stream; later events are ignored. */
  let terminated = false;
  let failed = false;

  const fail = (message: string, code: string | undefined): StreamPart[] => {
    terminated = true;
    failed = true;
    return [{ type: 'error', error: { message, code } }];
  };

  return {
    decode(event: ServerSentEvent): StreamPart[] {
      if (terminated) return [];
      const parsed = parseEventData(event.data);
      if ('error' in parsed) {
        terminated = true;
        failed = true;
        return [parsed.error];
      }
      const data = parsed.value;
      if (!isRecord(data)) return [];
      // The SDK dispatches on the event name; data.type repeats it (wire-formats §5, §9).
      switch (event.event ?? data.type) {
        case 'message_start': {
          const message = isRecord(data.message) ? data.message : {};
          readUsage(message.usage, usage);
          const model = typeof message.model === 'string' ? message.model : '';
          return model ? [{ type: 'response-model', model }] : [];
        }
        case 'content_block_start':
          return readBlockStart(data);
        case 'content_block_delta':
          return readBlockDelta(data);
        case 'message_delta': {
          const delta = isRecord(data.delta) ? data.delta : {};
          if (typeof delta.stop_reason === 'string') stopReason ??= delta.stop_reason;
          readUsage(data.usage, usage);
          return [];
        }
        case 'message_stop':
          terminated = true;
          return [];
        case 'error': {
          const error = isRecord(data.error) ? data.error : {};
          return fail(
            typeof error.message === 'string' ? error.message : 'The provider reported an error.',
            typeof error.type === 'string' ? error.type : undefined,
          );
        }
        default:
          // ping, content_block_stop, and event types newer than this adapter.
          return [];
      }
    },

    end(): StreamPart[] {
      return endOfStream({
        usage: Object.keys(usage).length ? { ...usage } : undefined,
        failed,
        completed: terminated,
        finishReason: stopReason ?? 'end_turn',
      });
    },
  };
}

/** A tool call begins with its id and name; its block index keeps its fragments together. */
function readBlockStart(data: Record<string, unknown>): StreamPart[] {
  const block = isRecord(data.content_block) ? data.content_block : {};
  if (block.type === 'tool_use' && typeof data.index === 'number') {
    return [
      {
        type: 'tool-call-delta',
        index: data.index,
        id: typeof block.id === 'string' ? block.id : undefined,
        name: typeof block.name === 'string' ? block.name : undefined,
        argumentsDelta: '',
      },
    ];
  }
  if (block.type === 'text' && isText(block.text))
    return [{ type: 'text-delta', text: block.text }];
  if (block.type === 'thinking' && isText(block.thinking)) {
    return [{ type: 'reasoning-delta', text: block.thinking }];
  }
  return [];
}

function readBlockDelta(data: Record<string, unknown>): StreamPart[] {
  const delta = isRecord(data.delta) ? data.delta : {};
  if (delta.type === 'text_delta' && isText(delta.text)) {
    return [{ type: 'text-delta', text: delta.text }];
  }
  if (delta.type === 'thinking_delta' && isText(delta.thinking)) {
    return [{ type: 'reasoning-delta', text: delta.thinking }];
  }
  if (delta.type === 'signature_delta' && isText(delta.signature)) {
    return [{ type: 'reasoning-signature', signature: delta.signature }];
  }
  // The first fragment is often empty; it carries nothing the block start did not.
  if (delta.type === 'input_json_delta' && isText(delta.partial_json)) {
    if (typeof data.index !== 'number') return [];
    return [{ type: 'tool-call-delta', index: data.index, argumentsDelta: delta.partial_json }];
  }
  return [];
}

/** A non-empty string: empty deltas would only be noise downstream. */
function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/**
 * `message_start` carries the input count, `message_delta` the final cumulative output count
 * (and sometimes the input count again): later numbers replace earlier ones.
 */
function readUsage(value: unknown, usage: TokenUsage): void {
  if (!isRecord(value)) return;
  if (typeof value.input_tokens === 'number') usage.inputTokens = value.input_tokens;
  if (typeof value.output_tokens === 'number') usage.outputTokens = value.output_tokens;
  const details = isRecord(value.output_tokens_details) ? value.output_tokens_details : {};
  if (typeof details.thinking_tokens === 'number') usage.reasoningTokens = details.thinking_tokens;
}
