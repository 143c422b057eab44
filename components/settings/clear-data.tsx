'use client';

import { useTranslations } from 'next-intl';
import { clearAllData } from '@/lib/store/clear-all-data';

/** The one destructive action, last in the settings, behind a confirmation. */
export function ClearData() {
  const t = useTranslations('Settings');
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-red-200 p-3 dark:border-red-900">
      <p className="text-xs text-zinc-600 dark:text-zinc-400">{t('clearAllHelp')}</p>
      <button
        type="button"
        data-testid="clear-all"
        onClick={() => {
          if (window.confirm(t('clearAllConfirm')))
            void clearAllData().then(() => window.location.reload());
        }}
        className="self-start rounded-md border border-red-300 px-3 py-1.5 text-sm text-red-700 hover:bg-red-50 dark:border-red-800 dark:text-red-400 dark:hover:bg-red-950"
      >
        {t('clearAll')}
      </button>
    </div>
  );
}
