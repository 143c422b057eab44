'use client';

import { useTranslations } from 'next-intl';
import { useChatStore } from '@/lib/store/chat-store';
import { ChevronLeftIcon, ChevronRightIcon } from '@/components/ui/icons';

/** `‹ 1/2 ›` between the versions of a message (regenerated answers, edited questions). */
export function VersionSwitcher({
  messageId,
  conversationId,
  versions: versionList,
}: {
  messageId: string;
  conversationId: string;
  /** The ids of the message's versions, oldest first, comma-separated. */
  versions: string;
}) {
  const t = useTranslations('Message');
  const selectVersion = useChatStore((state) => state.selectVersion);
  const versions = versionList.split(',').filter(Boolean);
  if (versions.length < 2) return null;
  const index = versions.indexOf(messageId);
  const go = (offset: number) => {
    const target = versions[index + offset];
    if (target) selectVersion(conversationId, target);
  };
  const buttonClass = 'rounded px-1.5 hover:bg-zinc-200 disabled:opacity-30 dark:hover:bg-zinc-800';
  return (
    <span
      className="inline-flex items-center gap-1 text-xs text-zinc-500"
      data-testid="version-switcher"
    >
      <button
        type="button"
        aria-label={t('previousVersion')}
        disabled={index <= 0}
        onClick={() => go(-1)}
        className={buttonClass}
      >
        <ChevronLeftIcon />
      </button>
      <span data-testid="version-label">
        {t('version', { current: index + 1, total: versions.length })}
      </span>
      <button
        type="button"
        aria-label={t('nextVersion')}
        disabled={index >= versions.length - 1}
        onClick={() => go(1)}
        className={buttonClass}
      >
        <ChevronRightIcon />
      </button>
    </span>
  );
}
