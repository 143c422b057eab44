import { isProviderId, type ProviderId } from '@/lib/providers/registry';
import { splitProviderPrefix } from './model-ref';

/**
 * One rule of the `MODELS` grammar. Rules apply in order and the last one that matches decides,
 * starting from "everything allowed" (NextChat's `CUSTOM_MODELS` semantics, so it carries over).
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

/**
 * Parses `+id`, `-id`, `id`, `-all`, `+all`, `id=Display Name`, `id@provider`, `provider:id`
 * and globs (`openrouter:anthropic/*`, `-*:free`), comma-separated and trimmed.
 */
export function parseModelRules(text: string | undefined): ModelRule[] {
  if (!text) return [];
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map(parseRule);
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
    const suffix = body.slice(at + 1);
    if (isProviderId(suffix))
      return { allow, provider: suffix, pattern: body.slice(0, at), displayName };
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
