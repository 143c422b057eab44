'use client';

import { useTranslations } from 'next-intl';
import {
  useEffect,
  useState,
  type ClipboardEvent,
  type DragEvent,
  type KeyboardEvent,
} from 'react';
import type { SendResult } from '@/lib/chat/chat-actions';
import { resizeImage } from '@/lib/chat/resize-image';
import type { StoredImage } from '@/lib/store/chat-types';
import { useSettingsStore } from '@/lib/store/settings-store';
import { CloseIcon, PaperclipIcon } from '@/components/ui/icons';

export const composerInputId = 'composer-input';

interface ComposerProps {
  /** Display name of the chosen model; sending is disabled without one. */
  modelLabel: string | undefined;
  acceptsImages: boolean;
  streaming: boolean;
  /** Sends; an `offline` result gives the words back to the composer. */
  onSubmit: (text: string, images: StoredImage[]) => void | Promise<SendResult>;
  onStop: () => void;
}

export function Composer({
  modelLabel,
  acceptsImages,
  streaming,
  onSubmit,
  onStop,
}: ComposerProps) {
  const t = useTranslations('Composer');
  const sendKey = useSettingsStore((state) => state.sendKey);
  const [text, setText] = useState('');
  const [images, setImages] = useState<StoredImage[]>([]);
  const [imageError, setImageError] = useState(false);
  // Sending failed for want of a network; said until the next try or until the network is back.
  const [offline, setOffline] = useState(false);
  const refused = images.length > 0 && !acceptsImages;
  const canSend =
    Boolean(modelLabel) && !streaming && !refused && (text.trim() !== '' || images.length > 0);

  useEffect(() => {
    const online = () => setOffline(false);
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, []);

  const submit = () => {
    if (!canSend) return;
    if (!navigator.onLine) {
      // Nothing is sent and nothing typed is cleared.
      setOffline(true);
      return;
    }
    setOffline(false);
    const [sentText, sentImages] = [text, images];
    const result = onSubmit(text, images);
    setText('');
    setImages([]);
    void result?.then((outcome) => {
      if (outcome !== 'offline') return;
      // The question never left: its words go back into the box, before anything typed since.
      setText((current) => (current ? `${sentText}\n${current}` : sentText));
      setImages((current) => [...sentImages, ...current]);
      setOffline(true);
    });
  };

  const attach = async (files: Iterable<File>) => {
    const candidates = [...files].filter((file) => file.type.startsWith('image/'));
    if (candidates.length === 0) return;
    const results = await Promise.allSettled(candidates.map(resizeImage));
    const added = results.flatMap((result) =>
      result.status === 'fulfilled' ? [result.value] : [],
    );
    setImageError(added.length < candidates.length);
    setImages((current) => [...current, ...added]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // An IME composition (Chinese, Japanese, Korean input) uses Enter to confirm a word.
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    const modifier = event.ctrlKey || event.metaKey;
    if (sendKey === 'enter' ? !event.shiftKey : modifier) {
      event.preventDefault();
      submit();
    }
  };
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    if (event.clipboardData.files.length === 0) return;
    event.preventDefault();
    void attach(event.clipboardData.files);
  };
  const onDrop = (event: DragEvent<HTMLFormElement>) => {
    if (event.dataTransfer.files.length === 0) return;
    event.preventDefault();
    void attach(event.dataTransfer.files);
  };

  return (
    <form
      className="border-t border-zinc-200 px-4 py-3 dark:border-zinc-800"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      onDragOver={(event) => event.preventDefault()}
      onDrop={onDrop}
    >
      <div className="mx-auto flex max-w-3xl flex-col gap-2">
        {images.length > 0 && (
          <ul className="flex flex-wrap gap-2" data-testid="attachments">
            {images.map((image, index) => (
              <li key={image.id} className="relative">
                <img
                  src={image.dataUrl}
                  alt=""
                  className="h-16 w-16 rounded-lg border object-cover dark:border-zinc-700"
                />
                <button
                  type="button"
                  aria-label={t('removeImage', { index: index + 1 })}
                  onClick={() =>
                    setImages((current) => current.filter((entry) => entry.id !== image.id))
                  }
                  className="absolute -top-2 -right-2 flex size-6 items-center justify-center rounded-full bg-zinc-800 text-white"
                >
                  <CloseIcon size={12} />
                </button>
              </li>
            ))}
          </ul>
        )}
        {offline && (
          <p
            role="alert"
            data-testid="composer-offline"
            className="text-sm text-amber-800 dark:text-amber-300"
          >
            {t('offline')}
          </p>
        )}
        {(refused || imageError) && (
          <p
            role="alert"
            data-testid="composer-error"
            className="text-sm text-red-700 dark:text-red-400"
          >
            {refused ? t('imagesNotSupported') : t('imageUnsupported')}
          </p>
        )}
        <div className="flex items-end gap-2">
          <label className="flex h-11 w-11 shrink-0 cursor-pointer items-center justify-center rounded-xl border border-zinc-300 text-lg hover:bg-zinc-100 focus-within:outline-2 focus-within:outline-sky-500 dark:border-zinc-700 dark:hover:bg-zinc-800">
            <PaperclipIcon />
            <span className="sr-only">{t('attach')}</span>
            <input
              type="file"
              accept="image/png,image/jpeg,image/webp,image/gif"
              multiple
              data-testid="attach-input"
              className="sr-only"
              onChange={(event) => {
                if (event.target.files) void attach(event.target.files);
                event.target.value = '';
              }}
            />
          </label>
          <textarea
            id={composerInputId}
            data-testid="composer-input"
            aria-label={t('label')}
            aria-keyshortcuts="/"
            rows={1}
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
            placeholder={t('placeholder', { model: modelLabel ?? '' })}
            className="field-sizing-content max-h-60 min-h-11 min-w-0 flex-1 resize-none rounded-xl border border-zinc-300 bg-white px-3 py-2.5 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:bg-zinc-900"
          />
          {streaming ? (
            <button
              type="button"
              data-testid="stop-button"
              aria-keyshortcuts="Escape"
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
        <p className="text-xs text-zinc-500">
          {sendKey === 'enter' ? t('hint') : t('hintModifier')}
        </p>
      </div>
    </form>
  );
}
