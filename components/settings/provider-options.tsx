'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { definitionFor } from '@/lib/providers/behaviour';
import type { ProviderId } from '@/lib/providers/registry';
import type { ProviderDefinition, ProviderSettingField } from '@/lib/providers/types';
import { useSettingsStore } from '@/lib/store/settings-store';

/** A provider's own preferences, generated from its registry entry (OpenRouter routing, fallbacks). */
export function ProviderOptions({
  provider,
  behavesAs,
}: {
  provider: ProviderId;
  /** The router the operator's address for this provider is on: its preferences apply. */
  behavesAs?: ProviderId;
}) {
  const definition: ProviderDefinition = definitionFor(provider, behavesAs);
  if (!definition.settingFields?.length) return null;
  return (
    <div className="mt-1 grid grid-cols-1 gap-2 border-l-2 border-zinc-200 pl-3 sm:grid-cols-2 dark:border-zinc-800">
      {definition.settingFields.map((field) => (
        <OptionField key={field.key} provider={provider} field={field} />
      ))}
    </div>
  );
}

function OptionField({ provider, field }: { provider: ProviderId; field: ProviderSettingField }) {
  const t = useTranslations('Settings');
  const stored = useSettingsStore(
    (state) => state.providerSettings[provider]?.options?.[field.key],
  );
  const setProviderOption = useSettingsStore((state) => state.setProviderOption);
  const [listText, setListText] = useState(() => (Array.isArray(stored) ? stored.join(', ') : ''));
  const testId = `option-${provider}-${field.key}`;
  const inputClass =
    'rounded-md border border-zinc-300 bg-white px-2 py-1 text-xs dark:border-zinc-700 dark:bg-zinc-950';

  return (
    <label className="flex flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400">
      {t(`fields.${field.key}`)}
      {field.kind === 'list' ? (
        <input
          data-testid={testId}
          value={listText}
          onChange={(event) => {
            setListText(event.target.value);
            const values = event.target.value
              .split(',')
              .map((value) => value.trim())
              .filter(Boolean);
            setProviderOption(provider, field.key, values);
          }}
          className={`${inputClass} font-mono`}
        />
      ) : (
        <select
          data-testid={testId}
          value={typeof stored === 'string' ? stored : ''}
          onChange={(event) => setProviderOption(provider, field.key, event.target.value)}
          className={inputClass}
        >
          <option value="">{t('providerDefault')}</option>
          {field.options?.map((option) => (
            <option key={option} value={option}>
              {t(`options.${option}`)}
            </option>
          ))}
        </select>
      )}
    </label>
  );
}
