'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { browserPlatform, isApplePlatform } from '@/lib/chat/shortcut-keys';
import { useSettingsStore } from '@/lib/store/settings-store';

interface Shortcut {
  id: string;
  keys: string[];
  label: string;
}

/**
 * The keyboard shortcuts, as lib/chat/use-keyboard-shortcuts.ts and the composer handle them.
 * Loaded only when opened (components/chat/shortcuts-sheet.tsx).
 */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const t = useTranslations('Shortcuts');
  const dialog = useRef<HTMLDialogElement>(null);
  // Where focus was before the dialog opened (the menu button, or the page); it goes back there.
  const returnFocus = useRef<Element | null>(null);
  const sendKey = useSettingsStore((state) => state.sendKey);
  const [apple] = useState(() => isApplePlatform(browserPlatform()));

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) {
      returnFocus.current = document.activeElement;
      element.showModal();
    }
  }, []);

  const modifier = apple ? '⌘' : t('keys.ctrl');
  const [shift, enter, escape] = [t('keys.shift'), t('keys.enter'), t('keys.escape')];
  const everywhere: Shortcut[] = [
    { id: 'new-chat', keys: [modifier, shift, 'O'], label: t('newChat') },
    { id: 'search', keys: [modifier, 'K'], label: t('search') },
    { id: 'focus-composer', keys: ['/'], label: t('focusComposer') },
    { id: 'stop', keys: [escape], label: t('stop') },
    { id: 'show-shortcuts', keys: ['?'], label: t('showShortcuts') },
  ];
  const inComposer: Shortcut[] =
    sendKey === 'enter'
      ? [
          { id: 'send', keys: [enter], label: t('send') },
          { id: 'new-line', keys: [shift, enter], label: t('newLine') },
        ]
      : [
          { id: 'send', keys: [modifier, enter], label: t('send') },
          { id: 'new-line', keys: [enter], label: t('newLine') },
        ];

  return (
    <dialog
      ref={dialog}
      data-testid="shortcuts-dialog"
      aria-labelledby="shortcuts-title"
      onClose={() => {
        if (returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
        onClose();
      }}
      className="m-auto w-[min(26rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="flex items-center justify-between border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
        <h2 id="shortcuts-title" className="text-lg font-semibold">
          {t('title')}
        </h2>
        <button
          type="button"
          data-testid="shortcuts-close"
          onClick={() => dialog.current?.close()}
          className="rounded-md px-2 py-1 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-zinc-800"
        >
          {t('close')}
        </button>
      </div>
      <div className="flex flex-col gap-4 px-5 py-4">
        <ShortcutList title={t('everywhere')} shortcuts={everywhere} />
        <ShortcutList title={t('inComposer')} shortcuts={inComposer} />
      </div>
    </dialog>
  );
}

function ShortcutList({ title, shortcuts }: { title: string; shortcuts: Shortcut[] }) {
  return (
    <section>
      <h3 className="mb-1 text-xs font-medium tracking-wide text-zinc-500 uppercase">{title}</h3>
      <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {shortcuts.map((shortcut) => (
          <li
            key={shortcut.id}
            data-testid={`shortcut-${shortcut.id}`}
            className="flex items-center justify-between gap-4 py-2 text-sm"
          >
            <span>{shortcut.label}</span>
            <span className="flex shrink-0 items-center gap-1">
              {shortcut.keys.map((key, index) => (
                <kbd
                  key={index}
                  className="min-w-7 rounded-md border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 text-center font-sans text-xs text-zinc-700 shadow-[0_1px_0] shadow-zinc-300 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-200 dark:shadow-zinc-700"
                >
                  {key}
                </kbd>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
