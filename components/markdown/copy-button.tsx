'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

const copiedShownMs = 1500;

export function CopyButton({ text }: { text: string }) {
  const t = useTranslations('Markdown');
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), copiedShownMs);
    return () => window.clearTimeout(timer);
  }, [copied]);

  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setCopied(true),
      () => {
        // Without clipboard permission nothing is copied; the button keeps saying "Copy".
      },
    );
  };

  return (
    <button
      type="button"
      data-testid="copy-code"
      aria-live="polite"
      onClick={copy}
      className="rounded px-1.5 py-0.5 hover:bg-zinc-300 dark:hover:bg-zinc-700"
    >
      {copied ? t('copied') : t('copy')}
    </button>
  );
}
