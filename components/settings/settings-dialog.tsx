'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { ownAccessFor } from '@/lib/chat/gateway-request';
import type { PublicConfig, PublicProvider } from '@/lib/config/public-config';
import type { CatalogModel } from '@/lib/models/catalog-model';
import { useSettingsStore } from '@/lib/store/settings-store';
import { ConnectionTest } from './connection-test';
import { CustomEndpoints } from './custom-endpoints';
import { DataSection } from './data-section';
import { ProviderOptions } from './provider-options';
import { SecretInput } from './secret-input';
import { LanguageSelect } from './language-select';
import { AccessCodeCheck } from './access-code-check';
import { BaseUrlField } from './base-url-field';
import { PreferencesSection } from './preferences-section';
import { SettingsBackup } from './settings-backup';
import { ThemeSelect } from './theme-select';

interface SettingsDialogProps {
  config: PublicConfig | undefined;
  models: readonly CatalogModel[];
  onClose: () => void;
}

/** Access code and the user's own keys, one field per provider from the registry. Saved as typed. */
export function SettingsDialog({ config, models, onClose }: SettingsDialogProps) {
  const t = useTranslations('Settings');
  const dialog = useRef<HTMLDialogElement>(null);
  const accessCode = useSettingsStore((state) => state.accessCode);
  const setAccessCode = useSettingsStore((state) => state.setAccessCode);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  return (
    <dialog
      ref={dialog}
      data-testid="settings-dialog"
      aria-labelledby="settings-title"
      onClose={onClose}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="flex items-center justify-between border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
        <h2 id="settings-title" className="text-lg font-semibold">
          {t('title')}
        </h2>
        <button
          type="button"
          data-testid="settings-close"
          onClick={() => dialog.current?.close()}
          className="rounded-md px-2 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
        >
          {t('close')}
        </button>
      </div>
      <div className="flex max-h-[70vh] flex-col gap-5 overflow-y-auto px-5 py-4">
        <section className="flex flex-col gap-1">
          <label htmlFor="access-code" className="text-sm font-medium">
            {t('accessCode')}
          </label>
          <SecretInput
            id="access-code"
            testId="access-code-input"
            value={accessCode}
            onChange={setAccessCode}
          />
          <p className="text-xs text-zinc-500">
            {config?.codeRequired ? t('accessCodeRequired') : t('accessCodeHelp')}
          </p>
          {config?.codeRequired && <AccessCodeCheck />}
        </section>
        <div className="sm:hidden">
          <LanguageSelect />
        </div>
        <ThemeSelect />
        <DataSection />
        <SettingsBackup />
        <PreferencesSection models={models} />
        {config?.userKeysDisabled ? (
          <section className="flex flex-col gap-3">
            <h3 className="text-sm font-medium">{t('providerPreferences')}</h3>
            {config.providers.map((provider) => (
              <ProviderOptions key={provider.id} provider={provider.id} />
            ))}
          </section>
        ) : (
          <>
            <section className="flex flex-col gap-3">
              <div>
                <h3 className="text-sm font-medium">{t('apiKeys')}</h3>
                <p className="text-xs text-zinc-500">{t('apiKeysHelp')}</p>
              </div>
              {config?.providers.map((provider) => (
                <ProviderKeyField key={provider.id} provider={provider} />
              ))}
            </section>
            <CustomEndpoints />
          </>
        )}
      </div>
    </dialog>
  );
}

function ProviderKeyField({ provider }: { provider: PublicProvider }) {
  const t = useTranslations('Settings');
  const apiKey = useSettingsStore((state) => state.providerSettings[provider.id]?.apiKey ?? '');
  const setProviderApiKey = useSettingsStore((state) => state.setProviderApiKey);
  const state = apiKey
    ? t('stateUser')
    : provider.hasServerKey || provider.keyOptional
      ? t('stateServer')
      : t('stateNone');
  const id = `api-key-${provider.id}`;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-sm">
          {t('apiKeyFor', { provider: provider.name })}
        </label>
        <span data-testid={`provider-state-${provider.id}`} className="text-xs text-zinc-500">
          {state}
        </span>
      </div>
      <SecretInput
        id={id}
        testId={id}
        value={apiKey}
        onChange={(value) => setProviderApiKey(provider.id, value)}
      />
      <BaseUrlField provider={provider} />
      <ConnectionTest
        testId={`test-${provider.id}`}
        target={() => ({
          provider: provider.id,
          access: ownAccessFor(useSettingsStore.getState(), provider.id, { userKeysAllowed: true }),
        })}
      />
      <ProviderOptions provider={provider.id} />
    </div>
  );
}
