import { gatewayClient } from '@/lib/chat/gateway-client';
import { ParleyError } from '@/lib/errors/parley-error';
import { useChatStore } from '@/lib/store/chat-store';
import { useSettingsStore, type PersistedSettings } from '@/lib/store/settings-store';
import { deriveSyncKeys, type SyncKeys } from './sync-crypto';
import {
  runSync,
  type RemoteRecord,
  type SyncLocal,
  type SyncTransport,
  type WriteOutcome,
} from './sync-engine';
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
    changes: (after) =>
      call<{ sequence: number; usedBytes: number; quotaBytes: number; records: RemoteRecord[] }>({
        query: `?after=${after}`,
      }),
    write: (records) =>
      call<{ sequenceBefore: number; sequenceAfter: number; outcomes: WriteOutcome[] }>({
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
      return {
        value: {
          preferences: pick(settings, preferenceFields),
          keys: includeKeys ? pick(settings, keyFields) : undefined,
        },
        changedAt: useSyncStore.getState().settingsChangedAt,
      };
    },
    applySettings: (value, changedAt) => {
      const change: Record<string, unknown> = {};
      for (const field of preferenceFields) {
        if (field in value.preferences) change[field] = value.preferences[field];
      }
      // Keys are taken only where this device also syncs them: never a half-chosen surprise.
      if (includeKeys && value.keys) {
        for (const field of keyFields) if (field in value.keys) change[field] = value.keys[field];
      }
      applyingSyncedSettings.now = true;
      try {
        useSettingsStore.setState(change as Partial<PersistedSettings>);
      } finally {
        applyingSyncedSettings.now = false;
      }
      useSyncStore.setState({ settingsChangedAt: changedAt });
    },
  };
}

function pick<Source extends object, Field extends keyof Source>(
  source: Source,
  fields: readonly Field[],
): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field, source[field]]));
}
