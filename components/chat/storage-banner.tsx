'use client';

import { useTranslations } from 'next-intl';
import { useChatStore } from '@/lib/store/chat-store';

/** Says when conversations cannot be saved: storage full, a newer Parley's data, no storage. */
export function StorageBanner() {
  const t = useTranslations('App');
  const storage = useChatStore((state) => state.storage);
  const storageFull = useChatStore((state) => state.storageFull);
  const message =
    storage === 'read-only'
      ? t('storageReadOnly')
      : storage === 'unavailable' || storageFull
        ? t('storageError')
        : undefined;
  if (!message) return null;
  return (
    <p
      role="status"
      data-testid="storage-banner"
      className="bg-amber-100 px-4 py-2 text-sm text-amber-900 dark:bg-amber-900/40 dark:text-amber-100"
    >
      {message}
    </p>
  );
}
