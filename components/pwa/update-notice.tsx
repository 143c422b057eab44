'use client';

import { useTranslations } from 'next-intl';
import { CloseIcon } from '@/components/ui/icons';

/** A small, dismissible note that a new version is ready for the next open. */
export function UpdateNotice({ visible, onDismiss }: { visible: boolean; onDismiss: () => void }) {
  const t = useTranslations('App');
  return (
    // The live region stays in the page, so the note is announced when it appears. Phones: above
    // the composer; wider screens: under the header, at the right, clear of the conversation.
    <div
      role="status"
      className="pointer-events-none fixed inset-x-0 bottom-28 z-40 flex px-4 md:top-16 md:bottom-auto md:justify-end"
    >
      {visible && (
        <div
          data-testid="update-notice"
          className="pointer-events-auto mx-auto flex max-w-md md:mx-0 items-center gap-2 rounded-lg border border-zinc-200 bg-white py-2 pr-2 pl-4 text-sm text-zinc-800 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        >
          <p className="min-w-0 flex-1">{t('updateReady')}</p>
          <button
            type="button"
            data-testid="update-notice-dismiss"
            aria-label={t('dismiss')}
            onClick={onDismiss}
            className="flex size-8 shrink-0 items-center justify-center rounded-md hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-zinc-800"
          >
            <CloseIcon size={16} />
          </button>
        </div>
      )}
    </div>
  );
}
