import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { ProviderId } from '@/lib/providers/registry';
import type { ProviderSettingKey, ProviderSettingValues } from '@/lib/providers/types';
import type { ConversationParameters } from './chat-types';

export interface ProviderSettings {
  apiKey: string;
  /** The user's own address for this provider (a proxy, a regional endpoint); used with their key. */
  baseUrl?: string;
  /** The provider's own preferences (OpenRouter routing, fallback chains), from the registry. */
  options?: ProviderSettingValues;
}

/** One of the user's own OpenAI-compatible endpoints; its key never leaves this browser but to it. */
export interface CustomEndpoint {
  id: string;
  name: string;
  baseUrl: string;
  apiKey: string;
  headers: Record<string, string>;
  /** Model ids to offer; empty means "ask the endpoint's /models". */
  models: string[];
  /** The browser calls the endpoint itself (one on the user's own machine); the gateway is not used. */
  direct?: boolean;
}

export interface PersistedSettings {
  accessCode: string;
  providerSettings: Partial<Record<ProviderId, ProviderSettings>>;
  /** `provider:model` picked last, used for new conversations unless a default is chosen. */
  lastModel?: string;
  /** The model every new conversation starts with, when the user chose one. */
  defaultModel?: string;
  /** Parameters a new conversation starts with (changed before its first message). */
  draftParameters: ConversationParameters;
  draftSystemPrompt: string;
  /** Hides the reasoning panel; the reasoning text is still received and kept. */
  showReasoning: boolean;
  /** The reasoning panel stays closed while the model thinks (opened by a click). */
  reasoningCollapsed: boolean;
  /** Which key sends: Enter (Shift+Enter for a new line), or Ctrl/⌘+Enter (Enter for a new line). */
  sendKey: 'enter' | 'modifier-enter';
  /** Remote images in answers: a click loads each (`ask`), or they load at once (`always`). */
  remoteImages: 'ask' | 'always';
  customEndpoints: CustomEndpoint[];
}

/** The preferences "reset to defaults" restores; keys, codes and endpoints are left alone. */
export type Preferences = Pick<
  PersistedSettings,
  'showReasoning' | 'reasoningCollapsed' | 'sendKey' | 'remoteImages'
>;

interface SettingsState extends PersistedSettings {
  setAccessCode: (code: string) => void;
  /**
   * The one way a provider's record changes: the change is merged into what is there (options
   * into options), so setting one field never drops another.
   */
  updateProviderSettings: (provider: ProviderId, change: Partial<ProviderSettings>) => void;
  setProviderApiKey: (provider: ProviderId, apiKey: string) => void;
  setProviderOption: (
    provider: ProviderId,
    key: ProviderSettingKey,
    value: string | string[],
  ) => void;
  setLastModel: (model: string) => void;
  setDefaultModel: (model: string | undefined) => void;
  setDraftParameters: (parameters: ConversationParameters) => void;
  setDraftSystemPrompt: (prompt: string) => void;
  setShowReasoning: (show: boolean) => void;
  setPreference: <Key extends keyof Preferences>(key: Key, value: Preferences[Key]) => void;
  resetPreferences: () => void;
  setProviderBaseUrl: (provider: ProviderId, baseUrl: string) => void;
  /** Replaces everything with imported settings (already validated). */
  replaceSettings: (settings: PersistedSettings) => void;
  addEndpoint: () => string;
  updateEndpoint: (id: string, change: Partial<Omit<CustomEndpoint, 'id'>>) => void;
  removeEndpoint: (id: string) => void;
}

export const settingsDefaults: PersistedSettings = {
  accessCode: '',
  providerSettings: {},
  draftParameters: {},
  draftSystemPrompt: '',
  showReasoning: true,
  reasoningCollapsed: false,
  sendKey: 'enter',
  remoteImages: 'ask',
  customEndpoints: [],
};

