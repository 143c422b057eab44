import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from '@/lib/testing/memory-storage';

const storage = new MemoryStorage();
vi.stubGlobal('localStorage', storage);
const { migrateSettings, settingsDefaults, useSettingsStore } = await import('./settings-store');

const state = () => useSettingsStore.getState();
/** What survives a reload: the persisted record, as zustand wrote it. */
const stored = () =>
  (JSON.parse(storage.getItem('parley-settings') ?? 'null') as { state: Record<string, unknown> })
    .state;

beforeEach(() => {
  storage.items.clear();
  useSettingsStore.setState(settingsDefaults);
});

describe('settings migrations', () => {
  it('keeps everything a version 1 user set and adds the newer defaults', () => {
    const migrated = migrateSettings({
      accessCode: 'code',
      providerSettings: { openrouter: { apiKey: 'sk-user' } },
      lastModel: 'openai:gpt-4.1',
    });
    expect(migrated).toEqual({
      ...settingsDefaults,
      accessCode: 'code',
      providerSettings: { openrouter: { apiKey: 'sk-user' } },
      lastModel: 'openai:gpt-4.1',
    });
  });

  it('adds custom endpoints to version 2 settings', () => {
    const migrated = migrateSettings({
      ...settingsDefaults,
      showReasoning: false,
      customEndpoints: undefined,
    });
    expect(migrated.showReasoning).toBe(false);
    expect(migrated.customEndpoints).toEqual([]);
  });

  it('survives garbage in storage', () => {
    expect(migrateSettings('garbage')).toEqual(settingsDefaults);
  });
});

describe('provider settings: one update path, nothing dropped', () => {
  it('sets a key, trimmed, and persists it', () => {
    state().setProviderApiKey('openrouter', '  sk-own  ');
    expect(state().providerSettings.openrouter).toEqual({ apiKey: 'sk-own' });
    expect(stored().providerSettings).toEqual({ openrouter: { apiKey: 'sk-own' } });
  });

  it('sets an address without touching the key, and clears it when emptied', () => {
    state().setProviderApiKey('openai', 'sk-own');
    state().setProviderBaseUrl('openai', ' https://proxy.example/v1 ');
    expect(state().providerSettings.openai).toEqual({
      apiKey: 'sk-own',
      baseUrl: 'https://proxy.example/v1',
    });
    state().setProviderBaseUrl('openai', '');
    expect(state().providerSettings.openai).toEqual({ apiKey: 'sk-own' });
  });

  it('sets an option and keeps the key, the address and the other options', () => {
    state().setProviderApiKey('openrouter', 'sk-own');
    state().setProviderBaseUrl('openrouter', 'https://proxy.example/api/v1');
    state().setProviderOption('openrouter', 'sort', 'price');
    state().setProviderOption('openrouter', 'providerOrder', ['anthropic', 'openai']);
    expect(state().providerSettings.openrouter).toEqual({
      apiKey: 'sk-own',
      baseUrl: 'https://proxy.example/api/v1',
      options: { sort: 'price', providerOrder: ['anthropic', 'openai'] },
    });
    // And the key setter keeps the options and the address in turn.
    state().setProviderApiKey('openrouter', 'sk-other');
    expect(state().providerSettings.openrouter).toMatchObject({
      baseUrl: 'https://proxy.example/api/v1',
      options: { sort: 'price' },
    });
  });

  it('changes one provider without touching another', () => {
    state().setProviderApiKey('openai', 'sk-a');
    state().updateProviderSettings('anthropic', { apiKey: 'sk-b', baseUrl: 'https://b.example' });
    expect(state().providerSettings).toEqual({
      openai: { apiKey: 'sk-a' },
      anthropic: { apiKey: 'sk-b', baseUrl: 'https://b.example' },
    });
  });
});

describe('the other settings', () => {
  it('sets the access code, trimmed', () => {
    state().setAccessCode(' code-1 ');
    expect(state().accessCode).toBe('code-1');
    expect(stored().accessCode).toBe('code-1');
  });

  it('remembers the last model and the default model', () => {
    state().setLastModel('openai:gpt-4.1');
    state().setDefaultModel('anthropic:claude-opus-4.7');
    expect(stored()).toMatchObject({
      lastModel: 'openai:gpt-4.1',
      defaultModel: 'anthropic:claude-opus-4.7',
    });
    state().setDefaultModel(undefined);
    expect(state().defaultModel).toBeUndefined();
  });

  it('keeps the parameters and system prompt of the next new chat', () => {
    state().setDraftParameters({ temperature: 0.2, reasoningEffort: 'high' });
    state().setDraftSystemPrompt('Be brief.');
    expect(stored()).toMatchObject({
      draftParameters: { temperature: 0.2, reasoningEffort: 'high' },
      draftSystemPrompt: 'Be brief.',
    });
  });

  it('sets preferences and resets them, leaving keys and endpoints alone', () => {
    state().setProviderApiKey('openai', 'sk-own');
    state().setShowReasoning(false);
    state().setPreference('sendKey', 'modifier-enter');
    state().setPreference('remoteImages', 'always');
    state().setPreference('reasoningCollapsed', true);
    expect(state()).toMatchObject({
      showReasoning: false,
      sendKey: 'modifier-enter',
      remoteImages: 'always',
      reasoningCollapsed: true,
    });
    state().resetPreferences();
    expect(state()).toMatchObject({
      showReasoning: true,
      sendKey: 'enter',
      remoteImages: 'ask',
      reasoningCollapsed: false,
    });
    expect(state().providerSettings.openai?.apiKey).toBe('sk-own');
  });

  it('replaces everything with imported settings, defaults for what they leave out', () => {
    state().setLastModel('openai:gpt-4.1');
    state().replaceSettings({ ...settingsDefaults, accessCode: 'imported' });
    expect(state().accessCode).toBe('imported');
    expect(state().lastModel).toBeUndefined();
  });
});

describe('own endpoints', () => {
  it('adds, updates and removes an endpoint by id', () => {
    const first = state().addEndpoint();
    const second = state().addEndpoint();
    expect(first).not.toBe(second);
    state().updateEndpoint(first, { name: 'Lab', baseUrl: 'https://lab.example/v1' });
    expect(state().customEndpoints[0]).toMatchObject({
      id: first,
      name: 'Lab',
      baseUrl: 'https://lab.example/v1',
      apiKey: '',
    });
    expect(state().customEndpoints[1]?.name).toBe('');
    state().removeEndpoint(first);
    expect(state().customEndpoints.map((endpoint) => endpoint.id)).toEqual([second]);
    expect((stored().customEndpoints as unknown[]).length).toBe(1);
  });
});
