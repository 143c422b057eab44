'use client';

import type { PublicConfig } from '@/lib/config/public-config';
import { formatModelRef } from '@/lib/models/model-ref';
import { useChatStore } from '@/lib/store/chat-store';
import { useSettingsStore } from '@/lib/store/settings-store';

/** The active conversation's model, else the last one picked (if still offered), else the default. */
export function useCurrentModel(config: PublicConfig | undefined): string | undefined {
  const activeModel = useChatStore((state) =>
    state.activeId ? state.conversations[state.activeId]?.model : undefined,
  );
  const lastModel = useSettingsStore((state) => state.lastModel);
  if (activeModel) return activeModel;
  const offered = config?.models.some(
    (model) => formatModelRef({ provider: model.provider, model: model.id }) === lastModel,
  );
  if (lastModel && offered) return lastModel;
  return config?.defaultModel;
}
