'use client';

import { useTranslations } from 'next-intl';
import { memo } from 'react';
import { MarkdownView } from '@/components/markdown/markdown-view';
import { parseModelChoice } from '@/lib/models/model-choice';
import type { ChatMessage } from '@/lib/store/chat-types';
import { useSettingsStore } from '@/lib/store/settings-store';
import { ErrorNotice } from './error-notice';
import { ReasoningPanel } from './reasoning-panel';
import { UsageLine } from './usage-line';

/** Memoised: a finished message keeps its object identity in the store, so it does not re-render while another streams. */
export const MessageView = memo(function MessageView({ message }: { message: ChatMessage }) {
  const t = useTranslations('Message');
  const showReasoning = useSettingsStore((state) => state.showReasoning);

  if (message.role === 'user') {
    return (
      <li data-testid="message-user" className="flex justify-end">
        <div className="max-w-[85%] rounded-2xl bg-zinc-100 px-4 py-2 whitespace-pre-wrap dark:bg-zinc-800">
          <span className="sr-only">{t('user')}: </span>
          {message.content}
        </div>
      </li>
    );
  }

  const streaming = message.status === 'streaming';
  const requested = message.model ? parseModelChoice(message.model)?.model : undefined;
  return (
    <li
      data-testid="message-assistant"
      data-status={message.status}
      className="flex flex-col gap-2"
    >
      <span className="sr-only">{t('assistant')}</span>
      {message.reasoning && showReasoning && (
        <ReasoningPanel
          text={message.reasoning}
          thinking={streaming && message.content === ''}
          startedAt={message.reasoningStartedAt}
          durationMs={message.reasoningDurationMs}
        />
      )}
      {message.content && (
        <div data-testid="answer" className="markdown leading-relaxed">
          <MarkdownView text={message.content} />
        </div>
      )}
      {streaming && !message.content && !message.reasoning && (
        <p className="animate-pulse text-sm text-zinc-500">{t('waiting')}</p>
      )}
      {message.error && <ErrorNotice error={message.error} />}
      {message.status === 'stopped' && <p className="text-sm text-zinc-500">{t('stopped')}</p>}
      {message.status === 'interrupted' && (
        <p data-testid="message-interrupted" className="text-sm text-amber-700 dark:text-amber-400">
          {t('interrupted')}
        </p>
      )}
      <div className="flex flex-wrap gap-x-3 text-xs text-zinc-500">
        {message.responseModel && message.responseModel !== requested && (
          <span data-testid="response-model">
            {t('answeredBy', { model: message.responseModel })}
          </span>
        )}
        {message.usage && !streaming && <UsageLine usage={message.usage} />}
      </div>
    </li>
  );
});
