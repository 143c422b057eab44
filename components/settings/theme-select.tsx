'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { applyTheme, parseTheme, type Theme } from '@/lib/theme';

const themes: Theme[] = ['system', 'light', 'dark'];
const labels = { system: 'themeSystem', light: 'themeLight', dark: 'themeDark' } as const;

/** Light, dark, or the system's; the choice lives in a cookie so the server paints it first. */
export function ThemeSelect() {
  const t = useTranslations('Settings');
  const [theme, setTheme] = useState<Theme>(() =>
    parseTheme(themes.find((candidate) => document.documentElement.classList.contains(candidate))),
  );
  return (
    <label className="flex items-center justify-between gap-2 text-sm">
      {t('theme')}
      <select
        data-testid="theme-select"
        value={theme}
        onChange={(event) => {
          const next = parseTheme(event.target.value);
          setTheme(next);
          applyTheme(next);
        }}
        className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-950"
      >
        {themes.map((candidate) => (
          <option key={candidate} value={candidate}>
            {t(labels[candidate])}
          </option>
        ))}
      </select>
    </label>
  );
}
