import { z } from 'zod';
import { persistedSettingsSchema } from './settings-schema';
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
  return JSON.stringify(
    { app: 'parley', kind: 'settings', version: settingsFileVersion, settings: shared },
    null,
    2,
  );
}

/** Why a file was refused; `field` names the first setting that is not what it should be. */
export type SettingsImportReason =
  'invalid-json' | 'not-parley' | 'newer-version' | 'invalid-field';

export class SettingsImportError extends Error {
  constructor(
    readonly reason: SettingsImportReason,
    readonly field?: string,
  ) {
    super(field ? `${reason}: ${field}` : reason);
    this.name = 'SettingsImportError';
  }
}

/** The version this build writes; a file from a newer Parley may hold what it cannot read. */
export const settingsFileVersion = 3;

/**
 * Reads a settings file, validated whole against the store's shape: anything that is not one is
 * refused, saying why, and never half-applied. Settings the file leaves out keep their defaults.
 */
export function parseSettings(text: string): PersistedSettings {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SettingsImportError('invalid-json');
  }
  const result = envelope.safeParse(parsed);
  if (!result.success) throw new SettingsImportError('not-parley');
  if (result.data.version > settingsFileVersion) throw new SettingsImportError('newer-version');
  const settings = persistedSettingsSchema.safeParse({
    ...settingsDefaults,
    ...result.data.settings,
  });
  if (!settings.success) {
    const issue = settings.error.issues[0];
    throw new SettingsImportError('invalid-field', issue?.path.join('.') || undefined);
  }
  return settings.data;
}
