import { z } from 'zod';
import { settingsDefaults, type PersistedSettings } from './settings-store';

const envelope = z.object({
  app: z.literal('parley'),
  kind: z.literal('settings'),
  version: z.number(),
  settings: z.record(z.string(), z.unknown()),
});

/**
 * Settings as a file: without keys, codes and endpoint keys unless the user asks (a settings file
 * gets mailed around; a key in it should be a choice).
 */
export function exportSettings(settings: PersistedSettings, includeKeys: boolean): string {
  const shared: PersistedSettings = includeKeys
    ? settings
    : {
        ...settings,
        accessCode: '',
        providerSettings: Object.fromEntries(
          Object.entries(settings.providerSettings).map(([id, value]) => [
            id,
            { ...value, apiKey: '' },
          ]),
        ),
        customEndpoints: settings.customEndpoints.map((endpoint) => ({ ...endpoint, apiKey: '' })),
      };
  return JSON.stringify({ app: 'parley', kind: 'settings', version: 3, settings: shared }, null, 2);
}

export class SettingsImportError extends Error {}

/** Reads a settings file; anything that is not one is refused whole, never half-applied. */
export function parseSettings(text: string): PersistedSettings {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SettingsImportError('not JSON');
  }
  const result = envelope.safeParse(parsed);
  if (!result.success) throw new SettingsImportError('not a Parley settings file');
  const merged = { ...settingsDefaults, ...result.data.settings } as PersistedSettings;
  // Shapes that would break the app are refused rather than stored.
  if (
    typeof merged.accessCode !== 'string' ||
    typeof merged.providerSettings !== 'object' ||
    !Array.isArray(merged.customEndpoints) ||
    typeof merged.showReasoning !== 'boolean'
  ) {
    throw new SettingsImportError('malformed settings');
  }
  return merged;
}
