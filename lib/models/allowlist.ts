import type { ProviderId } from '@/lib/providers/registry';
import { splitProviderPrefix } from './model-ref';

/**
 * One rule of the `MODELS` grammar. Rules apply in order and the last one that matches decides.
 * `CUSTOM_MODELS` alone starts from "everything allowed" (NextChat's meaning, so it carries
 * over); `MODELS` starts from "nothing allowed" (see `modelRulesFrom`).
 */
export interface ModelRule {
  allow: boolean;
  /** Undefined: any provider. */
  provider?: ProviderId;
  /** `*` matches any run of characters; `all` rules have pattern `*` and no provider. */
  pattern: string;
  displayName?: string;
}

/** A model the operator named explicitly (no glob), to show in the picker. */
export interface ExplicitModel {
  provider?: ProviderId;
  id: string;
  name?: string;
}

/** A rule the grammar cannot place: the message names it and says why. */
export class ModelRuleError extends Error {}

/**
 * The rules in force, from NextChat's `CUSTOM_MODELS` (additive: everything stays allowed until a
 * rule says otherwise) and Parley's `MODELS` (an allowlist that fails closed: with it set, a
 * model is allowed only if a rule allows it; `+all` or globs open up). Both may be set: then the
 * list fails closed and `CUSTOM_MODELS` is read first.
 */
export function modelRulesFrom(env: { MODELS?: string; CUSTOM_MODELS?: string }): ModelRule[] {
  const custom = parseModelRules(env.CUSTOM_MODELS);
  const models = parseModelRules(env.MODELS);
  if (!env.MODELS?.trim()) return custom;
  return [{ allow: false, pattern: '*' }, ...custom, ...models];
}

/**
 * Parses `+id`, `-id`, `id`, `-all`, `+all`, `id=Display Name`, `id@provider` (NextChat's
 * provider names too, any case: `+qwen/qwen3-32b:free@OpenRouter`), `provider:id` and globs
 * (`openrouter:anthropic/*`, `-*:free`), comma-separated and trimmed. An `@` suffix naming no
 * known provider throws `ModelRuleError` rather than becoming part of a model id.
 */
export function parseModelRules(text: string | undefined): ModelRule[] {
  if (!text) return [];
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map(parseRule);
}

/**
 * NextChat's provider names (its `ServiceProvider` values) and Parley's own ids, lower-cased.
 * `@20240620`-style suffixes (a version, as in Vertex ids) are left in the id.
 */
const providerAliases: Record<string, ProviderId> = {
  openai: 'openai',
  azure: 'azure',
  google: 'google',
  gemini: 'google',
  anthropic: 'anthropic',
  claude: 'anthropic',
  openrouter: 'openrouter',
  orcarouter: 'orcarouter',
  deepseek: 'deepseek',
  xai: 'xai',
  ollama: 'ollama',
  'openai-compatible': 'openai-compatible',
  openai_compatible: 'openai-compatible',
};

function providerFromSuffix(suffix: string, entry: string): ProviderId | undefined {
  if (!/^[a-z][\w.-]*$/i.test(suffix)) return undefined;
  const provider = providerAliases[suffix.toLowerCase()];
  if (!provider) {
    throw new ModelRuleError(
      `"${entry}": "@${suffix}" is not a provider Parley knows (use one of ${[...new Set(Object.values(providerAliases))].join(', ')}, or NextChat's names such as OpenAI, Azure, Google, Anthropic, OpenRouter, DeepSeek, XAI)`,
    );
  }
  return provider;
}

function parseRule(entry: string): ModelRule {
  let allow = true;
  let body = entry;
  if (body.startsWith('+') || body.startsWith('-')) {
    allow = body.startsWith('+');
    body = body.slice(1).trim();
  }
  if (body === 'all') return { allow, pattern: '*' };

  let displayName: string | undefined;
  const equals = body.indexOf('=');
  if (equals >= 0) {
    displayName = body.slice(equals + 1).trim() || undefined;
    body = body.slice(0, equals).trim();
  }

  const at = body.lastIndexOf('@');
  if (at > 0) {
    const provider = providerFromSuffix(body.slice(at + 1).trim(), entry);
    if (provider) return { allow, provider, pattern: body.slice(0, at).trim(), displayName };
  }
  const { provider, model } = splitProviderPrefix(body);
  return { allow, provider, pattern: model, displayName };
}

export function isModelAllowed(
  rules: readonly ModelRule[],
  provider: ProviderId,
  model: string,
): boolean {
  let allowed = true;
  for (const rule of rules) {
    if (rule.provider && rule.provider !== provider) continue;
    if (matchesPattern(rule.pattern, model)) allowed = rule.allow;
  }
  return allowed;
}

export function explicitModels(rules: readonly ModelRule[]): ExplicitModel[] {
  return rules
    .filter((rule) => rule.allow && !rule.pattern.includes('*'))
    .map((rule) => ({ provider: rule.provider, id: rule.pattern, name: rule.displayName }));
}

const patternCache = new Map<string, RegExp>();

/** Case-insensitive, so a deny rule cannot be dodged by changing the case of an id. */
export function matchesPattern(pattern: string, model: string): boolean {
  if (pattern === '*') return true;
  let expression = patternCache.get(pattern);
  if (!expression) {
    const source = pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    expression = new RegExp(`^${source}$`, 'i');
    patternCache.set(pattern, expression);
  }
  return expression.test(model);
}
