import type { PublicConfig } from '@/lib/config/public-config';
import { isModelAllowed } from '@/lib/models/allowlist';
import { toCatalogModel } from '@/lib/models/catalog-model';
import { formatModelRef } from '@/lib/models/model-ref';
import { behavesAs } from '@/lib/providers/behaviour';
import { providerIds, providers, type ProviderId } from '@/lib/providers/registry';
import { assembleCatalog } from './model-catalog';
import { hasServerCredential, type ServerConfig } from './server-config';

/**
 * What the browser may know before it has an access code: which providers are reachable and
 * have a server key, and the models the gateway would let through (curated and named, without
 * discovery, which needs the keys). Never a key or an address.
 */
export function buildPublicConfig(config: ServerConfig): PublicConfig {
  // Providers the operator pays for come first: they work without any set-up by the user. Where
  // people may bring their own keys, a provider the operator left without an address is offered
  // too (last), for the person's own address and key.
  const rank = (id: ProviderId) =>
    hasServerCredential(config.providers[id]) ? 0 : config.providers[id].baseUrl ? 1 : 2;
  const reachable = providerIds
    .filter((id) => config.providers[id].baseUrl || !config.userKeysDisabled)
    .sort((a, b) => rank(a) - rank(b));
  const models = reachable.flatMap((id) => assembleCatalog(id, config, undefined));

  const defaultRef = config.defaultModel;
  if (
    defaultRef &&
    config.providers[defaultRef.provider].baseUrl &&
    isModelAllowed(config.modelRules, defaultRef.provider, defaultRef.model) &&
    !models.some((model) => model.provider === defaultRef.provider && model.id === defaultRef.model)
  ) {
    const protocol = providers[defaultRef.provider].protocol;
    models.unshift(toCatalogModel(defaultRef.provider, protocol, { id: defaultRef.model }, true));
  }
  // Without a default model: the operator's preferred provider's first model, else the first.
  const first =
    models.find(
      (model) =>
        model.provider === config.preferredProvider && config.providers[model.provider].baseUrl,
    ) ?? models.find((model) => config.providers[model.provider].baseUrl);

  return {
    codeRequired: config.accessCodeDigests.length > 0,
    userKeysDisabled: config.userKeysDisabled,
    syncAvailable: config.state.store.kind !== 'memory',
    providers: reachable.map((id) => ({
      id,
      name: config.providers[id].name,
      protocol: providers[id].protocol,
      configured: Boolean(config.providers[id].baseUrl),
      hasServerKey:
        Boolean(config.providers[id].baseUrl) && hasServerCredential(config.providers[id]),
      keyOptional: config.providers[id].keyOptional,
      ...(behavesAs(id, config.providers[id].baseUrl)
        ? { behavesAs: behavesAs(id, config.providers[id].baseUrl) }
        : {}),
    })),
    models,
    defaultModel: defaultRef
      ? formatModelRef(defaultRef)
      : first && formatModelRef({ provider: first.provider, model: first.id }),
  };
}
