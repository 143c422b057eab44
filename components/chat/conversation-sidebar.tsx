'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { sortedConversations, useChatStore } from '@/lib/store/chat-store';
import type { Conversation } from '@/lib/store/chat-types';
import { ConversationItem } from './conversation-item';

export const sidebarSearchId = 'conversation-search';
const undoSeconds = 6;

interface ConversationSidebarProps {
  /** On narrow screens the sidebar is a drawer. */
  open: boolean;
  onClose: () => void;
}

export function ConversationSidebar({ open, onClose }: ConversationSidebarProps) {
  const t = useTranslations('Sidebar');
  const conversations = useChatStore((state) => state.conversations);
  const activeId = useChatStore((state) => state.activeId);
  const selectConversation = useChatStore((state) => state.selectConversation);
  const deleteConversation = useChatStore((state) => state.deleteConversation);
  const restoreConversation = useChatStore((state) => state.restoreConversation);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [deleted, setDeleted] = useState<Conversation | undefined>();
  const list = useMemo(
    () =>
      sortedConversations(conversations).filter((conversation) =>
        matches(conversation, deferredQuery),
      ),
    [conversations, deferredQuery],
  );

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(undefined), undoSeconds * 1000);
    return () => clearTimeout(timer);
  }, [deleted]);

  const choose = useCallback(
    (id: string | undefined) => {
      selectConversation(id);
      onClose();
    },
    [selectConversation, onClose],
  );
  const remove = useCallback(
    (id: string) => setDeleted(deleteConversation(id)),
    [deleteConversation],
  );
  const pinned = list.filter((conversation) => conversation.pinned);
  const others = list.filter((conversation) => !conversation.pinned);
  const section = (label: string, entries: Conversation[]) =>
    entries.length > 0 && (
      <>
        <h2 className="px-2 pt-3 pb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase">
          {label}
        </h2>
        <ul>
          {entries.map((conversation) => (
            <ConversationItem
              key={conversation.id}
              id={conversation.id}
              title={conversation.title}
              pinned={conversation.pinned === true}
              active={conversation.id === activeId}
              onSelect={choose}
              onDelete={remove}
            />
          ))}
        </ul>
      </>
    );

  return (
    <>
      {open && (
        <button
          type="button"
          aria-label={t('closeMenu')}
          className="fixed inset-0 z-10 bg-black/30 md:hidden"
          onClick={onClose}
        />
      )}
      <nav
        aria-label={t('conversations')}
        className={`${open ? 'flex' : 'hidden'} fixed inset-y-0 left-0 z-20 w-72 max-w-[85vw] flex-col border-r border-zinc-200 bg-zinc-50 md:static md:flex dark:border-zinc-800 dark:bg-zinc-900`}
      >
        <div className="flex flex-col gap-2 p-3">
          <button
            type="button"
            data-testid="new-chat"
            aria-keyshortcuts="Control+Shift+O"
            onClick={() => choose(undefined)}
            className="w-full rounded-md bg-zinc-900 px-3 py-2 text-sm font-medium text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-sky-500 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
          >
            {t('newChat')}
          </button>
          <input
            id={sidebarSearchId}
            type="search"
            data-testid="conversation-search"
            aria-label={t('search')}
            aria-keyshortcuts="Control+K"
            placeholder={t('search')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950"
          />
        </div>
        <div className="flex-1 overflow-y-auto px-2 pb-3">
          {list.length === 0 && (
            <p className="px-2 py-2 text-sm text-zinc-500">{query ? t('noResults') : t('empty')}</p>
          )}
          {section(t('pinned'), pinned)}
          {section(pinned.length > 0 ? t('recent') : t('conversations'), others)}
        </div>
        {deleted && (
          <div
            role="status"
            data-testid="undo-toast"
            className="m-3 flex items-center justify-between rounded-lg bg-zinc-800 px-3 py-2 text-sm text-white"
          >
            {t('deleted')}
            <button
              type="button"
              data-testid="undo-delete"
              onClick={() => {
                restoreConversation(deleted);
                setDeleted(undefined);
              }}
              className="font-semibold text-sky-300 underline"
            >
              {t('undo')}
            </button>
          </div>
        )}
      </nav>
    </>
  );
}

/** Search looks at the title and the text of every message, in any branch. */
function matches(conversation: Conversation, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  return (
    conversation.title.toLowerCase().includes(needle) ||
    conversation.messages.some((message) => message.content.toLowerCase().includes(needle))
  );
}
