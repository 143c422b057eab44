'use client';

import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { sortedConversations, useChatStore } from '@/lib/store/chat-store';

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
  const list = useMemo(() => sortedConversations(conversations), [conversations]);

  const choose = (id: string | undefined) => {
    selectConversation(id);
    onClose();
  };

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
        className={`${open ? 'flex' : 'hidden'} fixed inset-y-0 left-0 z-20 w-72 flex-col border-r border-zinc-200 bg-zinc-50 md:static md:flex dark:border-zinc-800 dark:bg-zinc-900`}
      >
        <div className="p-3">
          <button
            type="button"
            data-testid="new-chat"
            onClick={() => choose(undefined)}
            className="w-full rounded-md bg-zinc-900 px-3 py-2 text-sm font-medium text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-sky-500 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
          >
            {t('newChat')}
          </button>
        </div>
        <h2 className="px-4 pb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase">
          {t('conversations')}
        </h2>
        <ul className="flex-1 overflow-y-auto px-2 pb-3">
          {list.length === 0 && <li className="px-2 py-2 text-sm text-zinc-500">{t('empty')}</li>}
          {list.map((conversation) => {
            const title = conversation.title || t('untitled');
            return (
              <li key={conversation.id} className="group flex items-center">
                <button
                  type="button"
                  data-testid="conversation-item"
                  aria-current={conversation.id === activeId ? 'page' : undefined}
                  onClick={() => choose(conversation.id)}
                  className="min-w-0 flex-1 truncate rounded-md px-2 py-2 text-left text-sm hover:bg-zinc-200 focus-visible:outline-2 focus-visible:outline-sky-500 aria-[current=page]:bg-zinc-200 dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-zinc-800"
                >
                  {title}
                </button>
                <button
                  type="button"
                  aria-label={t('delete', { title })}
                  onClick={() => deleteConversation(conversation.id)}
                  className="rounded px-2 py-1 text-zinc-400 opacity-0 group-hover:opacity-100 hover:text-red-600 focus-visible:opacity-100"
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
    </>
  );
}
