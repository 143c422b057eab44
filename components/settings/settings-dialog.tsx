'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { ownAccessFor } from '@/lib/chat/gateway-request';
import type { PublicConfig, PublicProvider } from '@/lib/config/public-config';
import type { CatalogModel } from '@/lib/models/catalog-model';
import { useSettingsStore } from '@/lib/store/settings-store';
import { ConnectionTest } from './connection-test';
import { CustomEndpoints } from './custom-endpoints';
import { ClearData } from './clear-data';
import { DataSection } from './data-section';
import { SyncSection } from './sync-section';
import { settingsSections, SettingsSection } from './settings-section';
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
  const body = useRef<HTMLDivElement>(null);
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
      className="m-auto w-[min(32rem,calc(100vw-2rem))] overflow-hidden rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
    >
      {/* The title, close button and section links stay put; only the sections scroll. */}
      <div className="flex max-h-[min(85vh,calc(100dvh-2rem))] flex-col">
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
        <nav
          aria-label={t('sections')}
          className="flex flex-wrap gap-1 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800"
        >
          {settingsSections.map((section) => (
            <a
              key={section}
              href={`#settings-${section}`}
              data-testid={`settings-nav-${section}`}
              onClick={(event) => {
                // Scrolls the dialog, not the page, and leaves the address alone.
                event.preventDefault();
                const target = document.getElementById(`settings-${section}`);
                const container = body.current;
                if (target && container) {
                  container.scrollTo({
                    top: target.offsetTop,
                    behavior: 'smooth',
                  });
                }
              }}
              className="rounded-md px-2.5 py-1 text-sm whitespace-nowrap text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
            >
              {t(`section.${section}`)}
            </a>
          ))}
        </nav>
        <div
          ref={body}
          className="relative flex min-h-0 flex-1 flex-col gap-6 overflow-y-auto px-5 py-4"
        >
          <SettingsSection id="access" title={t('section.access')}>
            <div className="flex flex-col gap-1">
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
            </div>
          </SettingsSection>
          <SettingsSection id="providers" title={t('section.providers')}>
            {config?.userKeysDisabled ? (
              <div className="flex flex-col gap-3">
                <h4 className="text-sm font-medium">{t('providerPreferences')}</h4>
                {config.providers.map((provider) => (
                  <ProviderOptions
                    key={provider.id}
                    provider={provider.id}
                    behavesAs={provider.behavesAs}
                  />
                ))}
              </div>
            ) : (
              <>
                <div className="flex flex-col gap-3">
                  <div>
                    <h4 className="text-sm font-medium">{t('apiKeys')}</h4>
                    <p className="text-xs text-zinc-500">{t('apiKeysHelp')}</p>
                  </div>
                  {config?.providers.map((provider) => (
                    <ProviderKeyField key={provider.id} provider={provider} />
                  ))}
                </div>
                <CustomEndpoints />
              </>
            )}
          </SettingsSection>
          <SettingsSection id="chat" title={t('section.chat')}>
            <PreferencesSection models={models} providers={config?.providers ?? []} />
            <ThemeSelect />
            <div className="sm:hidden">
              <LanguageSelect />
            </div>
          </SettingsSection>
          <SettingsSection id="data" title={t('section.data')}>
            <DataSection />
            <SyncSection available={config?.syncAvailable ?? false} />
            <SettingsBackup />
            <ClearData />
          </SettingsSection>
        </div>
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
      <ProviderOptions provider={provider.id} behavesAs={provider.behavesAs} />
    </div>
  );
}
