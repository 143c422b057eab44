import { gatewayClient } from '@/lib/chat/gateway-client';
import { ParleyError } from '@/lib/errors/parley-error';
import { useChatStore } from '@/lib/store/chat-store';
import { useSettingsStore, type PersistedSettings } from '@/lib/store/settings-store';
import { deriveSyncKeys, type SyncKeys } from './sync-crypto';
import { runSync, type SettingsRecord, type SyncLocal, type SyncTransport } from './sync-engine';
import type { ChangesPage, SyncRecord, WriteResult } from './sync-wire';
import {
  applyingSyncedSettings,
  syncedKeyFields as keyFields,
  syncedPreferenceFields as preferenceFields,
  useSyncStore,
} from './sync-store';

let keysFor: { secret: string; keys: Promise<SyncKeys> } | undefined;

/**
 * One sync run with this device's stores, reported in the sync store. Never throws: a failure
 * is shown ("offline", or the error) and the next run tries again.
 */
export async function runSyncNow(): Promise<void> {
  const { secret, memory, includeKeys } = useSyncStore.getState();
  if (!secret) return;
  if (keysFor?.secret !== secret) keysFor = { secret, keys: deriveSyncKeys(secret) };
  const keys = await keysFor.keys;
  const accessCode = useSettingsStore.getState().accessCode;
  const working = structuredClone(memory);
  const started = performance.now();
  useSyncStore.setState({ phase: 'syncing' });
  try {
    const report = await runSync(
      keys,
      transportFor(keys.spaceId, accessCode),
      local(includeKeys),
      working,
    );
    // Sync was stopped (or the key changed) while this ran: its results belong to nobody.
    if (useSyncStore.getState().secret !== secret) return;
    useSyncStore.setState({
      memory: working,
      phase: report.quotaExceeded ? 'error' : 'idle',
      error: report.quotaExceeded ? 'sync:quota_exceeded' : undefined,
      lastSyncAt: Date.now(),
      pending: report.pending,
      tooLarge: report.tooLarge,
      usedBytes: report.usedBytes,
      quotaBytes: report.quotaBytes,
      lastDurationMs: Math.round(performance.now() - started),
      lastBytesSent: report.bytesSent,
      lastBytesReceived: report.bytesReceived,
    });
  } catch (error) {
    if (useSyncStore.getState().secret !== secret) return;
    // What was read and written before the failure stays remembered.
    useSyncStore.setState({ memory: working });
    if (error instanceof ParleyError) {
      useSyncStore.setState({ phase: 'error', error: error.code });
    } else {
      const offline = typeof navigator !== 'undefined' && !navigator.onLine;
      useSyncStore.setState({ phase: offline ? 'offline' : 'error', error: 'network:offline' });
    }
  }
}

/** Deletes the space's records on the server, then stops syncing here. */
export async function deleteSyncedCopy(): Promise<void> {
  const { secret } = useSyncStore.getState();
  if (!secret) return;
  const { spaceId } = await deriveSyncKeys(secret);
  const response = await gatewayClient.sync(spaceId, useSettingsStore.getState().accessCode, {
    method: 'DELETE',
  });
  if (!response.ok) throw await ParleyError.fromResponse(response);
  useSyncStore.getState().stop();
}

function transportFor(spaceId: string, accessCode: string): SyncTransport {
  const call = async <Answer>(options: Parameters<typeof gatewayClient.sync>[2]) => {
    const response = await gatewayClient.sync(spaceId, accessCode, options);
    if (!response.ok) throw await ParleyError.fromResponse(response);
    return (await response.json()) as Answer;
  };
  return {
    changes: (after) => call<ChangesPage>({ query: `?after=${after}` }),
    records: async (ids) =>
      (
        await call<{ records: Array<Omit<SyncRecord, 'sequence'>> }>({
          query: `?ids=${ids.join(',')}`,
        })
      ).records,
    write: (records) =>
      call<WriteResult>({
        method: 'PUT',
        body: { records },
      }),
  };
}

function local(includeKeys: boolean): SyncLocal {
  return {
    conversations: () => Object.values(useChatStore.getState().conversations),
    putConversations: (conversations) => useChatStore.getState().putConversations(conversations),
    removeConversations: (ids) => {
      for (const id of ids) useChatStore.getState().deleteConversation(id);
    },
    settings: () => {
      const settings = useSettingsStore.getState();
      const { settingsChangedAt, keysChangedAt } = useSyncStore.getState();
      const records: SettingsRecord[] = [
        {
          name: 'settings',
          value: pick(settings, preferenceFields),
          changedAt: settingsChangedAt,
        },
      ];
      if (includeKeys) {
        records.push({ name: 'keys', value: pick(settings, keyFields), changedAt: keysChangedAt });
      }
      return records;
    },
    applySettings: ({ name, value, changedAt }) => {
      const sync = useSyncStore.getState();
      const newer = changedAt > (name === 'keys' ? sync.keysChangedAt : sync.settingsChangedAt);
      const change: Partial<PersistedSettings> = {};
      if (name === 'settings' && newer) {
        for (const field of preferenceFields) {
          if (field in value) Object.assign(change, { [field]: value[field] });
        }
      }
      // A key another device has fills an empty place here, or replaces this one when that
      // device's change is newer; it is never erased.
      if (name === 'keys') mergeKeys(useSettingsStore.getState(), value, newer, change);
      if (Object.keys(change).length > 0) {
        applyingSyncedSettings.now = true;
        try {
          useSettingsStore.setState(change);
        } finally {
          applyingSyncedSettings.now = false;
        }
      }
      if (newer) {
        useSyncStore.setState(
          name === 'keys' ? { keysChangedAt: changedAt } : { settingsChangedAt: changedAt },
        );
      }
    },
  };
}

function pick<Source extends object, Field extends keyof Source>(
  source: Source,
  fields: readonly Field[],
): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field, source[field]]));
}

function mergeKeys(
  current: PersistedSettings,
  remote: Record<string, unknown>,
  newer: boolean,
  change: Partial<PersistedSettings>,
): void {
  const code = typeof remote.accessCode === 'string' ? remote.accessCode : '';
  if (code && (newer || !current.accessCode) && code !== current.accessCode) {
    change.accessCode = code;
  }
  const remoteProviders = (remote.providerSettings ?? {}) as PersistedSettings['providerSettings'];
  const providers = { ...current.providerSettings };
  let providersChanged = false;
  for (const [id, settings] of Object.entries(remoteProviders)) {
    const provider = id as keyof PersistedSettings['providerSettings'];
    const mine = providers[provider];
    if (!settings?.apiKey || settings.apiKey === mine?.apiKey) continue;
    if (mine?.apiKey && !newer) continue;
    providers[provider] = { ...settings, ...mine, apiKey: settings.apiKey };
    providersChanged = true;
  }
  if (providersChanged) change.providerSettings = providers;
  const remoteEndpoints = Array.isArray(remote.customEndpoints)
    ? (remote.customEndpoints as PersistedSettings['customEndpoints'])
    : [];
  const known = new Set(current.customEndpoints.map((endpoint) => endpoint.id));
  const added = remoteEndpoints.filter((endpoint) => !known.has(endpoint.id));
  if (added.length > 0) change.customEndpoints = [...current.customEndpoints, ...added];
}
