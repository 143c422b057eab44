import { knownHost } from './known-hosts';
import { providers, type ProviderId } from './registry';
import type { ProviderDefinition } from './types';

/**
 * Which provider an address behaves as: the router whose host it is on (an OpenRouter-hosted
 * endpoint is OpenRouter), when that differs from the provider it was configured under and
 * speaks the same protocol.
 */
export function behavesAs(
  provider: ProviderId,
  baseUrl: string | undefined,
): ProviderId | undefined {
  const host = baseUrl ? knownHost(baseUrl)?.behavesAs : undefined;
  if (!host || host === provider) return undefined;
  return providers[host].protocol === providers[provider].protocol ? host : undefined;
}

/**
 * The definition whose request shaping applies: the provider's own, with the request hooks,
 * preference fields and attribution of the provider it behaves as. Paths, auth and address stay
 * the provider's own.
 */
export function definitionFor(
  provider: ProviderId,
  as: ProviderId | undefined,
): ProviderDefinition {
  const own: ProviderDefinition = providers[provider];
  if (!as) return own;
  const router: ProviderDefinition = providers[as];
  return {
    ...own,
    attribution: router.attribution,
    adaptRequestBody: router.adaptRequestBody,
    mergeRouting: router.mergeRouting,
    settingFields: router.settingFields,
    applyUserSettings: router.applyUserSettings,
  };
}
