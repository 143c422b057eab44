import { describe, expect, it } from 'vitest';
import { settingsDefaults } from './settings-store';
import { exportSettings, parseSettings, SettingsImportError } from './settings-transfer';

const settings = {
  ...settingsDefaults,
  accessCode: 'the-code-123',
  providerSettings: { openrouter: { apiKey: 'sk-or-user', options: { sort: 'price' } } },
  customEndpoints: [
    {
      id: 'e1',
      name: 'Lab',
      baseUrl: 'https://lab.example/v1',
      apiKey: 'sk-lab',
      headers: {},
      models: [],
    },
  ],
  sendKey: 'modifier-enter' as const,
};

describe('settings export and import', () => {
  it('leaves keys and codes out unless asked', () => {
    const shared = exportSettings(settings, false);
    for (const secret of ['the-code-123', 'sk-or-user', 'sk-lab'])
      expect(shared).not.toContain(secret);
    expect(parseSettings(shared)).toMatchObject({
      sendKey: 'modifier-enter',
      providerSettings: { openrouter: { options: { sort: 'price' } } },
    });
    expect(parseSettings(exportSettings(settings, true))).toMatchObject({
      accessCode: 'the-code-123',
    });
  });

  it.each([
    'nope',
    '{}',
    JSON.stringify({ app: 'parley', kind: 'conversations', version: 2, settings: {} }),
  ])('refuses %s', (text) => {
    expect(() => parseSettings(text)).toThrow(SettingsImportError);
  });
});
