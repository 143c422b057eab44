'use client';

import { useTranslations } from 'next-intl';
import type { PublicProvider } from '@/lib/config/public-config';
import type { CatalogModel } from '@/lib/models/catalog-model';
import { choiceOf } from '@/lib/models/model-choice';
import { useSettingsStore } from '@/lib/store/settings-store';

/** How the chat behaves: default model, reasoning display, the send key, remote images; and a reset. */
export function PreferencesSection({
  models,
  providers,
}: {
  models: readonly CatalogModel[];
  providers: readonly PublicProvider[];
}) {
  const t = useTranslations('Settings');
  const tPicker = useTranslations('ModelPicker');
  const endpoints = useSettingsStore((state) => state.customEndpoints);
  // The same model from two providers reads differently: each name says where it runs.
  const whereItRuns = (model: CatalogModel) =>
    model.endpointId
      ? endpoints.find((endpoint) => endpoint.id === model.endpointId)?.name ||
        tPicker('unnamedEndpoint')
      : (providers.find((provider) => provider.id === model.provider)?.name ?? model.provider);
  const defaultModel = useSettingsStore((state) => state.defaultModel);
  const setDefaultModel = useSettingsStore((state) => state.setDefaultModel);
  const showReasoning = useSettingsStore((state) => state.showReasoning);
  const reasoningCollapsed = useSettingsStore((state) => state.reasoningCollapsed);
  const sendKey = useSettingsStore((state) => state.sendKey);
  const remoteImages = useSettingsStore((state) => state.remoteImages);
  const setPreference = useSettingsStore((state) => state.setPreference);
  const resetPreferences = useSettingsStore((state) => state.resetPreferences);

  return (
    <div className="flex flex-col gap-2" data-testid="preferences">
      <PreferenceSelect
        label={t('defaultModel')}
        testId="default-model"
        value={defaultModel ?? ''}
        options={[
          { value: '', label: t('defaultModelLast') },
          ...models.map((model) => ({
            value: choiceOf(model),
            label: `${model.name ?? model.id} · ${whereItRuns(model)}`,
          })),
        ]}
        onChange={(value) => setDefaultModel(value || undefined)}
      />
      <PreferenceSelect
        label={t('reasoningDisplay')}
        testId="reasoning-display"
        value={!showReasoning ? 'hidden' : reasoningCollapsed ? 'collapsed' : 'shown'}
        options={[
          { value: 'shown', label: t('reasoningShown') },
          { value: 'collapsed', label: t('reasoningCollapsedOption') },
          { value: 'hidden', label: t('reasoningHidden') },
        ]}
        onChange={(value) => {
          setPreference('showReasoning', value !== 'hidden');
          setPreference('reasoningCollapsed', value === 'collapsed');
        }}
      />
      <PreferenceSelect
        label={t('sendKey')}
        testId="send-key"
        value={sendKey}
        options={[
          { value: 'enter', label: t('sendEnter') },
          { value: 'modifier-enter', label: t('sendModifier') },
        ]}
        onChange={(value) =>
          setPreference('sendKey', value === 'enter' ? 'enter' : 'modifier-enter')
        }
      />
      <PreferenceSelect
        label={t('remoteImages')}
        testId="remote-images"
        value={remoteImages}
        options={[
          { value: 'ask', label: t('remoteImagesAsk') },
          { value: 'always', label: t('remoteImagesAlways') },
        ]}
        onChange={(value) => setPreference('remoteImages', value === 'always' ? 'always' : 'ask')}
      />
      <button
        type="button"
        data-testid="reset-preferences"
        onClick={resetPreferences}
        className="self-start text-xs text-zinc-500 underline"
      >
        {t('resetPreferences')}
      </button>
    </div>
  );
}

interface PreferenceSelectProps {
  label: string;
  testId: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange: (value: string) => void;
}

function PreferenceSelect({ label, testId, value, options, onChange }: PreferenceSelectProps) {
  return (
    <label className="flex items-center justify-between gap-2 text-sm">
      {label}
      <select
        data-testid={testId}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className="max-w-[55%] rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
