'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { TokenUsage } from '@/lib/protocols/types';

export function UsageLine({ usage }: { usage: TokenUsage }) {
  const t = useTranslations('Message');
  const format = useFormatter();
  if (usage.inputTokens === undefined && usage.outputTokens === undefined) return null;
  return (
    <span data-testid="usage">
      {t('usage', { input: usage.inputTokens ?? 0, output: usage.outputTokens ?? 0 })}
      {usage.reasoningTokens ? ` · ${t('reasoningTokens', { count: usage.reasoningTokens })}` : ''}
      {usage.cost !== undefined
        ? ` · ${format.number(usage.cost, { style: 'currency', currency: 'USD', maximumFractionDigits: 6 })}`
        : ''}
    </span>
  );
}
