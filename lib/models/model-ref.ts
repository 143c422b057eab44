import { isProviderId, type ProviderId } from '@/lib/providers/registry';

/** A model as Parley addresses it: the provider that routes it plus the id, kept verbatim. */
export interface ModelRef {
  provider: ProviderId;
  model: string;
}

/**
 * Splits `provider:model`. Model ids may themselves contain colons (`llama3.2:latest`,
 * `…:free`), so only a known provider id before the first colon counts as a provider.
 */
export function splitProviderPrefix(text: string): { provider?: ProviderId; model: string } {
  const colon = text.indexOf(':');
  if (colon > 0) {
    // The refactor document's spelling of the generic provider is accepted as well.
    const prefix = text.slice(0, colon).replace(/^openai_compatible$/, 'openai-compatible');
    if (isProviderId(prefix)) return { provider: prefix, model: text.slice(colon + 1) };
  }
  return { model: text };
}

export function parseModelRef(text: string): ModelRef | undefined {
  const { provider, model } = splitProviderPrefix(text.trim());
  if (!provider || !model) return undefined;
  return { provider, model };
}

export function formatModelRef(ref: ModelRef): string {
  return `${ref.provider}:${ref.model}`;
}