export const useSettingsStore = create<SettingsState>()(
  persist(
    (set, get) => ({
      ...settingsDefaults,
      setAccessCode: (accessCode) => set({ accessCode: accessCode.trim() }),
      updateProviderSettings: (provider, change) => {
        const current = get().providerSettings[provider];
        const options = change.options
          ? { ...current?.options, ...change.options }
          : current?.options;
        const next: ProviderSettings = {
          ...current,
          ...change,
          apiKey: change.apiKey ?? current?.apiKey ?? '',
        };
        if (options) next.options = options;
        else delete next.options;
        if (!next.baseUrl) delete next.baseUrl;
        set({ providerSettings: { ...get().providerSettings, [provider]: next } });
      },
      setProviderApiKey: (provider, apiKey) =>
        get().updateProviderSettings(provider, { apiKey: apiKey.trim() }),
      setProviderOption: (provider, key, value) =>
        get().updateProviderSettings(provider, { options: { [key]: value } }),
      setLastModel: (lastModel) => set({ lastModel }),
      setDefaultModel: (defaultModel) => set({ defaultModel }),
      setDraftParameters: (draftParameters) => set({ draftParameters }),
      setDraftSystemPrompt: (draftSystemPrompt) => set({ draftSystemPrompt }),
      setShowReasoning: (showReasoning) => set({ showReasoning }),
      setPreference: (key, value) => set({ [key]: value } as Partial<PersistedSettings>),
      resetPreferences: () =>
        set({
          showReasoning: settingsDefaults.showReasoning,
          reasoningCollapsed: settingsDefaults.reasoningCollapsed,
          sendKey: settingsDefaults.sendKey,
          remoteImages: settingsDefaults.remoteImages,
        }),
      setProviderBaseUrl: (provider, baseUrl) =>
        get().updateProviderSettings(provider, { baseUrl: baseUrl.trim() || undefined }),
      // Optional settings the file leaves out are cleared too: nothing of before lingers.
      replaceSettings: (settings) =>
        set({ ...settingsDefaults, lastModel: undefined, defaultModel: undefined, ...settings }),
      addEndpoint: () => {
        const id = crypto.randomUUID().slice(0, 8);
        const endpoint: CustomEndpoint = {
          id,
          name: '',
          baseUrl: '',
          apiKey: '',
          headers: {},
          models: [],
        };
        set({ customEndpoints: [...get().customEndpoints, endpoint] });
        return id;
      },
      updateEndpoint: (id, change) =>
        set({
          customEndpoints: get().customEndpoints.map((endpoint) =>
            endpoint.id === id ? { ...endpoint, ...change } : endpoint,
          ),
        }),
      removeEndpoint: (id) =>
        set({ customEndpoints: get().customEndpoints.filter((endpoint) => endpoint.id !== id) }),
    }),
    {
      name: 'parley-settings',
      version: 3,
      storage: createJSONStorage(() => localStorage),
      partialize: (state): PersistedSettings => ({
        accessCode: state.accessCode,
        providerSettings: state.providerSettings,
        lastModel: state.lastModel,
        defaultModel: state.defaultModel,
        draftParameters: state.draftParameters,
        draftSystemPrompt: state.draftSystemPrompt,
        showReasoning: state.showReasoning,
        reasoningCollapsed: state.reasoningCollapsed,
        sendKey: state.sendKey,
        remoteImages: state.remoteImages,
        customEndpoints: state.customEndpoints,
      }),
      migrate: migrateSettings,
    },
  ),
);

/**
 * Every version so far only added settings (2: draft parameters and the reasoning switch;
 * 3: custom endpoints), so migrating is filling in their defaults; nothing the user set is dropped.
 * A later version that renames or reshapes a setting takes zustand's `version` argument and adds
 * its step here.
 */
export function migrateSettings(persisted: unknown): PersistedSettings {
  const stored = typeof persisted === 'object' && persisted !== null ? persisted : {};
  const defined = Object.fromEntries(
    Object.entries(stored).filter(([, value]) => value !== undefined),
  );
  return { ...settingsDefaults, ...(defined as Partial<PersistedSettings>) };
}
