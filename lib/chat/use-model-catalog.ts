'use client';

import { useEffect, useMemo, useState } from 'react';
import type { PublicConfig } from '@/lib/config/public-config';
import { gatewayHeaders, gatewayPaths } from '@/lib/gateway/contract';
import { toCatalogModel, type CatalogModel } from '@/lib/models/catalog-model';
import type { ProviderId } from '@/lib/providers/registry';
import { useSettingsStore } from '@/lib/store/settings-store';
import { gatewayAccessHeaders, ownAccessFor } from './gateway-request';

/** Typing a key fires no request per keystroke. */
const settleMs = 400;

type Discovered = Partial<Record<ProviderId, CatalogModel[]>>;

/**
 * The models the picker offers: the public list at first, then the live catalog once the server
 * keys may be used (access code accepted, or none needed), and for providers where the user has
 * a key of their own, the list that key sees. Each list replaces that provider's models.
 */
export function useModelCatalog(config: PublicConfig | undefined): CatalogModel[] {
  const accessCode = useSettingsStore((state) => state.accessCode);
  const providerSettings = useSettingsStore((state) => state.providerSettings);
  // Kept apart so that a user's own listing wins whichever answer arrives last.
  const [serverLists, setServerLists] = useState<Discovered>({});
  const [userLists, setUserLists] = useState<Discovered>({});

  useEffect(() => {
    if (!config) return;
    const controller = new AbortController();
    const load = async (
      url: string,
      headers: HeadersInit,
      store: (update: (previous: Discovered) => Discovered) => void,
    ) => {
      const response = await fetch(url, { headers, signal: controller.signal, cache: 'no-store' });
      if (!response.ok) return;
      const { models } = (await response.json()) as { models: CatalogModel[] };
      const byProvider: Discovered = {};
      for (const model of models) (byProvider[model.provider] ??= []).push(model);
      store((previous) => ({ ...previous, ...byProvider }));
    };
    const timer = setTimeout(() => {
      // A key the user removed no longer decides that provider's list.
      setUserLists((previous) =>
        Object.fromEntries(
          Object.entries(previous).filter(([id]) => providerSettings[id as ProviderId]?.apiKey),
        ),
      );
      const requests: Array<Promise<void>> = [];
      if (!config.codeRequired || accessCode) {
        requests.push(
          load(
            gatewayPaths.models,
            accessCode ? { [gatewayHeaders.accessCode]: accessCode } : {},
            setServerLists,
          ),
        );
      }
      if (!config.userKeysDisabled) {
        for (const provider of config.providers) {
          const access = ownAccessFor(useSettingsStore.getState(), provider.id, {
            userKeysAllowed: true,
          });
          // The person's own key lists what it sees, at their own address when they set one.
          if (access.apiKey) {
            requests.push(
              load(
                `${gatewayPaths.models}?provider=${provider.id}`,
                gatewayAccessHeaders(access),
                setUserLists,
              ),
            );
          }
        }
      }
      // A failed listing leaves the list it had: the curated models still work.
      void Promise.allSettled(requests);
    }, settleMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [config, accessCode, providerSettings]);

  return useMemo(() => {
    if (!config) return [];
    return config.providers.flatMap((provider) => {
      const listed =
        userLists[provider.id] ??
        serverLists[provider.id] ??
        config.models.filter((model) => model.provider === provider.id);
      // Models the user named in the settings (Azure deployment names): nothing lists them.
      const named = providerSettings[provider.id]?.options?.deployments;
      const extra = (Array.isArray(named) ? named : [])
        .filter((id) => !listed.some((model) => model.id === id))
        .map((id) => toCatalogModel(provider.id, provider.protocol, { id }, true));
      return [...extra, ...listed];
    });
  }, [config, serverLists, userLists, providerSettings]);
}
