import type { PublicConfig, PublicModel } from '@/lib/config/public-config';
import { explicitModels, isModelAllowed } from '@/lib/models/allowlist';
import { formatModelRef } from '@/lib/models/model-ref';
import { providerIds, providers } from '@/lib/providers/registry';
import type { ServerConfig } from './server-config';

/**
 * The allowlist as the browser should see it: every model the gateway would let through, from
 * the curated lists and the operator's explicit `MODELS` entries, for each reachable provider.
 */
export function buildPublicConfig(config: ServerConfig): PublicConfig {
  // Providers the operator pays for come first: they work without any set-up by the user.
  const reachable = providerIds
    .filter((id) => config.providers[id].baseUrl)
    .sort(
      (a, b) =>
        Number(Boolean(config.providers[b].apiKey)) - Number(Boolean(config.providers[a].apiKey)),
    );
  const named = explicitModels(config.modelRules);
  const models: PublicModel[] = [];
  const seen = new Set<string>();

  for (const id of reachable) {
    const hasServerKey = Boolean(config.providers[id].apiKey);
    const candidates = [
      ...named.filter((model) => model.provider === id || (!model.provider && hasServerKey)),
      ...providers[id].curatedModels,
    ];
    for (const candidate of candidates) {
      const key = formatModelRef({ provider: id, model: candidate.id });
      if (seen.has(key) || !isModelAllowed(config.modelRules, id, candidate.id)) continue;
      seen.add(key);
      models.push({ provider: id, id: candidate.id, name: candidate.name });
    }
  }

  const defaultModel = config.defaultModel ? formatModelRef(config.defaultModel) : undefined;
  if (config.defaultModel && !seen.has(defaultModel ?? '')) {
    const { provider, model } = config.defaultModel;
    if (isModelAllowed(config.modelRules, provider, model) && reachable.includes(provider)) {
      models.unshift({ provider, id: model });
    }
  }

  return {
    codeRequired: config.accessCodeDigests.length > 0,
    providers: reachable.map((id) => ({
      id,
      name: config.providers[id].name,
      protocol: providers[id].protocol,
      hasServerKey: Boolean(config.providers[id].apiKey),
    })),
    models,
    defaultModel:
      defaultModel ??
      (models[0] && formatModelRef({ provider: models[0].provider, model: models[0].id })),
  };
}
