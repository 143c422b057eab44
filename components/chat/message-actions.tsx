'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { continueAnswer, regenerate } from '@/lib/chat/chat-actions';
import { useChatStore } from '@/lib/store/chat-store';
import type { ChatMessage } from '@/lib/store/chat-types';
import { useChatContext } from './chat-context';
import { VersionSwitcher } from './version-switcher';

interface MessageActionsProps {
  message: ChatMessage;
  conversationId: string;
  /** The conversation's model choice, to answer again with. */
  conversationModel: string;
  versions: string;
  /** An answer is streaming in this conversation. */
  busy: boolean;
  onEdit?: () => void;
}

/** Copy, regenerate, continue, retry (after Retry-After), edit and delete, plus the versions. */
export function MessageActions({
  message,
  conversationId,
  conversationModel,
  versions,
  busy,
  onEdit,
}: MessageActionsProps) {
  const t = useTranslations('Message');
  const { answerContext } = useChatContext();
  const deleteMessage = useChatStore((state) => state.deleteMessage);
  const [copied, setCopied] = useState(false);
  const wait = useCountdown(
    message.error?.retryAfterSeconds,
    message.error?.receivedAt ?? message.createdAt,
  );
  const context = answerContext(conversationModel);
  const buttonClass =
    'rounded px-2 py-1 text-xs text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 disabled:opacity-40 dark:hover:bg-zinc-800 dark:hover:text-zinc-100';
  const resumable =
    ['interrupted', 'stopped', 'error'].includes(message.status) && message.content !== '';

  return (
    <div className="flex flex-wrap items-center gap-1" data-testid="message-actions">
      <VersionSwitcher messageId={message.id} conversationId={conversationId} versions={versions} />
      <button
        type="button"
        data-testid="copy-message"
        className={buttonClass}
        onClick={() => {
          void navigator.clipboard.writeText(message.content).then(() => {
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          });
        }}
      >
        {copied ? t('copied') : t('copy')}
      </button>
      {message.role === 'user' && onEdit && (
        <button
          type="button"
          data-testid="edit-message"
          className={buttonClass}
          disabled={busy}
          onClick={onEdit}
        >
          {t('edit')}
        </button>
      )}
      {message.role === 'assistant' && resumable && (
        <button
          type="button"
          data-testid="continue-message"
          className={buttonClass}
          disabled={busy}
          onClick={() => void continueAnswer(conversationId, message.id, context)}
        >
          {t('continue')}
        </button>
      )}
      {message.role === 'assistant' && (
        <button
          type="button"
          data-testid={message.status === 'error' ? 'retry-message' : 'regenerate-message'}
          className={buttonClass}
          disabled={busy || wait > 0}
          onClick={() => void regenerate(conversationId, message.id, context)}
        >
          {message.status === 'error'
            ? wait > 0
              ? t('retryIn', { seconds: wait })
              : t('retry')
            : t('regenerate')}
        </button>
      )}
      <button
        type="button"
        data-testid="delete-message"
        className={buttonClass}
        disabled={busy}
        onClick={() => deleteMessage(conversationId, message.id)}
      >
        {t('delete')}
      </button>
    </div>
  );
}

/** Seconds left before a rate-limited request may be retried, counting down once a second. */
function useCountdown(retryAfterSeconds: number | undefined, since: number): number {
  const [now, setNow] = useState(() => Date.now());
  const until = retryAfterSeconds ? since + retryAfterSeconds * 1000 : 0;
  useEffect(() => {
    if (!until) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until ? Math.max(0, Math.ceil((until - now) / 1000)) : 0;
}
