import type { PublicConfig } from '@/lib/config/public-config';
import { isModelAllowed } from '@/lib/models/allowlist';
import { toCatalogModel } from '@/lib/models/catalog-model';
import { formatModelRef } from '@/lib/models/model-ref';
import { providerIds, providers } from '@/lib/providers/registry';
import { assembleCatalog } from './model-catalog';
import type { ServerConfig } from './server-config';

/**
 * What the browser may know before it has an access code: which providers are reachable and
 * have a server key, and the models the gateway would let through (curated and named, without
 * discovery, which needs the keys). Never a key or an address.
 */
export function buildPublicConfig(config: ServerConfig): PublicConfig {
  // Providers the operator pays for come first: they work without any set-up by the user.
  const reachable = providerIds
    .filter((id) => config.providers[id].baseUrl)
    .sort(
      (a, b) =>
        Number(Boolean(config.providers[b].apiKey)) - Number(Boolean(config.providers[a].apiKey)),
    );
  const models = reachable.flatMap((id) => assembleCatalog(id, config, undefined));

  const defaultRef = config.defaultModel;
  if (
    defaultRef &&
    reachable.includes(defaultRef.provider) &&
    isModelAllowed(config.modelRules, defaultRef.provider, defaultRef.model) &&
    !models.some((model) => model.provider === defaultRef.provider && model.id === defaultRef.model)
  ) {
    const protocol = providers[defaultRef.provider].protocol;
    models.unshift(toCatalogModel(defaultRef.provider, protocol, { id: defaultRef.model }, true));
  }
  const first = models[0];

  return {
    codeRequired: config.accessCodeDigests.length > 0,
    userKeysDisabled: config.userKeysDisabled,
    providers: reachable.map((id) => ({
      id,
      name: config.providers[id].name,
      protocol: providers[id].protocol,
      hasServerKey: Boolean(config.providers[id].apiKey),
      keyOptional: config.providers[id].keyOptional,
    })),
    models,
    defaultModel: defaultRef
      ? formatModelRef(defaultRef)
      : first && formatModelRef({ provider: first.provider, model: first.id }),
  };
}
