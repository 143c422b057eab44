'use client';

import { useTranslations } from 'next-intl';
import { memo, useState } from 'react';
import { PencilIcon, PinIcon, TrashIcon } from '@/components/ui/icons';
import { useChatStore } from '@/lib/store/chat-store';

interface ConversationItemProps {
  id: string;
  title: string;
  pinned: boolean;
  active: boolean;
  onSelect: (id: string) => void;
  onDelete: (id: string) => void;
}

/**
 * One conversation in the sidebar: open it, rename it in place, pin it, delete it. Memoised on
 * plain props, so a streaming answer re-renders only its own conversation's entry, not the list.
 */
export const ConversationItem = memo(function ConversationItem({
  id,
  title: storedTitle,
  pinned,
  active,
  onSelect,
  onDelete,
}: ConversationItemProps) {
  const t = useTranslations('Sidebar');
  const changeConversation = useChatStore((state) => state.changeConversation);
  const [renaming, setRenaming] = useState(false);
  const title = storedTitle || t('untitled');

  if (renaming) {
    return (
      <li className="px-1 py-1">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const value = new FormData(event.currentTarget).get('title');
            if (typeof value === 'string' && value.trim()) {
              changeConversation(id, { title: value.trim(), titleSource: 'user' });
            }
            setRenaming(false);
          }}
        >
          <input
            name="title"
            data-testid="rename-input"
            aria-label={t('renameLabel')}
            defaultValue={storedTitle}
            autoFocus
            onBlur={(event) => event.currentTarget.form?.requestSubmit()}
            onKeyDown={(event) => event.key === 'Escape' && setRenaming(false)}
            className="w-full rounded-md border border-sky-500 bg-white px-2 py-1.5 text-sm dark:bg-zinc-950"
          />
        </form>
      </li>
    );
  }

  // Big enough for a finger on a touch screen, where they are always shown (there is no hover).
  const actionClass =
    'flex size-8 items-center justify-center rounded text-zinc-500 hover:bg-zinc-300 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-sky-500 pointer-coarse:size-10 dark:hover:bg-zinc-700 dark:hover:text-zinc-100';
  return (
    <li className="group flex items-center gap-0.5 [content-visibility:auto] [contain-intrinsic-size:auto_36px]">
      <button
        type="button"
        data-testid="conversation-item"
        aria-current={active ? 'page' : undefined}
        onClick={() => onSelect(id)}
        onDoubleClick={() => setRenaming(true)}
        className="min-w-0 flex-1 truncate rounded-md px-2 py-2 text-left text-sm hover:bg-zinc-200 focus-visible:outline-2 focus-visible:outline-sky-500 aria-[current=page]:bg-zinc-200 dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-zinc-800"
      >
        {pinned && (
          <span data-testid="pinned-marker" className="mr-1 inline-flex align-[-2px] text-zinc-500">
            <PinIcon filled />
          </span>
        )}
        {title}
      </button>
      <div
        role="group"
        aria-label={t('actions', { title })}
        className="hidden group-focus-within:flex group-hover:flex pointer-coarse:flex"
      >
        <button
          type="button"
          data-testid="rename-conversation"
          aria-label={t('rename')}
          title={t('rename')}
          onClick={() => setRenaming(true)}
          className={actionClass}
        >
          <PencilIcon />
        </button>
        <button
          type="button"
          data-testid="pin-conversation"
          aria-label={pinned ? t('unpin') : t('pin')}
          aria-pressed={pinned}
          title={pinned ? t('unpin') : t('pin')}
          onClick={() => changeConversation(id, { pinned: !pinned })}
          className={actionClass}
        >
          <PinIcon filled={pinned} />
        </button>
        <button
          type="button"
          data-testid="delete-conversation"
          aria-label={t('delete', { title })}
          title={t('delete', { title })}
          onClick={() => onDelete(id)}
          className={`${actionClass} hover:text-red-600`}
        >
          <TrashIcon />
        </button>
      </div>
    </li>
  );
});
