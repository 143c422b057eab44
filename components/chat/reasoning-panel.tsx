'use client';

import { useTranslations } from 'next-intl';
import { memo, useEffect, useMemo, useState } from 'react';
import { useSettingsStore } from '@/lib/store/settings-store';
import { ChevronRightIcon } from '@/components/ui/icons';

interface ReasoningPanelProps {
  text: string;
  /** True while the model reasons and no answer text has arrived yet. */
  thinking: boolean;
  startedAt?: number;
  durationMs?: number;
}

/**
 * The model's reasoning, apart from the answer: open with a live timer while it thinks, closing
 * itself to "Thought for N s" when the answer begins; the user can open it again at any time.
 */
export function ReasoningPanel({ text, thinking, startedAt, durationMs }: ReasoningPanelProps) {
  const t = useTranslations('Reasoning');
  const collapsed = useSettingsStore((state) => state.reasoningCollapsed);
  const [userChoice, setUserChoice] = useState<boolean | undefined>(collapsed ? false : undefined);
  const elapsed = useElapsedSeconds(thinking ? startedAt : undefined);
  const open = userChoice ?? thinking;
  const seconds = durationMs !== undefined ? Math.max(1, Math.round(durationMs / 1000)) : undefined;

  const label = thinking
    ? elapsed > 0
      ? t('thinkingFor', { seconds: elapsed })
      : t('thinking')
    : seconds !== undefined
      ? t('thoughtFor', { seconds })
      : t('thought');

  return (
    <section
      data-testid="reasoning-panel"
      data-state={open ? 'open' : 'closed'}
      className="rounded-lg border border-zinc-200 bg-zinc-50 text-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <button
        type="button"
        data-testid="reasoning-toggle"
        aria-expanded={open}
        onClick={() => setUserChoice(!open)}
        className="flex w-full items-center gap-2 px-3 py-2 text-left text-zinc-600 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-zinc-400"
      >
        <span className={`flex transition-transform ${open ? 'rotate-90' : ''}`}>
          <ChevronRightIcon />
        </span>
        <span className={thinking ? 'animate-pulse' : undefined}>{label}</span>
      </button>
      {open && (
        <div
          data-testid="reasoning-text"
          className="max-h-64 overflow-y-auto border-t border-zinc-200 px-3 py-2 whitespace-pre-wrap text-zinc-600 dark:border-zinc-800 dark:text-zinc-400"
        >
          <ReasoningText text={text} />
        </div>
      )}
    </section>
  );
}

/**
 * The reasoning cut at blank lines into paragraphs, each memoised: while it streams, only the last
 * paragraph's text node changes and is laid out again.
 */
const ReasoningText = memo(function ReasoningText({ text }: { text: string }) {
  const paragraphs = useMemo(() => text.split(/\n{2,}/), [text]);
  return paragraphs.map((paragraph, index) => (
    <ReasoningParagraph key={index} text={paragraph} last={index === paragraphs.length - 1} />
  ));
});

const ReasoningParagraph = memo(function ReasoningParagraph({
  text,
  last,
}: {
  text: string;
  last: boolean;
}) {
  return <p className={last ? undefined : 'mb-3'}>{text}</p>;
});

function useElapsedSeconds(startedAt: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (startedAt === undefined) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [startedAt]);
  return startedAt === undefined ? 0 : Math.max(0, Math.floor((now - startedAt) / 1000));
}
