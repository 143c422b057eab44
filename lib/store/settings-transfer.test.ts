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

  const file = (settings: Record<string, unknown>, version = 3) =>
    JSON.stringify({ app: 'parley', kind: 'settings', version, settings });

  it.each([
    ['nope', 'invalid-json', undefined],
    ['{}', 'not-parley', undefined],
    [
      JSON.stringify({ app: 'parley', kind: 'conversations', version: 2, settings: {} }),
      'not-parley',
      undefined,
    ],
    [file({}, 99), 'newer-version', undefined],
    [file({ sendKey: 'space' }), 'invalid-field', 'sendKey'],
    [file({ accessCode: 42 }), 'invalid-field', 'accessCode'],
    [
      file({ providerSettings: { openai: { apiKey: 7 } } }),
      'invalid-field',
      'providerSettings.openai.apiKey',
    ],
    [file({ providerSettings: { nobody: { apiKey: 'k' } } }), 'invalid-field', 'providerSettings'],
    [file({ customEndpoints: [{ id: 'x' }] }), 'invalid-field', 'customEndpoints.0.name'],
    [
      file({ draftParameters: { temperature: 'hot' } }),
      'invalid-field',
      'draftParameters.temperature',
    ],
  ])('refuses %s, saying why', (text, reason, field) => {
    expect(() => parseSettings(text)).toThrow(SettingsImportError);
    expect(() => parseSettings(text)).toThrow(expect.objectContaining({ reason, field }));
  });

  it('fills in what an older file leaves out', () => {
    expect(parseSettings(file({ accessCode: 'c' }, 1))).toEqual({
      ...settingsDefaults,
      accessCode: 'c',
    });
  });
});
