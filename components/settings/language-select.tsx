'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { localeNames, locales } from '@/lib/i18n/locales';
import { setLocale } from '@/lib/i18n/set-locale';

/** Switches language without a full reload: the cookie is set, then the server components re-render. */
export function LanguageSelect() {
  const t = useTranslations('Header');
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  return (
    <label className="text-sm">
      <span className="sr-only">{t('language')}</span>
      <select
        data-testid="language-select"
        value={locale}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value;
          startTransition(async () => {
            await setLocale(next);
            router.refresh();
          });
        }}
        className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 dark:border-zinc-700 dark:bg-zinc-900"
      >
        {locales.map((code) => (
          <option key={code} value={code}>
            {localeNames[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
