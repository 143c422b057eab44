'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { choiceOf } from '@/lib/models/model-choice';
import { usePickerStore } from '@/lib/store/picker-store';
import { CloseIcon } from '@/components/ui/icons';
import type { LockedProvider } from '@/lib/chat/provider-access';
import { ModelPickerLockedSection as LockedSection } from './model-picker-locked-section';
import { ModelPickerOption } from './model-picker-option';
import { buildSections, type PickerGroup } from './model-picker-sections';
import { moveFocus } from './model-picker-focus';

interface ModelPickerPopoverProps {
  groups: readonly PickerGroup[];
  locked: readonly LockedProvider[];
  value: string | undefined;
  onPick: (choice: string) => void;
  /** Opens the settings, where a code or key unlocks a provider. */
  onUnlock: () => void;
  /** Closes the popover and gives the focus back to the trigger. */
  onClose: () => void;
}

/**
 * The searchable list: a search field that has the focus, favourites and recently used models,
 * then each provider's models. Arrow keys move between models, Enter picks, Escape closes, and
 * typing anywhere goes on filtering.
 */
export function ModelPickerPopover({
  groups,
  locked,
  value,
  onPick,
  onUnlock,
  onClose,
}: ModelPickerPopoverProps) {
  const t = useTranslations('ModelPicker');
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const favourites = usePickerStore((state) => state.favourites);
  const recent = usePickerStore((state) => state.recent);
  const toggleFavourite = usePickerStore((state) => state.toggleFavourite);
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const id = useId();
  const favouritesLabel = t('favourites');
  const recentLabel = t('recent');

  const sections = useMemo(
    () =>
      buildSections({
        groups,
        query: query,
        favourites,
        recent,
        expanded,
        value,
        labels: { favourites: favouritesLabel, recent: recentLabel },
      }),
    [groups, query, favourites, recent, expanded, value, favouritesLabel, recentLabel],
  );
  const favouriteSet = useMemo(() => new Set(favourites), [favourites]);

  useEffect(() => {
    search.current?.focus();
  }, []);
  useEffect(() => {
    // New results start at the top.
    list.current?.scrollTo({ top: 0 });
  }, [query]);

  const setGroupExpanded = (key: string, open: boolean) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (open) next.add(key);
      else next.delete(key);
      return next;
    });

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const input = search.current;
    const container = list.current;
    // Enter and the arrows belong to an input method while it composes (pinyin, kana).
    if (!input || !container || event.nativeEvent.isComposing) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) {
      if (moveFocus(container, input, event.key)) event.preventDefault();
    } else if (event.key === 'Enter' && event.target === input) {
      event.preventDefault();
      container.querySelector<HTMLElement>('[data-testid=model-option]')?.click();
    } else if (event.target !== input && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Typing while a model has the focus goes on filtering.
      if (event.key.length === 1 && event.key !== ' ') setQuery((previous) => previous + event.key);
      else if (event.key === 'Backspace') setQuery((previous) => previous.slice(0, -1));
      else return;
      event.preventDefault();
      input.focus();
    }
  };

  return (
    <div
      role="dialog"
      aria-label={t('dialog')}
      data-testid="model-picker-popover"
      tabIndex={-1}
      onKeyDown={handleKeyDown}
      className="fixed inset-x-2 top-2 z-40 flex max-h-[calc(100dvh-1rem)] flex-col overflow-hidden rounded-xl border border-zinc-200 bg-white text-zinc-900 shadow-xl outline-none sm:absolute sm:inset-x-auto sm:top-full sm:left-0 sm:mt-1 sm:max-h-[min(34rem,75vh)] sm:w-[34rem] dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="flex items-center gap-2 border-b border-zinc-200 p-2 dark:border-zinc-800">
        <label htmlFor={`${id}-search`} className="sr-only">
          {t('search')}
        </label>
        <input
          ref={search}
          id={`${id}-search`}
          type="text"
          role="searchbox"
          data-testid="model-picker-search"
          autoComplete="off"
          spellCheck={false}
          value={query}
          placeholder={t('searchPlaceholder')}
          onChange={(event) => setQuery(event.target.value)}
          className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:bg-zinc-950"
        />
        <button
          type="button"
          data-testid="model-picker-close"
          aria-label={t('close')}
          onClick={onClose}
          className="rounded-md px-2 py-1 text-lg leading-none text-zinc-500 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-zinc-800"
        >
          <CloseIcon />
        </button>
      </div>
      <div ref={list} className="min-h-0 flex-1 overflow-y-auto overscroll-contain px-1 pb-1">
        {sections.map((section) => (
          <section
            key={section.key}
            data-testid="model-picker-section"
            data-section={section.key}
            aria-labelledby={`${id}-${section.key}`}
          >
            <h3
              id={`${id}-${section.key}`}
              className="sticky top-0 z-10 bg-white px-2 pt-2 pb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400"
            >
              {section.label}
            </h3>
            <ul>
              {section.models.map((model) => {
                const choice = choiceOf(model);
                return (
                  <ModelPickerOption
                    key={choice}
                    model={model}
                    choice={choice}
                    selected={choice === value}
                    favourite={favouriteSet.has(choice)}
                    onPick={onPick}
                    onToggleFavourite={toggleFavourite}
                  />
                );
              })}
            </ul>
            {(section.total !== undefined || section.expanded) && (
              <button
                type="button"
                data-testid={section.expanded ? 'model-show-fewer' : 'model-show-all'}
                onClick={() => setGroupExpanded(section.key, !section.expanded)}
                className="mx-2 my-1 rounded-md px-2 py-1 text-xs font-medium text-sky-700 hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-400 dark:hover:bg-sky-950"
              >
                {section.expanded ? t('showFewer') : t('showAll', { count: section.total ?? 0 })}
              </button>
            )}
          </section>
        ))}
        {query.trim() === '' && locked.length > 0 && (
          <LockedSection locked={locked} onUnlock={onUnlock} />
        )}
        {sections.length === 0 && (locked.length === 0 || query.trim() !== '') && (
          <p className="px-3 py-6 text-center text-sm text-zinc-500">
            {query.trim() ? t('noMatches', { query: query.trim() }) : t('none')}
          </p>
        )}
      </div>
      <p className="hidden border-t border-zinc-200 px-3 py-1.5 text-[11px] text-zinc-500 sm:block dark:border-zinc-800 dark:text-zinc-400">
        {t('hint')}
      </p>
    </div>
  );
}
