import { useEffect } from 'react';
import { useChatStore } from '@/lib/store/chat-store';
import { useSettingsStore } from '@/lib/store/settings-store';
import {
  applyingSyncedSettings,
  syncedKeyFields,
  syncedPreferenceFields,
  useSyncStore,
} from './sync-store';

/** Between runs while nothing changes; a change here is sent two seconds after the last one. */
const intervalMs = 20_000;
const settleMs = 2_000;

/** Runs one sync (loaded on first use: a device without sync never loads the engine). */
export async function syncNow(): Promise<void> {
  const { runSyncNow } = await import('./run-sync');
  await runSyncNow();
}

/**
 * Keeps this device in sync while sync is on: at start, every twenty seconds, two seconds after
 * the last local change (a streaming answer is sent once it ends), when the network comes back
 * and when the tab is shown again. Also takes a sync key out of a link's fragment and offers it;
 * it is never used without the person's yes.
 */
export function useSync(): void {
  const secret = useSyncStore((state) => state.secret);
  const hydrated = useChatStore((state) => state.hydrated);

  useEffect(() => {
    const takeOffer = () => {
      const match = /^#sync=([A-Za-z0-9_-]{43})$/.exec(window.location.hash);
      if (!match) return;
      useSyncStore.getState().offer(match[1]);
      // The key leaves the address bar (and the history) at once.
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
    };
    takeOffer();
    // The link pasted into a tab that is already open changes only the fragment.
    window.addEventListener('hashchange', takeOffer);
    return () => window.removeEventListener('hashchange', takeOffer);
  }, []);

  useEffect(
    () =>
      useSettingsStore.subscribe((state, previous) => {
        if (applyingSyncedSettings.now || !useSyncStore.getState().secret) return;
        const changed = (fields: ReadonlyArray<keyof typeof state>) =>
          fields.some((field) => state[field] !== previous[field]);
        if (changed(syncedPreferenceFields)) {
          useSyncStore.setState({ settingsChangedAt: Date.now() });
        }
        if (changed(syncedKeyFields)) useSyncStore.setState({ keysChangedAt: Date.now() });
      }),
    [],
  );

  useEffect(() => {
    if (!secret || !hydrated) return;
    let stopped = false;
    let running = false;
    let again = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      if (stopped) return;
      if (running) {
        again = true;
        return;
      }
      running = true;
      void syncNow().finally(() => {
        running = false;
        if (again) {
          again = false;
          schedule(settleMs);
        }
      });
    };
    const schedule = (delay: number) => {
      clearTimeout(timer);
      timer = setTimeout(run, delay);
    };
    run();
    const interval = setInterval(run, intervalMs);
    const unsubscribeChats = useChatStore.subscribe((state, previous) => {
      if (state.conversations !== previous.conversations) schedule(settleMs);
    });
    const unsubscribeSettings = useSyncStore.subscribe((state, previous) => {
      if (
        state.settingsChangedAt !== previous.settingsChangedAt ||
        state.keysChangedAt !== previous.keysChangedAt ||
        state.includeKeys !== previous.includeKeys
      ) {
        schedule(settleMs);
      }
    });
    const onVisible = () => {
      if (document.visibilityState === 'visible') run();
    };
    window.addEventListener('online', run);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      clearTimeout(timer);
      clearInterval(interval);
      unsubscribeChats();
      unsubscribeSettings();
      window.removeEventListener('online', run);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [secret, hydrated]);
}
