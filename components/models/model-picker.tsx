'use client';

import { useTranslations } from 'next-intl';
import type { PublicProvider } from '@/lib/config/public-config';
import type { CatalogModel } from '@/lib/models/catalog-model';
import { choiceOf, parseModelChoice } from '@/lib/models/model-choice';
import { useSettingsStore } from '@/lib/store/settings-store';

interface ModelPickerProps {
  providers: readonly PublicProvider[];
  models: readonly CatalogModel[];
  /** `provider:model` */
  value: string | undefined;
  onChange: (value: string) => void;
}

/** A native select grouped by provider: keyboard- and screen-reader-friendly by construction. */
export function ModelPicker({ providers, models, value, onChange }: ModelPickerProps) {
  const t = useTranslations('ModelPicker');
  const endpoints = useSettingsStore((state) => state.customEndpoints);
  const groups = [
    ...providers.map((provider) => ({
      key: provider.id,
      label: provider.name,
      models: models.filter((model) => model.provider === provider.id && !model.endpointId),
    })),
    ...endpoints.map((endpoint) => ({
      key: endpoint.id,
      label: endpoint.name || t('unnamedEndpoint'),
      models: models.filter((model) => model.endpointId === endpoint.id),
    })),
  ].filter((group) => group.models.length > 0);
  const offered = models.some((model) => choiceOf(model) === value);
  const current = value ? parseModelChoice(value) : undefined;

  return (
    <label className="flex min-w-0 items-center gap-2 text-sm">
      <span className="sr-only">{t('label')}</span>
      <select
        data-testid="model-picker"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value)}
        disabled={groups.length === 0 && !value}
        className="max-w-[60vw] min-w-0 truncate rounded-md border border-zinc-300 bg-white px-2 py-1.5 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:bg-zinc-900"
      >
        {groups.length === 0 && !value && <option value="">{t('none')}</option>}
        {value && !offered && current && <option value={value}>{current.model}</option>}
        {groups.map(({ key, label, models: providerModels }) => (
          <optgroup key={key} label={label}>
            {providerModels.map((model) => (
              <option key={choiceOf(model)} value={choiceOf(model)}>
                {model.name ?? model.id}
                {model.reasoning ? ` · ${t('reasoning')}` : ''}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
