import type { ProtocolId } from '@/lib/providers/types';
import {
  claudeVersion,
  gptVersion,
  idRequestsThinking,
  normalizeModelId,
  type ClaudeVersion,
} from './normalize-model-id';

/**
 * The parameter policy: which sampling parameters a request may carry (DESIGN "Models").
 * Section numbers (§) cite the upstream wire-formats reference (shared/reference/wire-formats.md).
 */

/** In the order `stripped` reports them. */
export const samplingParameters = [
  'temperature',
  'top_p',
  'top_k',
  'presence_penalty',
  'frequency_penalty',
  'logprobs',
  'top_logprobs',
  'logit_bias',
  'seed',
  'stop',
] as const;

export type SamplingParameter = (typeof samplingParameters)[number];

/** From a live catalog entry when known (OpenRouter `/models`, wire-formats §2). */
export interface CatalogHints {
  /** OpenRouter `supported_parameters`: `SamplingParameter` names plus `max_tokens`. */
  supportedParameters?: readonly string[];
  /** Whether the entry has a `reasoning` object. */
  reasoning?: boolean;
}

/** Inclusive bounds. */
export interface ValueRange {
  min: number;
  max: number;
}

export interface ModelCapabilities {
  /** Drives the reasoning-effort control. */
  reasoning: boolean;
  acceptedParameters: ReadonlySet<SamplingParameter>;
  /** An accepted parameter listed here is accepted only inside its range (Claude thinking, §5). */
  acceptedRanges: Readonly<Partial<Record<SamplingParameter, ValueRange>>>;
  /** `max_output_tokens` stands for Gemini's `generationConfig.maxOutputTokens`. */
  maxTokensField: 'max_tokens' | 'max_completion_tokens' | 'max_output_tokens';
}

/** What a request asks for that changes what the model accepts. */
export interface RequestSettings {
  /** `reasoning_effort`, or OpenRouter's `reasoning.effort`. */
  reasoningEffort?: string;
  /** Extended thinking is on for this request. */
  thinking?: boolean;
}

