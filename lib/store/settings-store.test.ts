import { describe, expect, it } from 'vitest';
import { migrateSettings, settingsDefaults } from './settings-store';

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
