import type { ProviderSettingField, ProviderSettingKey, ProviderSettingValues } from './types';

/**
 * Provider spellings of the one reasoning-effort control. The shared OpenAI adapter writes
 * `reasoning_effort`; these hooks rewrite it where a provider wants something else.
 */

type Body = Record<string, unknown>;

function withoutEffort(body: Body): [Body, string | undefined] {
  const { reasoning_effort: effort, ...rest } = body;
  return [rest, typeof effort === 'string' ? effort : undefined];
}

/** OpenRouter: `reasoning: { effort }`; it rejects conflicting aliases, so send only one. */
export function adaptOpenRouterBody(body: Body): Body {
  const [rest, effort] = withoutEffort(body);
  return effort ? { ...rest, reasoning: { effort } } : body;
}

/** DeepSeek thinking mode: `thinking: {type:"enabled"}` with effort low | high. */
export function adaptDeepSeekBody(body: Body): Body {
  const [rest, effort] = withoutEffort(body);
  if (!effort) return body;
  return {
    ...rest,
    thinking: { type: 'enabled' },
    reasoning_effort: effort === 'minimal' || effort === 'low' ? 'low' : 'high',
  };
}

/** xAI's reasoning models take low | high. */
export function adaptXaiBody(body: Body): Body {
  const [rest, effort] = withoutEffort(body);
  if (!effort) return body;
  return { ...rest, reasoning_effort: effort === 'minimal' || effort === 'low' ? 'low' : 'high' };
}

/** Ollama takes high | medium | low | none. */
export function adaptOllamaBody(body: Body): Body {
  const [rest, effort] = withoutEffort(body);
  if (!effort) return body;
  return { ...rest, reasoning_effort: effort === 'minimal' ? 'low' : effort };
}

function isPlainObject(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}

/**
 * OpenRouter routing from OPENROUTER_ROUTING: the operator's `provider` preferences are laid over
 * the client's (the operator's policy wins), and `models` becomes the fallback chain after the
 * requested model. https://openrouter.ai/docs/features/provider-routing
 */
export function mergeOpenRouterRouting(body: Body, rule: unknown): Body | undefined {
  if (!isPlainObject(rule)) return undefined;
  const { provider, models, ...rest } = rule;
  if (provider !== undefined && !isPlainObject(provider)) return undefined;
  if (models !== undefined && !isStringList(models)) return undefined;
  const merged: Body = { ...body, ...rest };
  if (provider)
    merged.provider = { ...(isPlainObject(body.provider) ? body.provider : {}), ...provider };
  if (models && !body.models) merged.models = [body.model, ...models];
  return merged;
}

/**
 * OrcaRouter fallbacks from ORCAROUTER_FALLBACKS: `models` with `route: "fallback"` (the chain is
 * ignored otherwise), at most five entries. https://docs.orcarouter.ai/routing/model-fallbacks
 */
export function mergeOrcaRouterFallbacks(body: Body, rule: unknown): Body | undefined {
  if (!isStringList(rule)) return undefined;
  if (body.models) return body;
  return { ...body, models: [body.model, ...rule].slice(0, 5), route: 'fallback' };
}

function listValue(values: ProviderSettingValues, key: ProviderSettingKey): string[] {
  const value = values[key];
  return Array.isArray(value) ? value.filter(Boolean) : [];
}

function selectValue(values: ProviderSettingValues, key: ProviderSettingKey): string | undefined {
  const value = values[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export const openRouterSettingFields: readonly ProviderSettingField[] = [
  { key: 'providerOrder', kind: 'list' },
  { key: 'providerOnly', kind: 'list' },
  { key: 'sort', kind: 'select', options: ['price', 'throughput', 'latency'] },
  { key: 'dataCollection', kind: 'select', options: ['allow', 'deny'] },
  { key: 'allowFallbacks', kind: 'select', options: ['yes', 'no'] },
  { key: 'fallbackModels', kind: 'list' },
];

/**
 * The user's OpenRouter preferences as `provider` and a `models` fallback chain. `only` goes
 * with an `order`: OpenRouter has been seen to ignore `only` sent alone, so without an order of
 * the person's own, the `only` list is sent as the order too.
 */
export function applyOpenRouterSettings(body: Body, values: ProviderSettingValues): Body {
  const provider: Body = {};
  const only = listValue(values, 'providerOnly');
  const order = listValue(values, 'providerOrder');
  if (order.length) provider.order = order;
  else if (only.length) provider.order = only;
  if (only.length) provider.only = only;
  const sort = selectValue(values, 'sort');
  if (sort) provider.sort = sort;
  const dataCollection = selectValue(values, 'dataCollection');
  if (dataCollection) provider.data_collection = dataCollection;
  const allowFallbacks = selectValue(values, 'allowFallbacks');
  if (allowFallbacks) provider.allow_fallbacks = allowFallbacks === 'yes';
  const fallbacks = listValue(values, 'fallbackModels');
  const adapted: Body = Object.keys(provider).length ? { ...body, provider } : { ...body };
  if (fallbacks.length) adapted.models = [body.model, ...fallbacks];
  return adapted;
}

export const orcaRouterSettingFields: readonly ProviderSettingField[] = [
  { key: 'fallbackModels', kind: 'list' },
];

/** The user's OrcaRouter fallback chain: `models` with `route: "fallback"`, five at most. */
export function applyOrcaRouterSettings(body: Body, values: ProviderSettingValues): Body {
  const fallbacks = listValue(values, 'fallbackModels');
  if (!fallbacks.length) return body;
  return { ...body, models: [body.model, ...fallbacks].slice(0, 5), route: 'fallback' };
}

export const anthropicSettingFields: readonly ProviderSettingField[] = [
  {
    key: 'thinkingBudget',
    kind: 'select',
    options: ['tokens2048', 'tokens8192', 'tokens16384', 'tokens32768'],
  },
];

/**
 * The user's thinking budget for Anthropic: when a reasoning effort turned thinking on, this
 * budget replaces the effort's, and `max_tokens` grows to stay above it (the API requires that).
 */
export function applyAnthropicSettings(body: Body, values: ProviderSettingValues): Body {
  const budget = Number(selectValue(values, 'thinkingBudget')?.replace('tokens', ''));
  const thinking = body.thinking;
  if (!Number.isFinite(budget) || !isPlainObject(thinking) || thinking.type !== 'enabled')
    return body;
  const maxTokens = typeof body.max_tokens === 'number' ? body.max_tokens : 0;
  return {
    ...body,
    thinking: { ...thinking, budget_tokens: budget },
    max_tokens: Math.max(maxTokens, budget + 4096),
  };
}

/** Azure model ids are the user's deployment names; the list is typed in the settings. */
export const azureSettingFields: readonly ProviderSettingField[] = [
  { key: 'deployments', kind: 'list' },
];
