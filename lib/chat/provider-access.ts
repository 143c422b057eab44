import type { PublicConfig, PublicProvider } from '@/lib/config/public-config';
import type { CatalogModel } from '@/lib/models/catalog-model';
import type { ProviderId } from '@/lib/providers/registry';
import type { CustomEndpoint, ProviderSettings } from '@/lib/store/settings-store';

/**
 * What the deployment said about the person's access code: not asked for, not entered yet,
 * being checked, accepted, or refused (wrong, or this address locked out for a while).
 */
export type CodeState = 'not-needed' | 'missing' | 'checking' | 'valid' | 'invalid';

/** Why a provider's models cannot be used yet: the code is missing, or a key (and address). */
export type Lock = 'needs-code' | 'needs-key';

export interface LockedProvider {
  provider: ProviderId;
  name: string;
  lock: Lock;
}

/** A code that is being checked counts as good: the answer usually agrees, and nothing flickers. */
export function codeUnlocks(codeState: CodeState): boolean {
  return codeState !== 'missing' && codeState !== 'invalid';
}

/**
 * Whether this person can use a provider now, by the gateway's own rules: their own key goes
 * upstream with or without the code (to their own address only with it, where codes are set);
 * the deployment's key, or a keyless provider at the deployment's address, needs the code.
 */
export function providerLock(
  provider: PublicProvider,
  own: Pick<ProviderSettings, 'apiKey' | 'baseUrl'> | undefined,
  { codeState, userKeysAllowed }: { codeState: CodeState; userKeysAllowed: boolean },
): Lock | undefined {
  const codeOk = codeUnlocks(codeState);
  if (userKeysAllowed && own?.apiKey) {
    if (own.baseUrl) return codeOk ? undefined : 'needs-code';
    return provider.configured ? undefined : 'needs-key';
  }
  if (userKeysAllowed && own?.baseUrl && provider.keyOptional) {
    return codeOk ? undefined : 'needs-code';
  }
  if (provider.configured && (provider.hasServerKey || provider.keyOptional)) {
    return codeOk ? undefined : 'needs-code';
  }
  return 'needs-key';
}

/** One of the person's own endpoints: one in the browser needs nothing, one through the gateway the code. */
export function endpointLock(endpoint: CustomEndpoint, codeState: CodeState): Lock | undefined {
  return endpoint.direct || codeUnlocks(codeState) ? undefined : 'needs-code';
}

export interface AccessSplit {
  /** The models this person can use now, in catalog order. */
  usable: CatalogModel[];
  /** Providers (with models) that need a code or a key first, in the config's order. */
  locked: LockedProvider[];
}

/** Splits the catalog into what can be used now and what needs something first. */
export function splitByAccess(
  models: readonly CatalogModel[],
  config: Pick<PublicConfig, 'providers' | 'userKeysDisabled'> | undefined,
  settings: {
    providerSettings: Partial<Record<ProviderId, ProviderSettings>>;
    customEndpoints: readonly CustomEndpoint[];
  },
  codeState: CodeState,
): AccessSplit {
  if (!config) return { usable: [], locked: [] };
  const userKeysAllowed = !config.userKeysDisabled;
  const locks = new Map<ProviderId, Lock | undefined>(
    config.providers.map((provider) => [
      provider.id,
      providerLock(provider, settings.providerSettings[provider.id], {
        codeState,
        userKeysAllowed,
      }),
    ]),
  );
  const usable = models.filter((model) => {
    if (model.endpointId) {
      const endpoint = settings.customEndpoints.find((entry) => entry.id === model.endpointId);
      return endpoint !== undefined && endpointLock(endpoint, codeState) === undefined;
    }
    return locks.has(model.provider) && locks.get(model.provider) === undefined;
  });
  const locked = config.providers.flatMap((provider) => {
    const lock = locks.get(provider.id);
    return lock ? [{ provider: provider.id, name: provider.name, lock }] : [];
  });
  return { usable, locked };
}
