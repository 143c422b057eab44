'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import type { LockedProvider } from '@/lib/chat/provider-access';
import { ModelIcon } from './model-icon';

/**
 * The providers this person cannot use yet, last in the list: one row each, saying what is
 * missing (the code, or a key), that opens the settings where it is entered.
 */
export function ModelPickerLockedSection({
  locked,
  onUnlock,
}: {
  locked: readonly LockedProvider[];
  onUnlock: () => void;
}) {
  const t = useTranslations('ModelPicker');
  const id = useId();
  // Those waiting for the code first (entering it unlocks them all), then those needing a key.
  const groups = (['needs-code', 'needs-key'] as const)
    .map((lock) => ({ lock, entries: locked.filter((entry) => entry.lock === lock) }))
    .filter((group) => group.entries.length > 0);
  return (
    <>
      {groups.map(({ lock, entries }) => (
        <section
          key={lock}
          data-testid="model-picker-section"
          data-section="locked"
          data-lock={lock}
          aria-labelledby={`${id}-${lock}`}
        >
          <h3
            id={`${id}-${lock}`}
            className="sticky top-0 z-10 bg-white px-2 pt-2 pb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400"
          >
            {t(lock === 'needs-code' ? 'lockedCode' : 'locked')}
          </h3>
          <ul>
            {entries.map((entry) => (
              <li key={entry.provider}>
                <button
                  type="button"
                  data-testid="model-locked-provider"
                  data-provider={entry.provider}
                  data-lock={entry.lock}
                  onClick={onUnlock}
                  className="flex w-full items-center gap-3 rounded-md px-2 py-2 text-left text-sm text-zinc-600 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-zinc-400 dark:hover:bg-zinc-800"
                >
                  <ModelIcon
                    modelId={`${entry.provider}/${entry.provider}`}
                    provider={entry.provider}
                  />
                  <span className="min-w-0 flex-1 truncate">{entry.name}</span>
                  <span className="shrink-0 text-xs font-medium text-sky-700 dark:text-sky-400">
                    {t(lock === 'needs-code' ? 'enterCode' : 'addKey')}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