/** Where each parameter sits in each protocol's native body; an absent one has no field there. */
const parameterFields: Record<ProtocolId, Partial<Record<SamplingParameter, string>>> = {
  openai: {
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
  anthropic: { temperature: 'temperature', top_p: 'top_p', top_k: 'top_k', stop: 'stop_sequences' },
  gemini: {
    temperature: 'generationConfig.temperature',
    top_p: 'generationConfig.topP',
    top_k: 'generationConfig.topK',
    presence_penalty: 'generationConfig.presencePenalty',
    frequency_penalty: 'generationConfig.frequencyPenalty',
    seed: 'generationConfig.seed',
    stop: 'generationConfig.stopSequences',
  },
};

interface ModelName {
  id: string;
  claude: ClaudeVersion | undefined;
}

interface ParameterRule {
  /**
   * `model` rules describe the model and give way to a live catalog; `request` rules depend on
   * this request's thinking setting, which no catalog describes, so they always apply.
   */
  level: 'model' | 'request';
  applies(name: ModelName, settings: RequestSettings, protocol: ProtocolId): boolean;
  rejects: readonly SamplingParameter[];
  ranges?: Partial<Record<SamplingParameter, ValueRange>>;
  maxTokensField?: 'max_completion_tokens';
}

/** §1a: `^o\d+` and gpt ≥5, except plain `gpt-N-chat*` (no minor version). */
function isOpenAIReasoningModel(id: string): boolean {
  const gpt = gptVersion(id);
  if (gpt) return gpt.major >= 5 && !(gpt.minor === undefined && gpt.variant?.startsWith('chat'));
  return /^o\d+(?:-|$)/.test(id);
}

/**
 * §1a: GPT-5.1 and later keep temperature, top_p and logprobs with `reasoning_effort: "none"`.
 * Vercel's current code stops the exception at gpt-6, whose models reject the parameters again.
 */
function keepsSamplingWithoutReasoning(id: string, settings: RequestSettings): boolean {
  const gpt = gptVersion(id);
  return settings.reasoningEffort === 'none' && gpt?.major === 5 && (gpt.minor ?? 0) >= 1;
}

/** §5: Opus newer than 4.6 and any major ≥5 reject sampling; mythos per Unsloth (⚠️). */
function claudeRejectsSampling({ id, claude }: ModelName): boolean {
  if (id.startsWith('claude-mythos')) return true;
  if (!claude) return false;
  return claude.major >= 5 || (claude.family === 'opus' && claude.major === 4 && claude.minor >= 7);
}

const openAIReasoningRejects = [
  'presence_penalty',
  'frequency_penalty',
  'top_logprobs',
  'logit_bias',
] as const;

const parameterRules: readonly ParameterRule[] = [
  {
    // §1a table: reasoning models accept only defaults, and `max_tokens` is refused outright.
    level: 'model',
    applies: ({ id }, settings) =>
      isOpenAIReasoningModel(id) && !keepsSamplingWithoutReasoning(id, settings),
    rejects: ['temperature', 'top_p', 'logprobs', ...openAIReasoningRejects],
    maxTokensField: 'max_completion_tokens',
  },
  {
    // §1a exception row: gpt-5.1+ with effort "none" (Vercel still drops top_logprobs there).
    level: 'model',
    applies: ({ id }, settings) => keepsSamplingWithoutReasoning(id, settings),
    rejects: openAIReasoningRejects,
    maxTokensField: 'max_completion_tokens',
  },
  {
    // §5: "a value of 1.0 will be accepted for backwards compatibility"; omitting it is safe.
    level: 'model',
    applies: (name) => claudeRejectsSampling(name),
    rejects: ['temperature', 'top_p', 'top_k'],
  },
  {
    // §4: the reasoner ignores sampling and penalties and errors on logprobs; regex from §3.
    level: 'model',
    applies: ({ id }) => /^deepseek-(?:reasoner|r1)\b/.test(id),
    rejects: [
      'temperature',
      'top_p',
      'presence_penalty',
      'frequency_penalty',
      'logprobs',
      'top_logprobs',
    ],
  },
  {
    // §5: with thinking, temperature must be 1 or absent, top_k is forbidden, top_p 0.95–1.
    level: 'request',
    applies: ({ id }, settings, protocol) =>
      settings.thinking === true && (protocol === 'anthropic' || id.startsWith('claude-')),
    rejects: ['top_k'],
    ranges: { temperature: { min: 1, max: 1 }, top_p: { min: 0.95, max: 1 } },
  },
  {
    // §4: DeepSeek's thinking-mode page lists temperature and the penalties as ignored.
    level: 'request',
    applies: ({ id }, settings) => settings.thinking === true && id.startsWith('deepseek-'),
    rejects: ['temperature', 'presence_penalty', 'frequency_penalty'],
  },
];

/** Name rules for the reasoning flag; a catalog's `reasoning` object takes precedence. */
function reasonsByName({ id, claude }: ModelName): boolean {
  if (/non-?reasoning|no-?think/.test(id)) return false;
  if (isOpenAIReasoningModel(id) || id.startsWith('claude-mythos')) return true;
  if (claude) {
    const { family, major, minor } = claude;
    if (major >= 5 || (major === 4 && (family === 'opus' || family === 'sonnet'))) return true;
    if (family === 'haiku' && major === 4 && minor >= 5) return true;
    if (family === 'sonnet' && major === 3 && minor === 7) return true;
  }
  return [
    /^gemini-(?:2\.5|[3-9])/,
    /^grok-(?:3-mini|[4-9]|\d{2,})/,
    /^(?:qwq|gpt-oss|deepseek-v4)/,
    /^qwen3(?!.*(?:instruct|coder))/, // the 2507 -instruct and -coder releases do not think
    /(?:^|[-_.])(?:think(?:ing)?|reason(?:er|ing)|r1)(?:[-_.]|$)/,
  ].some((pattern) => pattern.test(id));
}

export function modelCapabilities(
  protocol: ProtocolId,
  model: string,
  hints?: CatalogHints,
  settings: RequestSettings = {},
): ModelCapabilities {
  const id = normalizeModelId(model);
  const name: ModelName = { id, claude: claudeVersion(id) };
  const effective = { ...settings, thinking: settings.thinking ?? idRequestsThinking(model) };
  const catalog = hints?.supportedParameters;
  const rules = parameterRules.filter(
    (rule) => (rule.level === 'request' || !catalog) && rule.applies(name, effective, protocol),
  );
  const rejected = new Set(rules.flatMap((rule) => rule.rejects));
  const accepted = samplingParameters.filter(
    (parameter) =>
      parameterFields[protocol][parameter] !== undefined &&
      !rejected.has(parameter) &&
      (!catalog || catalog.includes(parameter)),
  );
  const acceptedRanges: Partial<Record<SamplingParameter, ValueRange>> = {};
  for (const parameter of accepted) {
    const range = rules.find((rule) => rule.ranges?.[parameter])?.ranges?.[parameter];
    if (range) acceptedRanges[parameter] = range;
  }
  const renames = protocol === 'openai' && rules.some((rule) => rule.maxTokensField);
  return {
    reasoning: hints?.reasoning ?? reasonsByName(name),
    acceptedParameters: new Set(accepted),
    acceptedRanges,
    maxTokensField:
      protocol === 'gemini'
        ? 'max_output_tokens'
        : renames
          ? 'max_completion_tokens'
          : 'max_tokens',
  };
}

type Body = Record<string, unknown>;

function isRecord(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The effort and thinking settings a native body carries; `thinking` is undefined when unsaid. */
export function readRequestSettings(protocol: ProtocolId, body: Body): RequestSettings {
  const reasoning = isRecord(body.reasoning) ? body.reasoning : undefined;
  const effort = body.reasoning_effort ?? reasoning?.effort;
  const reasoningEffort = typeof effort === 'string' ? effort : undefined;
  // Anthropic `thinking` (§5) and DeepSeek's switch of the same shape (§4).
  const thinkingType = isRecord(body.thinking) ? body.thinking.type : undefined;
  if (thinkingType === 'enabled' || thinkingType === 'adaptive') {
    return { reasoningEffort, thinking: true };
  }
  if (thinkingType === 'disabled' || protocol !== 'openai') {
    return { reasoningEffort, thinking: thinkingType === 'disabled' ? false : undefined };
  }
  // The routers turn a requested effort into Claude thinking (§2 `reasoning`, §3 "Reasoning").
  const requested =
    reasoningEffort === undefined
      ? reasoning !== undefined && reasoning.enabled !== false
      : reasoningEffort !== 'none';
  return { reasoningEffort, thinking: requested ? true : undefined };
}

function readField(body: Body, path: string): unknown {
  let value: unknown = body;
  for (const key of path.split('.')) value = isRecord(value) ? value[key] : undefined;
  return value;
}

/** A copy of `body` without the field at the dotted `path`; objects on the path are copied. */
function withoutField(body: Body, path: string): Body {
  const [key, ...rest] = path.split('.');
  const copy = { ...body };
  if (key === undefined) return copy;
  const child = copy[key];
  if (rest.length === 0) delete copy[key];
  else if (isRecord(child)) copy[key] = withoutField(child, rest.join('.'));
  return copy;
}

/**
 * Removes what the model would reject from a native request body, as the gateway's safety net
 * (the UI already hides these controls). Returns a new body; the input is never changed.
 * `stripped` names each removed field by its path in that body (`top_p`,
 * `generationConfig.topP`); a rename reads `max_tokens->max_completion_tokens`, in ASCII because
 * the list goes into a response header.
 */
export function applyParameterPolicy(
  protocol: ProtocolId,
  model: string,
  body: Body,
  hints?: CatalogHints,
): { body: Body; stripped: string[] } {
  const settings = readRequestSettings(protocol, body);
  const capabilities = modelCapabilities(protocol, model, hints, settings);
  let result: Body = { ...body };
  const stripped: string[] = [];
  const strip = (path: string) => {
    result = withoutField(result, path);
    stripped.push(path);
  };

  for (const parameter of samplingParameters) {
    const path = parameterFields[protocol][parameter];
    const value = path === undefined ? undefined : readField(result, path);
    if (path === undefined || value === undefined) continue;
    const range = capabilities.acceptedRanges[parameter];
    const inRange =
      range === undefined ||
      (typeof value === 'number' && value >= range.min && value <= range.max);
    if (!capabilities.acceptedParameters.has(parameter) || !inRange) strip(path);
  }

  if (protocol === 'openai') {
    const catalog = hints?.supportedParameters;
    if (catalog && !catalog.includes('max_tokens')) {
      for (const field of ['max_tokens', 'max_completion_tokens']) {
        if (result[field] !== undefined) strip(field);
      }
    } else if (
      capabilities.maxTokensField === 'max_completion_tokens' &&
      result.max_tokens !== undefined
    ) {
      // §1a: 400 `unsupported_parameter` for `max_tokens`; an explicit completion limit wins.
      if (result.max_completion_tokens === undefined) {
        result = {
          ...withoutField(result, 'max_tokens'),
          max_completion_tokens: result.max_tokens,
        };
        stripped.push('max_tokens->max_completion_tokens');
      } else {
        strip('max_tokens');
      }
    }
  }
  return { body: result, stripped };
}
