'use client';

import { useTranslations } from 'next-intl';
import type { CatalogModel } from '@/lib/models/catalog-model';
import { choiceOf } from '@/lib/models/model-choice';
import { useSettingsStore } from '@/lib/store/settings-store';

const selectClass =
  'rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950';

/** How the chat behaves: reasoning display, the send key, remote images; and a reset. */
export function PreferencesSection({ models }: { models: readonly CatalogModel[] }) {
  const t = useTranslations('Settings');
  const defaultModel = useSettingsStore((state) => state.defaultModel);
  const setDefaultModel = useSettingsStore((state) => state.setDefaultModel);
  const showReasoning = useSettingsStore((state) => state.showReasoning);
  const reasoningCollapsed = useSettingsStore((state) => state.reasoningCollapsed);
  const sendKey = useSettingsStore((state) => state.sendKey);
  const remoteImages = useSettingsStore((state) => state.remoteImages);
  const setPreference = useSettingsStore((state) => state.setPreference);
  const resetPreferences = useSettingsStore((state) => state.resetPreferences);
  const reasoning = !showReasoning ? 'hidden' : reasoningCollapsed ? 'collapsed' : 'shown';

  return (
    <section className="flex flex-col gap-2" data-testid="preferences">
      <h3 className="text-sm font-medium">{t('preferences')}</h3>
      <label className="flex items-center justify-between gap-2 text-sm">
        {t('defaultModel')}
        <select
          data-testid="default-model"
          value={defaultModel ?? ''}
          className={`${selectClass} max-w-[55%]`}
          onChange={(event) => setDefaultModel(event.target.value || undefined)}
        >
          <option value="">{t('defaultModelLast')}</option>
          {models.map((model) => (
            <option key={choiceOf(model)} value={choiceOf(model)}>
              {model.name ?? model.id}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center justify-between gap-2 text-sm">
        {t('reasoningDisplay')}
        <select
          data-testid="reasoning-display"
          value={reasoning}
          className={selectClass}
          onChange={(event) => {
            setPreference('showReasoning', event.target.value !== 'hidden');
            setPreference('reasoningCollapsed', event.target.value === 'collapsed');
          }}
        >
          <option value="shown">{t('reasoningShown')}</option>
          <option value="collapsed">{t('reasoningCollapsedOption')}</option>
          <option value="hidden">{t('reasoningHidden')}</option>
        </select>
      </label>
      <label className="flex items-center justify-between gap-2 text-sm">
        {t('sendKey')}
        <select
          data-testid="send-key"
          value={sendKey}
          className={selectClass}
          onChange={(event) =>
            setPreference('sendKey', event.target.value === 'enter' ? 'enter' : 'modifier-enter')
          }
        >
          <option value="enter">{t('sendEnter')}</option>
          <option value="modifier-enter">{t('sendModifier')}</option>
        </select>
      </label>
      <label className="flex items-center justify-between gap-2 text-sm">
        {t('remoteImages')}
        <select
          data-testid="remote-images"
          value={remoteImages}
          className={selectClass}
          onChange={(event) =>
            setPreference('remoteImages', event.target.value === 'always' ? 'always' : 'ask')
          }
        >
          <option value="ask">{t('remoteImagesAsk')}</option>
          <option value="always">{t('remoteImagesAlways')}</option>
        </select>
      </label>
      <button
        type="button"
        data-testid="reset-preferences"
        onClick={resetPreferences}
        className="self-start text-xs text-zinc-500 underline"
      >
        {t('resetPreferences')}
      </button>
    </section>
  );
}
