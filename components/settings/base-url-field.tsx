'use client';

import { useTranslations } from 'next-intl';
import type { PublicProvider } from '@/lib/config/public-config';
import { providers } from '@/lib/providers/registry';
import { useSettingsStore } from '@/lib/store/settings-store';

/**
 * The user's own address for a provider (a proxy, a region). The placeholder shows the public
 * default from the registry, never the operator's configured address.
 */
export function BaseUrlField({ provider }: { provider: PublicProvider }) {
  const t = useTranslations('Settings');
  const baseUrl = useSettingsStore((state) => state.providerSettings[provider.id]?.baseUrl ?? '');
  const setProviderBaseUrl = useSettingsStore((state) => state.setProviderBaseUrl);
  const id = `base-url-${provider.id}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs text-zinc-600 dark:text-zinc-400">
        {t('baseUrlFor', { provider: provider.name })}
      </label>
      <input
        id={id}
        data-testid={id}
        type="url"
        value={baseUrl}
        placeholder={providers[provider.id].baseUrl || 'https://…'}
        onChange={(event) => setProviderBaseUrl(provider.id, event.target.value)}
        className="rounded-md border border-zinc-300 bg-white px-2 py-1 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950"
      />
    </div>
  );
}
