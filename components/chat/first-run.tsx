'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { SecretInput } from '@/components/settings/secret-input';
import type { CodeState } from '@/lib/chat/provider-access';
import type { PublicConfig } from '@/lib/config/public-config';
import type { ProviderId } from '@/lib/providers/registry';
import { useSettingsStore } from '@/lib/store/settings-store';

interface FirstRunProps {
  config: PublicConfig;
  codeState: CodeState;
  onOpenSettings: () => void;
}

const fieldClass =
  'w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900';
const primaryClass =
  'rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-60';
const linkClass =
  'text-sm text-sky-700 underline underline-offset-2 hover:text-sky-900 dark:text-sky-400 dark:hover:text-sky-300';

/**
 * What a bare install opens on instead of an empty chat: the one thing missing before the first
 * message. The access code when the deployment asks for one (its keys then work), else a key of
 * the person's own for a provider of their choice.
 */
export function FirstRun({ config, codeState, onOpenSettings }: FirstRunProps) {
  const t = useTranslations('FirstRun');
  const askCode = config.codeRequired && (codeState === 'missing' || codeState === 'invalid');
  return (
    <div
      data-testid="first-run"
      data-step={askCode ? 'code' : config.userKeysDisabled ? 'none' : 'key'}
      className="flex flex-1 flex-col items-center justify-center overflow-y-auto px-4 py-6"
    >
      <div className="flex w-full max-w-md flex-col gap-4 rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
        {askCode ? (
          <CodeStep invalid={codeState === 'invalid'} />
        ) : config.userKeysDisabled ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('nothingAvailable')}</p>
        ) : (
          <KeyStep config={config} />
        )}
        {!config.userKeysDisabled && (
          <button
            type="button"
            data-testid="first-run-settings"
            onClick={onOpenSettings}
            className={`${linkClass} self-start text-left`}
          >
            {askCode ? t('ownKeyInstead') : t('moreInSettings')}
          </button>
        )}
      </div>
    </div>
  );
}

function CodeStep({ invalid }: { invalid: boolean }) {
  const t = useTranslations('FirstRun');
  const setAccessCode = useSettingsStore((state) => state.setAccessCode);
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim()) setAccessCode(code.trim());
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-3">
      <h1 className="text-xl font-semibold">{t('codeTitle')}</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('codeBody')}</p>
      <label htmlFor="first-run-code" className="sr-only">
        {t('codeLabel')}
      </label>
      <SecretInput id="first-run-code" testId="first-run-code" value={code} onChange={setCode} />
      {invalid && (
        <p
          role="alert"
          data-testid="first-run-code-refused"
          className="text-sm text-red-700 dark:text-red-400"
        >
          {t('codeRefused')}
        </p>
      )}
      <button
        type="submit"
        data-testid="first-run-code-submit"
        className={`${primaryClass} self-start`}
        disabled={!code.trim()}
      >
        {t('continue')}
      </button>
    </form>
  );
}

function KeyStep({ config }: { config: PublicConfig }) {
  const t = useTranslations('FirstRun');
  const setProviderApiKey = useSettingsStore((state) => state.setProviderApiKey);
  // Only providers a key alone opens: the others also need an address, set in the settings.
  const choices = config.providers.filter(
    (provider) => provider.configured && !provider.keyOptional,
  );
  const [provider, setProvider] = useState<ProviderId | undefined>(choices[0]?.id);
  const [key, setKey] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (provider && key.trim()) setProviderApiKey(provider, key.trim());
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-3">
      <h1 className="text-xl font-semibold">{t('keyTitle')}</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('keyBody')}</p>
      <label className="flex flex-col gap-1 text-sm">
        {t('provider')}
        <select
          data-testid="first-run-provider"
          value={provider ?? ''}
          onChange={(event) => setProvider(event.target.value as ProviderId)}
          className={fieldClass}
        >
          {choices.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.name}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor="first-run-key" className="text-sm">
        {t('keyLabel')}
      </label>
      <SecretInput id="first-run-key" testId="first-run-key" value={key} onChange={setKey} />
      <button
        type="submit"
        data-testid="first-run-key-submit"
        className={`${primaryClass} self-start`}
        disabled={!provider || !key.trim()}
      >
        {t('continue')}
      </button>
    </form>
  );
}
