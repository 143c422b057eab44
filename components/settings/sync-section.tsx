'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { useChatStore } from '@/lib/store/chat-store';
import { pendingChanges } from '@/lib/sync/sync-engine';
import { newSyncSecret, readSyncSecret } from '@/lib/sync/sync-crypto';
import { useSyncStore } from '@/lib/sync/sync-store';
import { syncNow } from '@/lib/sync/use-sync';
import { syncButtonClass } from './sync-button-class';

/**
 * End-to-end encrypted sync: turn on (a new key, shown once), join with a key from another
 * device, see when it last ran and what waits, stop here, or delete the synced copy.
 */
export function SyncSection({ available }: { available: boolean }) {
  const t = useTranslations('Sync');
  const secret = useSyncStore((state) => state.secret);
  return (
    <section className="flex flex-col gap-3" data-testid="sync-section">
      <h3 className="text-sm font-medium">{t('title')}</h3>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('intro')}</p>
      {!available ? (
        <p className="text-sm text-amber-800 dark:text-amber-200" data-testid="sync-unavailable">
          {t('unavailable')}
        </p>
      ) : secret ? (
        <SyncOn secret={secret} />
      ) : (
        <SyncOff />
      )}
    </section>
  );
}

function SyncOff() {
  const t = useTranslations('Sync');
  const [key, setKey] = useState('');
  const [invalid, setInvalid] = useState(false);
  const join = () => {
    const secret = readSyncSecret(key);
    if (!secret) {
      setInvalid(true);
      return;
    }
    useSyncStore.getState().join(secret);
  };
  return (
    <div className="flex flex-col gap-3">
      <button
        type="button"
        data-testid="sync-turn-on"
        className={`${syncButtonClass} self-start`}
        onClick={() => useSyncStore.getState().start(newSyncSecret())}
      >
        {t('turnOn')}
      </button>
      <label className="flex flex-col gap-1 text-sm">
        {t('joinLabel')}
        <span className="flex gap-2">
          <input
            data-testid="sync-join-key"
            value={key}
            placeholder={t('joinPlaceholder')}
            autoComplete="off"
            spellCheck={false}
            className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-transparent px-2 py-1.5 font-mono text-sm dark:border-zinc-700"
            onChange={(event) => {
              setKey(event.target.value);
              setInvalid(false);
            }}
          />
          <button type="button" data-testid="sync-join" className={syncButtonClass} onClick={join}>
            {t('join')}
          </button>
        </span>
      </label>
      {invalid && (
        <p role="alert" data-testid="sync-join-invalid" className="text-sm text-red-700">
          {t('joinInvalid')}
        </p>
      )}
      <p className="text-xs text-zinc-500">{t('joinWarning')}</p>
    </div>
  );
}

