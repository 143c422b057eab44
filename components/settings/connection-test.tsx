'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import {
  diagnoseConnection,
  type Diagnosis,
  type DiagnosisTarget,
} from '@/lib/chat/diagnose-connection';

/** A "Test" button and the plain answer it gets, with the raw details behind a disclosure. */
export function ConnectionTest({
  target,
  testId,
}: {
  target: () => DiagnosisTarget;
  testId: string;
}) {
  const t = useTranslations('Diagnosis');
  const [state, setState] = useState<'idle' | 'testing' | Diagnosis>('idle');
  const diagnosis = typeof state === 'object' ? state : undefined;

  return (
    <div className="flex flex-col gap-1 text-xs">
      <div className="flex items-center gap-2">
        <button
          type="button"
          data-testid={testId}
          disabled={state === 'testing'}
          onClick={async () => {
            setState('testing');
            setState(await diagnoseConnection(target()));
          }}
          className="rounded-md border border-zinc-300 px-2 py-1 hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          {state === 'testing' ? t('testing') : t('test')}
        </button>
        {diagnosis && (
          <span
            role="status"
            data-testid="diagnosis"
            data-result={diagnosis.result}
            className={
              diagnosis.result === 'works'
                ? 'text-emerald-700 dark:text-emerald-400'
                : 'text-red-700 dark:text-red-400'
            }
          >
            {message(t, diagnosis)}
          </span>
        )}
      </div>
      {diagnosis && (diagnosis.status !== undefined || diagnosis.detail) && (
        <details className="text-zinc-500">
          <summary className="cursor-pointer">{t('details')}</summary>
          <p className="mt-1 break-words whitespace-pre-wrap">
            {diagnosis.status !== undefined && `HTTP ${diagnosis.status}`}
            {diagnosis.detail && ` · ${diagnosis.detail}`}
          </p>
        </details>
      )}
    </div>
  );
}

type Translate = ReturnType<typeof useTranslations<'Diagnosis'>>;

function message(t: Translate, diagnosis: Diagnosis): string {
  switch (diagnosis.result) {
    case 'works':
      return diagnosis.models !== undefined
        ? t('worksWithModels', { count: diagnosis.models })
        : t('works');
    case 'rate-limited':
      return diagnosis.retryAfterSeconds !== undefined
        ? t('rateLimitedWait', { seconds: diagnosis.retryAfterSeconds })
        : t('rateLimited');
    case 'wrong-url':
      return diagnosis.hint === 'add-v1'
        ? t('wrongUrlAddV1')
        : diagnosis.hint === 'remove-v1'
          ? t('wrongUrlRemoveV1')
          : t('wrongUrl');
    case 'invalid-key':
      return t('invalidKey');
    case 'no-credits':
      return t('noCredits');
    case 'unreachable':
      return t('unreachable');
    case 'refused':
      return t('refused');
    case 'needs-code':
      return t('needsCode');
    case 'failed':
      return t('failed');
  }
}
