'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';

/** A key or code field: masked unless the user asks to see it, never autocompleted. */
export function SecretInput(props: {
  id: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const t = useTranslations('Settings');
  const [visible, setVisible] = useState(false);
  return (
    <div className="flex gap-2">
      <input
        id={props.id}
        data-testid={props.testId}
        type={visible ? 'text' : 'password'}
        autoComplete="off"
        spellCheck={false}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2 py-1.5 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-950"
      />
      <button
        type="button"
        onClick={() => setVisible(!visible)}
        className="rounded-md border border-zinc-300 px-2 text-xs dark:border-zinc-700"
      >
        {visible ? t('hide') : t('show')}
      </button>
    </div>
  );
}
