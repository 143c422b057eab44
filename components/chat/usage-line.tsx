'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { ChatMessage } from '@/lib/store/chat-types';

/** Tokens in and out, reasoning tokens, cost when the provider reports it, and the timings. */
export function UsageLine({ message }: { message: ChatMessage }) {
  const t = useTranslations('Message');
  const format = useFormatter();
  const { usage, firstTokenMs, streamingMs } = message;
  const parts: string[] = [];
  if (usage && (usage.inputTokens !== undefined || usage.outputTokens !== undefined)) {
    parts.push(t('usage', { input: usage.inputTokens ?? 0, output: usage.outputTokens ?? 0 }));
    if (usage.reasoningTokens) parts.push(t('reasoningTokens', { count: usage.reasoningTokens }));
    if (usage.cost !== undefined) {
      parts.push(
        format.number(usage.cost, { style: 'currency', currency: 'USD', maximumFractionDigits: 6 }),
      );
    }
  }
  if (firstTokenMs !== undefined)
    parts.push(t('firstToken', { seconds: Math.round(firstTokenMs / 100) / 10 }));
  // Output tokens include reasoning at most providers; the rate is over the streaming time.
  const generated = usage?.outputTokens ?? 0;
  // Over a very short stream the rate says nothing (a cached or tiny answer).
  if (streamingMs && streamingMs >= 500 && generated > 0) {
    parts.push(t('tokensPerSecond', { rate: Math.round((generated / streamingMs) * 1000) }));
  }
  if (parts.length === 0) return null;
  return <span data-testid="usage">{parts.join(' · ')}</span>;
}
