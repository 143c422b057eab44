'use client';

import type { PublicConfig } from '@/lib/config/public-config';
import type { CatalogModel } from '@/lib/models/catalog-model';
import { choiceOf, findModel } from '@/lib/models/model-choice';
import { useChatStore } from '@/lib/store/chat-store';
import { useSettingsStore } from '@/lib/store/settings-store';

/**
 * The active conversation's model; for a new conversation the user's default model, else the
 * last one picked, else the operator's default, else the first one this person can use (each
 * only if usable now: a new chat never starts on a model that needs a key first).
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
  if (config?.defaultModel && findModel(models, config.defaultModel)) return config.defaultModel;
  const first = models[0];
  return first && choiceOf(first);
}
