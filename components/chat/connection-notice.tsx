'use client';

import { useTranslations } from 'next-intl';
import { useOnline } from '@/lib/chat/use-online';
import type { ParleyError } from '@/lib/errors/parley-error';
import { ErrorNotice } from './error-notice';

/**
 * What the chat says when it cannot reach its server: offline (or the server is down) is said
 * plainly, with what still works (reading conversations); any other failure of the server's
 * settings is shown as the error it is.
 */
export function ConnectionNotice({ configError }: { configError: ParleyError | undefined }) {
  const t = useTranslations('App');
  const online = useOnline();
  const unreachable = configError?.code === 'network:offline';
  if (online && configError && !unreachable) {
    return (
      <div className="px-4 pt-4">
        <ErrorNotice error={{ code: configError.code }} />
      </div>
    );
  }
  if (online && !unreachable) return null;
  return (
    <p
      role="status"
      data-testid="offline-notice"
      data-online={online}
      className="bg-zinc-100 px-4 py-2 text-sm text-zinc-700 dark:bg-zinc-900 dark:text-zinc-300"
    >
      {online ? t('serverUnreachable') : t('offline')}
    </p>
  );
}
