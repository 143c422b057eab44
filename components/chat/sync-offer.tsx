'use client';

import { useTranslations } from 'next-intl';
import { syncButtonClass } from '@/components/settings/sync-button-class';
import { useSyncStore } from '@/lib/sync/sync-store';

/** A sync key that came in a link: offered with a warning, joined only on a yes. */
export function SyncOffer() {
  const t = useTranslations('Sync');
  const offered = useSyncStore((state) => state.offeredSecret);
  if (!offered) return null;
  return (
    <div
      role="dialog"
      aria-live="polite"
      data-testid="sync-offer"
      className="flex flex-wrap items-center gap-2 bg-sky-50 px-4 py-2 text-sm text-sky-950 dark:bg-sky-950 dark:text-sky-100"
    >
      <span className="min-w-0 flex-1">
        {t('linkPrompt')} <span className="text-xs opacity-80">{t('joinWarning')}</span>
      </span>
      <button
        type="button"
        data-testid="sync-offer-join"
        className={syncButtonClass}
        onClick={() => useSyncStore.getState().join(offered)}
      >
        {t('linkJoin')}
      </button>
      <button
        type="button"
        className={syncButtonClass}
        onClick={() => useSyncStore.getState().offer(undefined)}
      >
        {t('linkIgnore')}
      </button>
    </div>
  );
}