function SyncOn({ secret }: { secret: string }) {
  const t = useTranslations('Sync');
  const tErrors = useTranslations('Errors');
  const format = useFormatter();
  const state = useSyncStore();
  const conversations = useChatStore((chats) => chats.conversations);
  const pending = useMemo(
    () => Math.max(state.pending, pendingChanges(Object.values(conversations), state.memory)),
    [conversations, state.memory, state.pending],
  );
  const [copied, setCopied] = useState<'key' | 'link' | undefined>();
  const [confirming, setConfirming] = useState(false);
  const link = `${window.location.origin}/#sync=${secret}`;
  const copy = async (what: 'key' | 'link') => {
    await navigator.clipboard?.writeText(what === 'key' ? secret : link).catch(() => undefined);
    setCopied(what);
  };
  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? `${format.number(Math.ceil(bytes / 1024))} KB`
      : `${format.number(bytes / 1024 / 1024, { maximumFractionDigits: 1 })} MB`;

  return (
    <div className="flex flex-col gap-3">
      {state.revealSecret && (
        <div
          data-testid="sync-secret"
          className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950"
        >
          <p className="font-medium">{t('secretTitle')}</p>
          <code data-testid="sync-secret-value" className="font-mono break-all select-all">
            {secret}
          </code>
          <p className="text-xs">{t('secretHint')}</p>
          <div className="flex flex-wrap gap-2">
            <button type="button" className={syncButtonClass} onClick={() => void copy('key')}>
              {copied === 'key' ? t('copied') : t('copyKey')}
            </button>
            <button type="button" className={syncButtonClass} onClick={() => void copy('link')}>
              {copied === 'link' ? t('copied') : t('copyLink')}
            </button>
            <button
              type="button"
              data-testid="sync-secret-saved"
              className={syncButtonClass}
              onClick={() => state.hideSecret()}
            >
              {t('secretSaved')}
            </button>
          </div>
        </div>
      )}
      <p
        className="text-sm"
        role="status"
        data-testid="sync-status"
        data-phase={state.phase}
        data-last-sync-at={state.lastSyncAt}
        data-duration-ms={state.lastDurationMs}
        data-bytes-sent={state.lastBytesSent}
        data-bytes-received={state.lastBytesReceived}
      >
        {state.phase === 'syncing'
          ? t('syncing')
          : state.phase === 'offline'
            ? t('offline')
            : state.phase === 'error' && state.error
              ? t('failed', { message: tErrors(state.error) })
              : state.lastSyncAt
                ? t('lastSynced', {
                    time: format.dateTime(state.lastSyncAt, { timeStyle: 'medium' }),
                  })
                : t('never')}
      </p>
      <p className="text-xs text-zinc-500" data-testid="sync-pending" data-count={pending}>
        {t('pending', { count: pending })}
        {state.usedBytes !== undefined && state.quotaBytes
          ? ` · ${t('usage', { used: size(state.usedBytes), quota: size(state.quotaBytes) })}`
          : ''}
      </p>
      {state.tooLarge > 0 && (
        <p className="text-xs text-amber-800 dark:text-amber-200">
          {t('tooLarge', { count: state.tooLarge })}
        </p>
      )}
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          data-testid="sync-include-keys"
          checked={state.includeKeys}
          onChange={(event) => state.setIncludeKeys(event.target.checked)}
          className="mt-1"
        />
        <span>
          {t('includeKeys')}
          <span className="block text-xs text-zinc-500">{t('includeKeysHint')}</span>
        </span>
      </label>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          data-testid="sync-now"
          className={syncButtonClass}
          onClick={() => void syncNow()}
        >
          {t('syncNow')}
        </button>
        <button
          type="button"
          data-testid="sync-stop"
          className={syncButtonClass}
          title={t('stopHint')}
          onClick={() => state.stop()}
        >
          {t('stop')}
        </button>
        <button
          type="button"
          data-testid="sync-delete"
          className={`${syncButtonClass} text-red-700 dark:text-red-300`}
          onClick={() => setConfirming(true)}
        >
          {t('deleteCopy')}
        </button>
      </div>
      <p className="text-xs text-zinc-500">{t('stopHint')}</p>
      {confirming && (
        <div className="flex flex-col gap-2 rounded-md border border-red-300 p-3 text-sm dark:border-red-800">
          <p>{t('deleteConfirm')}</p>
          <div className="flex gap-2">
            <button
              type="button"
              data-testid="sync-delete-confirm"
              className={`${syncButtonClass} text-red-700 dark:text-red-300`}
              onClick={() => {
                setConfirming(false);
                void import('@/lib/sync/run-sync')
                  .then(({ deleteSyncedCopy }) => deleteSyncedCopy())
                  .catch(() =>
                    useSyncStore.setState({ phase: 'error', error: 'sync:unavailable' }),
                  );
              }}
            >
              {t('deleteCopy')}
            </button>
            <button type="button" className={syncButtonClass} onClick={() => setConfirming(false)}>
              {t('linkIgnore')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
