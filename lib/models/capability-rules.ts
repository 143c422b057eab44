import type { ProtocolId } from '@/lib/providers/types';
import type { RequestSettings, SamplingParameter, ValueRange } from './capability-types';
import { gptVersion, type ClaudeVersion } from './normalize-model-id';

/**
 * The name rules of the parameter policy: which models reject which sampling parameters, and
 * which models reason. Section numbers (§) cite shared/reference/wire-formats.md.
 */

export interface ModelName {
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

export const parameterRules: readonly ParameterRule[] = [
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
    // §4: DeepSeek's V4 models think by default (thinking mode, `guides/thinking_mode`), where
    // sampling and penalties are ignored; the studio PR's review names `deepseek-v4-pro` as a
    // reasoning id that must not get temperature, top_p or presence_penalty, whether or not a
    // reasoning effort is chosen. Only an explicit `thinking: {type: "disabled"}` keeps them.
    level: 'request',
    applies: ({ id }, settings) => /^deepseek-v4\b/.test(id) && settings.thinking !== false,
    rejects: ['temperature', 'top_p', 'presence_penalty', 'frequency_penalty'],
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
export function reasonsByName({ id, claude }: ModelName): boolean {
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
