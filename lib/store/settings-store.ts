import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { ProviderId } from '@/lib/providers/registry';
import type { ConversationParameters } from './chat-types';

export interface ProviderSettings {
  apiKey: string;
}

export interface PersistedSettings {
  accessCode: string;
  providerSettings: Partial<Record<ProviderId, ProviderSettings>>;
  /** `provider:model` picked last, used for new conversations. */
  lastModel?: string;
  /** Parameters a new conversation starts with (changed before its first message). */
  draftParameters: ConversationParameters;
  /** Hides the reasoning panel; the reasoning text is still received and kept. */
  showReasoning: boolean;
}

interface SettingsState extends PersistedSettings {
  setAccessCode: (code: string) => void;
  setProviderApiKey: (provider: ProviderId, apiKey: string) => void;
  setLastModel: (model: string) => void;
  setDraftParameters: (parameters: ConversationParameters) => void;
  setShowReasoning: (show: boolean) => void;
}

export const settingsDefaults: PersistedSettings = {
  accessCode: '',
  providerSettings: {},
  draftParameters: {},
  showReasoning: true,
};

export const useSettingsStore = create<SettingsState>()(
  persist(
    (set, get) => ({
      ...settingsDefaults,
      setAccessCode: (accessCode) => set({ accessCode: accessCode.trim() }),
      setProviderApiKey: (provider, apiKey) =>
        set({
          providerSettings: {
            ...get().providerSettings,
            [provider]: { ...get().providerSettings[provider], apiKey: apiKey.trim() },
          },
        }),
      setLastModel: (lastModel) => set({ lastModel }),
      setDraftParameters: (draftParameters) => set({ draftParameters }),
      setShowReasoning: (showReasoning) => set({ showReasoning }),
    }),
    {
      name: 'parley-settings',
      version: 2,
      storage: createJSONStorage(() => localStorage),
      partialize: ({
        accessCode,
        providerSettings,
        lastModel,
        draftParameters,
        showReasoning,
      }) => ({
        accessCode,
        providerSettings,
        lastModel,
        draftParameters,
        showReasoning,
      }),
      migrate: migrateSettings,
    },
  ),
);

/** Each version adds its step; nothing the user set is dropped. */
export function migrateSettings(persisted: unknown, version: number): PersistedSettings {
  const stored = (
    typeof persisted === 'object' && persisted !== null ? persisted : {}
  ) as Partial<PersistedSettings>;
  // Version 1 had no draft parameters and no reasoning switch.
  if (version < 2)
    return { ...settingsDefaults, ...stored, draftParameters: {}, showReasoning: true };
  return { ...settingsDefaults, ...stored };
}
