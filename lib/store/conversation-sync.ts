/**
 * Tells the other tabs of this browser that a conversation was saved or deleted, so each can
 * re-read it from IndexedDB. Only ids and times travel: the record itself is read from storage,
 * which is the one copy every tab agrees on.
 */
export type ConversationChange =
  { type: 'saved'; id: string; updatedAt: number } | { type: 'deleted'; id: string };

const channelName = 'parley-conversations';

let channel: BroadcastChannel | undefined;
const listeners = new Set<(change: ConversationChange) => void>();

/**
 * One channel per tab, for sending and hearing alike: a BroadcastChannel never receives its own
 * messages, so this tab's saves do not come back to it as remote changes.
 */
function tabChannel(): BroadcastChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  if (!channel) {
    channel = new BroadcastChannel(channelName);
    channel.onmessage = (event: MessageEvent<unknown>) => {
      // Another tab may run another version of Parley: act only on messages this one understands.
      if (!isChange(event.data)) return;
      for (const listener of listeners) listener(event.data);
    };
  }
  return channel;
}

/** Call after the write committed, so the other tabs read the new record, not the old one. */
export function announceChange(change: ConversationChange): void {
  tabChannel()?.postMessage(change);
}

/** Listens for the other tabs' changes; returns the function that stops listening. */
export function onRemoteChange(listener: (change: ConversationChange) => void): () => void {
  if (!tabChannel()) return () => undefined;
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    channel?.close();
    channel = undefined;
  };
}

function isChange(value: unknown): value is ConversationChange {
  if (typeof value !== 'object' || value === null) return false;
  if (!('type' in value) || !('id' in value) || typeof value.id !== 'string') return false;
  if (value.type === 'deleted') return true;
  return value.type === 'saved' && 'updatedAt' in value && typeof value.updatedAt === 'number';
}
