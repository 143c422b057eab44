'use client';

import { useTranslations } from 'next-intl';
import { useState, type KeyboardEvent } from 'react';

interface ComposerProps {
  /** Display name of the chosen model; sending is disabled without one. */
  modelLabel: string | undefined;
  streaming: boolean;
  onSubmit: (text: string) => void;
  onStop: () => void;
}

export function Composer({ modelLabel, streaming, onSubmit, onStop }: ComposerProps) {
  const t = useTranslations('Composer');
  const [text, setText] = useState('');
  const canSend = Boolean(modelLabel) && !streaming && text.trim() !== '';

  const submit = () => {
    if (!canSend) return;
    onSubmit(text);
    setText('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // An IME composition (Chinese, Japanese, Korean input) uses Enter to confirm a word.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form
      className="border-t border-zinc-200 px-4 py-3 dark:border-zinc-800"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="mx-auto flex max-w-3xl items-end gap-2">
        <textarea
          data-testid="composer-input"
          aria-label={t('label')}
          rows={1}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder={t('placeholder', { model: modelLabel ?? '' })}
          className="field-sizing-content max-h-60 min-h-11 flex-1 resize-none rounded-xl border border-zinc-300 bg-white px-3 py-2.5 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:bg-zinc-900"
        />
        {streaming ? (
          <button
            type="button"
            data-testid="stop-button"
            onClick={onStop}
            className="h-11 rounded-xl border border-zinc-300 px-4 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            {t('stop')}
          </button>
        ) : (
          <button
            type="submit"
            data-testid="send-button"
            disabled={!canSend}
            className="h-11 rounded-xl bg-sky-600 px-4 text-sm font-medium text-white hover:bg-sky-700 disabled:cursor-not-allowed disabled:opacity-40"
          >
            {t('send')}
          </button>
        )}
      </div>
      <p className="mx-auto mt-1 max-w-3xl text-xs text-zinc-500">{t('hint')}</p>
    </form>
  );
}
