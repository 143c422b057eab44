'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { downloadFile } from '@/lib/chat/download-file';
import { useChatStore } from '@/lib/store/chat-store';
import { conversationToMarkdown } from '@/lib/store/conversation-markdown';
import { exportAllJson, ImportError, mergeImported, parseImport } from '@/lib/store/export-import';

/** Conversations in and out: all of them as JSON (no keys: conversations hold none), one as Markdown. */
export function DataSection() {
  const t = useTranslations('Settings');
  const tMessage = useTranslations('Message');
  const tReasoning = useTranslations('Reasoning');
  const conversations = useChatStore((state) => state.conversations);
  const active = useChatStore((state) =>
    state.activeId ? state.conversations[state.activeId] : undefined,
  );
  const putConversations = useChatStore((state) => state.putConversations);
  const [status, setStatus] = useState<string | undefined>();
  const buttonClass =
    'rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800';

  const importFile = async (file: File) => {
    try {
      const { conversations: imported, skipped } = parseImport(await file.text());
      const changed = mergeImported(Object.values(useChatStore.getState().conversations), imported);
      putConversations(changed);
      setStatus(t('imported', { count: changed.length, skipped }));
    } catch (error) {
      setStatus(
        error instanceof ImportError
          ? t(`importError.${error.reason}`)
          : t('importError.invalid-json'),
      );
    }
  };

  return (
    <section className="flex flex-col gap-2" data-testid="data-section">
      <h3 className="text-sm font-medium">{t('data')}</h3>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          data-testid="export-all"
          className={buttonClass}
          onClick={() =>
            downloadFile(
              `parley-conversations-${today()}.json`,
              'application/json',
              exportAllJson(Object.values(conversations)),
            )
          }
        >
          {t('exportAll')}
        </button>
        <label className={`${buttonClass} cursor-pointer`}>
          {t('importConversations')}
          <input
            type="file"
            accept="application/json,.json"
            data-testid="import-input"
            className="sr-only"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void importFile(file);
              event.target.value = '';
            }}
          />
        </label>
        {active && (
          <button
            type="button"
            data-testid="export-markdown"
            className={buttonClass}
            onClick={() =>
              downloadFile(
                `${active.title || 'conversation'}.md`,
                'text/markdown',
                conversationToMarkdown(active, {
                  user: tMessage('user'),
                  assistant: tMessage('assistant'),
                  reasoning: tReasoning('thought'),
                  image: tMessage('image'),
                }),
              )
            }
          >
            {t('exportMarkdown')}
          </button>
        )}
      </div>
      {status && (
        <p role="status" data-testid="import-status" className="text-xs text-zinc-500">
          {status}
        </p>
      )}
    </section>
  );
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}
