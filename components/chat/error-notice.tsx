'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { MessageError } from '@/lib/store/chat-types';

/** The localised message for an error code, with the provider's own words behind a disclosure. */
export function ErrorNotice({ error, children }: { error: MessageError; children?: ReactNode }) {
  const t = useTranslations('Errors');
  const tMessage = useTranslations('Message');
  return (
    <div
      role="alert"
      data-testid="message-error"
      data-code={error.code}
      className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
    >
      <p>
        {t(error.code)}
        {error.retryAfterSeconds !== undefined &&
          ` ${t('retryAfter', { seconds: error.retryAfterSeconds })}`}
      </p>
      {error.detail && (
        <details className="mt-1 text-xs opacity-80">
          <summary className="cursor-pointer">{tMessage('details')}</summary>
          <p className="mt-1 break-words whitespace-pre-wrap">{error.detail}</p>
        </details>
      )}
      {children}
    </div>
  );
}
