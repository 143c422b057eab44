'use client';

import type { PublicConfig } from '@/lib/config/public-config';
import type { CatalogModel } from '@/lib/models/catalog-model';
import { findModel } from '@/lib/models/model-choice';
import { useChatStore } from '@/lib/store/chat-store';
import { useSettingsStore } from '@/lib/store/settings-store';

/**
 * The active conversation's model; for a new conversation the user's default model, else the
 * last one picked, else the operator's default (each only if still offered).
 */
export function useCurrentModel(
  config: PublicConfig | undefined,
  models: readonly CatalogModel[],
): string | undefined {
  const activeModel = useChatStore((state) =>
    state.activeId ? state.conversations[state.activeId]?.model : undefined,
  );
  const lastModel = useSettingsStore((state) => state.lastModel);
  const defaultModel = useSettingsStore((state) => state.defaultModel);
  if (activeModel) return activeModel;
  if (defaultModel && findModel(models, defaultModel)) return defaultModel;
  if (lastModel && findModel(models, lastModel)) return lastModel;
  return config?.defaultModel;
}
