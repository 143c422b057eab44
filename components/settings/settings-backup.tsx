'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { downloadFile } from '@/lib/chat/download-file';
import { useSettingsStore, type PersistedSettings } from '@/lib/store/settings-store';
import { exportSettings, parseSettings, SettingsImportError } from '@/lib/store/settings-transfer';

/** Settings to and from a file (keys only when ticked). */
export function SettingsBackup() {
  const t = useTranslations('Settings');
  const replaceSettings = useSettingsStore((state) => state.replaceSettings);
  const [includeKeys, setIncludeKeys] = useState(false);
  const [status, setStatus] = useState<string | undefined>();
  const buttonClass =
    'rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800';

  return (
    <section className="flex flex-col gap-2" data-testid="settings-backup">
      <h3 className="text-sm font-medium">{t('settingsBackup')}</h3>
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          data-testid="export-settings"
          className={buttonClass}
          onClick={() => {
            const settings = useSettingsStore.getState() as PersistedSettings;
            downloadFile(
              'parley-settings.json',
              'application/json',
              exportSettings(settings, includeKeys),
            );
          }}
        >
          {t('exportSettings')}
        </button>
        <label className="flex items-center gap-1 text-xs">
          <input
            type="checkbox"
            data-testid="include-keys"
            checked={includeKeys}
            onChange={(event) => setIncludeKeys(event.target.checked)}
          />
          {t('includeKeys')}
        </label>
        <label className={`${buttonClass} cursor-pointer`}>
          {t('importSettings')}
          <input
            type="file"
            accept="application/json,.json"
            data-testid="import-settings"
            className="sr-only"
            onChange={async (event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (!file) return;
              try {
                replaceSettings(parseSettings(await file.text()));
                setStatus(t('settingsImported'));
              } catch (error) {
                // Nothing was applied; the person learns which part of the file is wrong.
                const reason = error instanceof SettingsImportError ? error.reason : 'not-parley';
                setStatus(
                  t(`settingsImportRefused.${reason}`, {
                    field: error instanceof SettingsImportError ? (error.field ?? '') : '',
                  }),
                );
              }
            }}
          />
        </label>
      </div>
      {status && (
        <p role="status" data-testid="settings-status" className="text-xs text-zinc-500">
          {status}
        </p>
      )}
    </section>
  );
}
