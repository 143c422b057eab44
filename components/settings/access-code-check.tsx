'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useSettingsStore } from '@/lib/store/settings-store';
import { gatewayClient } from '@/lib/chat/gateway-client';

/** Asks the server whether the code is right (the catalog needs the same access as the keys). */
export function AccessCodeCheck() {
  const t = useTranslations('Settings');
  const [state, setState] = useState<'idle' | 'accepted' | 'wrong'>('idle');
  return (
    <div className="flex items-center gap-2 text-xs">
      <button
        type="button"
        data-testid="check-access-code"
        onClick={async () => {
          const code = useSettingsStore.getState().accessCode;
          const response = await gatewayClient
            .models({ accessCode: code || undefined }, { check: true })
            .catch(() => undefined);
          setState(response?.ok ? 'accepted' : 'wrong');
        }}
        className="rounded-md border border-zinc-300 px-2 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        {t('checkCode')}
      </button>
      {state !== 'idle' && (
        <span
          role="status"
          data-testid="access-code-state"
          data-state={state}
          className={
            state === 'accepted'
              ? 'text-emerald-700 dark:text-emerald-400'
              : 'text-red-700 dark:text-red-400'
          }
        >
          {state === 'accepted' ? t('codeAccepted') : t('codeWrong')}
        </span>
      )}
    </div>
  );
}
