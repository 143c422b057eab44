import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { ErrorCode } from '@/lib/errors/error-codes';
import type { PersistedSettings } from '@/lib/store/settings-store';
import { emptyMemory, type SyncMemory } from './sync-memory';

/** The preferences that follow a person from device to device. */
export const syncedPreferenceFields = [
  'showReasoning',
  'reasoningCollapsed',
  'sendKey',
  'remoteImages',
  'defaultModel',
  'draftSystemPrompt',
] as const satisfies ReadonlyArray<keyof PersistedSettings>;
/** What follows only when the person ticks "also sync my keys". */
export const syncedKeyFields = [
  'accessCode',
  'providerSettings',
  'customEndpoints',
] as const satisfies ReadonlyArray<keyof PersistedSettings>;

/** Set while another device's settings are applied here, so they do not count as changes here. */
export const applyingSyncedSettings = { now: false };

export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'error';

interface SyncState {
  /** The sync secret; undefined while sync is off on this device. */
  secret?: string;
  /** The secret is on screen until the person says they saved it (it is shown once). */
  revealSecret: boolean;
  /** Keys, endpoint keys and the access code travel too (off by default). */
  includeKeys: boolean;
  memory: SyncMemory;
  /** When the person last changed a synced preference here (0: never, so another device's win). */
  settingsChangedAt: number;
  /** The same for keys, endpoint keys and the access code. */
  keysChangedAt: number;
  lastSyncAt?: number;
  /** What the last run found; not kept across reloads. */
  phase: SyncPhase;
  error?: ErrorCode;
  pending: number;
  tooLarge: number;
  usedBytes?: number;
  quotaBytes?: number;
  lastDurationMs?: number;
  /** Ciphertext the last run sent and received, in characters (bytes: it is base64url). */
  lastBytesSent?: number;
  lastBytesReceived?: number;
  /** A sync key that arrived in a link's fragment, waiting for the person to accept it. */
  offeredSecret?: string;

  start: (secret: string) => void;
  join: (secret: string) => void;
  stop: () => void;
  setIncludeKeys: (include: boolean) => void;
  hideSecret: () => void;
  offer: (secret: string | undefined) => void;
}

export const useSyncStore = create<SyncState>()(
  persist(
    (set) => ({
      revealSecret: false,
      includeKeys: false,
      memory: emptyMemory(),
      settingsChangedAt: 0,
      keysChangedAt: 0,
      phase: 'idle',
      pending: 0,
      tooLarge: 0,
      // A new space: this device's settings are the first, so they are sent.
      start: (secret) =>
        set({
          secret,
          revealSecret: true,
          memory: emptyMemory(),
          settingsChangedAt: Date.now(),
          keysChangedAt: Date.now(),
          lastSyncAt: undefined,
          phase: 'idle',
          error: undefined,
        }),
      // Joining: the space's settings win over this device's until the person changes one here.
      join: (secret) =>
        set({
          secret,
          revealSecret: false,
          offeredSecret: undefined,
          memory: emptyMemory(),
          settingsChangedAt: 0,
          keysChangedAt: 0,
          lastSyncAt: undefined,
          phase: 'idle',
          error: undefined,
        }),
      stop: () =>
        set({
          secret: undefined,
          revealSecret: false,
          memory: emptyMemory(),
          lastSyncAt: undefined,
          phase: 'idle',
          error: undefined,
          pending: 0,
          tooLarge: 0,
          usedBytes: undefined,
          quotaBytes: undefined,
        }),
      setIncludeKeys: (includeKeys) => set({ includeKeys }),
      hideSecret: () => set({ revealSecret: false }),
      offer: (offeredSecret) => set({ offeredSecret }),
    }),
    {
      name: 'parley-sync',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({
        secret: state.secret,
        revealSecret: state.revealSecret,
        includeKeys: state.includeKeys,
        memory: state.memory,
        settingsChangedAt: state.settingsChangedAt,
        keysChangedAt: state.keysChangedAt,
        lastSyncAt: state.lastSyncAt,
      }),
    },
  ),
);
