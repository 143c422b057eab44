'use client';

import { useTranslations } from 'next-intl';
import { memo, useState } from 'react';
import { MarkdownView } from '@/components/markdown/markdown-view';
import { editAndResend } from '@/lib/chat/chat-actions';
import { parseModelChoice } from '@/lib/models/model-choice';
import type { ChatMessage } from '@/lib/store/chat-types';
import { useSettingsStore } from '@/lib/store/settings-store';
import { useChatContext } from './chat-context';
import { ErrorNotice } from './error-notice';
import { MessageActions } from './message-actions';
import { useNearScreen } from './near-screen';
import { ReasoningPanel } from './reasoning-panel';
import { UsageLine } from './usage-line';

interface MessageViewProps {
  message: ChatMessage;
  conversationId: string;
  conversationModel: string;
  versions: string;
  busy: boolean;
  /** Among the last answers of the conversation, drawn in full from the start. */
  nearEnd: boolean;
}

/** Memoised on plain props: a finished message does not re-render while another streams. */
export const MessageView = memo(function MessageView(props: MessageViewProps) {
  return props.message.role === 'user' ? (
    <UserMessage {...props} />
  ) : (
    <AssistantMessage {...props} />
  );
});

function UserMessage({
  message,
  conversationId,
  conversationModel,
  versions,
  busy,
}: MessageViewProps) {
  const t = useTranslations('Message');
  const { answerContext } = useChatContext();
  const [editing, setEditing] = useState(false);

  if (editing) {
    return (
      <li data-testid="message-user" className="flex justify-end">
        <form
          className="flex w-full max-w-[85%] flex-col gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const text = new FormData(event.currentTarget).get('text');
            setEditing(false);
            if (typeof text === 'string')
              void editAndResend(
                conversationId,
                message.id,
                text,
                answerContext(conversationModel),
              );
          }}
        >
          <textarea
            name="text"
            data-testid="edit-input"
            defaultValue={message.content}
            autoFocus
            rows={3}
            className="rounded-xl border border-sky-500 bg-white px-3 py-2 dark:bg-zinc-900"
          />
          <div className="flex justify-end gap-2 text-sm">
            <button
              type="button"
              onClick={() => setEditing(false)}
              className="rounded-md px-3 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-800"
            >
              {t('cancel')}
            </button>
            <button
              type="submit"
              data-testid="edit-send"
              className="rounded-md bg-sky-600 px-3 py-1 text-white"
            >
              {t('save')}
            </button>
          </div>
        </form>
      </li>
    );
  }

  return (
    <li
      data-testid="message-user"
      className="group flex flex-col items-end gap-1 [content-visibility:auto]"
    >
      {message.images && (
        <div className="flex flex-wrap justify-end gap-2">
          {message.images.map((image) => (
            <img
              key={image.id}
              src={image.dataUrl}
              alt={t('image')}
              className="max-h-48 rounded-lg border dark:border-zinc-700"
            />
          ))}
        </div>
      )}
      <div className="max-w-[85%] rounded-2xl bg-zinc-100 px-4 py-2 whitespace-pre-wrap dark:bg-zinc-800">
        <span className="sr-only">{t('user')}: </span>
        <span data-testid="user-text">{message.content}</span>
      </div>
      <MessageActions
        message={message}
        conversationId={conversationId}
        conversationModel={conversationModel}
        versions={versions}
        busy={busy}
        onEdit={() => setEditing(true)}
      />
    </li>
  );
}

/** Errors a user fixes in the settings: a code, a key. */
const settingsFixes = new Set([
  'auth:code_required',
  'auth:code_invalid',
  'auth:key_missing',
  'upstream:unauthorized',
]);

function AssistantMessage({
  message,
  conversationId,
  conversationModel,
  versions,
  busy,
  nearEnd,
}: MessageViewProps) {
  const t = useTranslations('Message');
  const [item, near] = useNearScreen<HTMLLIElement>(nearEnd || message.status === 'streaming');
  const showReasoning = useSettingsStore((state) => state.showReasoning);
  const { openSettings } = useChatContext();
  const streaming = message.status === 'streaming';
  const requested = message.model ? parseModelChoice(message.model)?.model : undefined;

  return (
    <li
      ref={item}
      data-testid="message-assistant"
      data-status={message.status}
      className={`flex flex-col gap-2 ${streaming ? '' : '[content-visibility:auto] [contain-intrinsic-size:auto_160px]'}`}
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
          <MarkdownView text={message.content} streaming={streaming} rich={near} />
        </div>
      )}
      {streaming && !message.content && !message.reasoning && (
        <p className="animate-pulse text-sm text-zinc-500">{t('waiting')}</p>
      )}
      {message.error && (
        <ErrorNotice error={message.error}>
          {settingsFixes.has(message.error.code) && (
            <button
              type="button"
              data-testid="open-settings-fix"
              onClick={openSettings}
              className="mt-1 underline"
            >
              {t('openSettings')}
            </button>
          )}
        </ErrorNotice>
      )}
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
        {!streaming && <UsageLine message={message} />}
      </div>
      {!streaming && (
        <MessageActions
          message={message}
          conversationId={conversationId}
          conversationModel={conversationModel}
          versions={versions}
          busy={busy}
        />
      )}
    </li>
  );
}
