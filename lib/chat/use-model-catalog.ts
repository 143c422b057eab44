'use client';

import { useEffect, useMemo, useState } from 'react';
import type { PublicConfig } from '@/lib/config/public-config';
import { toCatalogModel, type CatalogModel } from '@/lib/models/catalog-model';
import type { ProviderId } from '@/lib/providers/registry';
import { useSettingsStore } from '@/lib/store/settings-store';
import { ownAccessFor } from './gateway-request';
import type { CodeState } from './provider-access';
import { gatewayClient } from '@/lib/chat/gateway-client';

/** Typing a key fires no request per keystroke. */
const settleMs = 400;

type Discovered = Partial<Record<ProviderId, CatalogModel[]>>;

/**
 * The models the picker offers: the public list at first, then the live catalog once the server
 * keys may be used (access code accepted, or none needed), and for providers where the user has
 * a key of their own, the list that key sees. Each list replaces that provider's models.
 */
export function useModelCatalog(config: PublicConfig | undefined): {
  models: CatalogModel[];
  codeState: CodeState;
} {
  const accessCode = useSettingsStore((state) => state.accessCode);
  const providerSettings = useSettingsStore((state) => state.providerSettings);
  // Kept apart so that a user's own listing wins whichever answer arrives last.
  const [serverLists, setServerLists] = useState<Discovered>({});
  const [userLists, setUserLists] = useState<Discovered>({});
  // The deployment's answer for the code in the settings, by the code it was given for.
  const [codeAnswer, setCodeAnswer] = useState<{ code: string; valid: boolean }>();

  useEffect(() => {
    if (!config) return;
    const controller = new AbortController();
    const keep = async (
      response: Response,
      store: (update: (previous: Discovered) => Discovered) => void,
    ) => {
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
          gatewayClient
            .models({ accessCode: accessCode || undefined }, { signal: controller.signal })
            .then(async (response) => {
              // The server's catalog needs exactly what its keys need, so its answer is the
              // code's: refused (401), or this address locked out for now (429).
              if (accessCode) {
                const refused = response.status === 401 || response.status === 429;
                setCodeAnswer({ code: accessCode, valid: !refused });
              }
              await keep(response, setServerLists);
            }),
        );
      }
      if (!config.userKeysDisabled) {
        for (const provider of config.providers) {
          const access = ownAccessFor(useSettingsStore.getState(), provider.id, {
            userKeysAllowed: true,
          });
          // The person's own key lists what it sees, at their own address when they set one.
          if (!access.apiKey) continue;
          requests.push(
            gatewayClient
              .models(access, { provider: provider.id, signal: controller.signal })
              .then((response) => keep(response, setUserLists)),
          );
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

  const models = useMemo(() => {
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

  let codeState: CodeState = 'not-needed';
  if (config?.codeRequired) {
    if (!accessCode) codeState = 'missing';
    else if (codeAnswer?.code !== accessCode) codeState = 'checking';
    else codeState = codeAnswer.valid ? 'valid' : 'invalid';
  }
  return { models, codeState };
}
