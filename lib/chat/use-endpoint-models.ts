'use client';

import { useEffect, useMemo, useState } from 'react';
import { toCatalogModel, type CatalogModel } from '@/lib/models/catalog-model';
import { useSettingsStore } from '@/lib/store/settings-store';
import { gatewayClient } from '@/lib/chat/gateway-client';

const settleMs = 400;

/**
 * The models of the user's own endpoints: the ids the user listed, or else what the endpoint's
 * `/models` answers through the gateway (with the user's key, to the user's address).
 */
export function useEndpointModels(allowed: boolean): CatalogModel[] {
  const stored = useSettingsStore((state) => state.customEndpoints);
  const accessCode = useSettingsStore((state) => state.accessCode);
  const endpoints = useMemo(() => (allowed ? stored : []), [allowed, stored]);
  const [discovered, setDiscovered] = useState<Record<string, string[]>>({});

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      for (const endpoint of endpoints) {
        if (!endpoint.baseUrl || endpoint.models.length > 0) continue;
        gatewayClient
          .provider(
            { provider: 'openai-compatible', path: 'models' },
            { accessCode: accessCode || undefined, endpoint },
            { signal: controller.signal },
          )
          .then(async (response) => {
            if (!response.ok) return [];
            // The wire protocols load with the first chat or list, not with the page.
            const { protocols } = await import('@/lib/protocols');
            return protocols.openai.parseModelList(await response.json());
          })
          .then((listed) =>
            setDiscovered((previous) => ({
              ...previous,
              [endpoint.id]: listed.map((model) => model.id),
            })),
          )
          .catch(() => undefined);
      }
    }, settleMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [endpoints, accessCode]);

  return useMemo(
    () =>
      endpoints.flatMap((endpoint) =>
        (endpoint.models.length > 0 ? endpoint.models : (discovered[endpoint.id] ?? [])).map(
          (id) => ({
            ...toCatalogModel('openai-compatible', 'openai', { id }, true),
            endpointId: endpoint.id,
          }),
        ),
      ),
    [endpoints, discovered],
  );
}
