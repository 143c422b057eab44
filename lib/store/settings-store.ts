import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { ProviderId } from '@/lib/providers/registry';

export interface ProviderSettings {
  apiKey: string;
}

interface SettingsState {
  accessCode: string;
  providerSettings: Partial<Record<ProviderId, ProviderSettings>>;
  /** `provider:model` picked last, used for new conversations. */
  lastModel?: string;
  setAccessCode: (code: string) => void;
  setProviderApiKey: (provider: ProviderId, apiKey: string) => void;
  setLastModel: (model: string) => void;
}

export const useSettingsStore = create<SettingsState>()(
  persist(
    (set, get) => ({
      accessCode: '',
      providerSettings: {},
      setAccessCode: (accessCode) => set({ accessCode: accessCode.trim() }),
      setProviderApiKey: (provider, apiKey) =>
        set({
          providerSettings: {
            ...get().providerSettings,
            [provider]: { ...get().providerSettings[provider], apiKey: apiKey.trim() },
          },
        }),
      setLastModel: (lastModel) => set({ lastModel }),
    }),
    {
      name: 'parley-settings',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ accessCode, providerSettings, lastModel }) => ({
        accessCode,
        providerSettings,
        lastModel,
      }),
      // Version 1 is the first schema; later versions add their steps here.
      migrate: (persisted) => persisted as SettingsState,
    },
  ),
);
