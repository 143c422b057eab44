import { conversationFields, type ChatMessage, type Conversation } from './chat-types';

/**
 * Two copies of one conversation changed apart (two tabs each sent a message; two synced devices
 * edited offline) are merged, not swapped: every message of both survives unless one side
 * deleted it by hand, each setting (title, pin, model, …) keeps its latest change, so each side's
 * next save writes the same union and both converge. This side keeps the branch it shows.
 */
export function mergeConversations(local: Conversation, remote: Conversation): Conversation {
  const newer = remote.updatedAt > local.updatedAt ? remote : local;
  const deleted = new Set([
    ...(local.deletedMessageIds ?? []),
    ...(remote.deletedMessageIds ?? []),
  ]);
  const messages = new Map<string, ChatMessage>();
  for (const message of remote.messages) {
    if (!deleted.has(message.id)) messages.set(message.id, message);
  }
  for (const message of local.messages) {
    if (deleted.has(message.id)) continue;
    const other = messages.get(message.id);
    messages.set(message.id, other ? fuller(message, other) : message);
  }
  // A message whose parent was deleted on the other side (it answered, or followed, a message
  // deleted meanwhile) hangs from the nearest ancestor left, so nothing is lost and the tree holds.
  const parents = new Map<string, string | undefined>();
  for (const message of [...remote.messages, ...local.messages]) {
    parents.set(message.id, message.parentId);
  }
  for (const [id, message] of messages) {
    if (message.parentId === undefined || messages.has(message.parentId)) continue;
    let parent = parents.get(message.parentId);
    for (let steps = 0; parent !== undefined && !messages.has(parent); steps++) {
      parent = steps < parents.size ? parents.get(parent) : undefined;
    }
    messages.set(id, { ...message, parentId: parent });
  }
  const merged: Conversation = {
    ...newer,
    // A name the user gave on either side beats an automatic one.
    ...(local.titleSource === 'user' && remote.titleSource !== 'user'
      ? { title: local.title, titleSource: local.titleSource }
      : {}),
    updatedAt: Math.max(local.updatedAt, remote.updatedAt),
    messages: [...messages.values()].sort((a, b) => a.createdAt - b.createdAt),
    leafId: followedLeaf(local.leafId, remote.leafId, messages),
  };
  // Each setting from the side that changed it last by hand.
  const times = { ...local.fieldTimes };
  for (const field of conversationFields) {
    const localTime = local.fieldTimes?.[field] ?? 0;
    const remoteTime = remote.fieldTimes?.[field] ?? 0;
    if (localTime === remoteTime) continue;
    const source = remoteTime > localTime ? remote : local;
    (merged as unknown as Record<string, unknown>)[field] = source[field];
    times[field] = Math.max(localTime, remoteTime);
  }
  if (Object.keys(times).length > 0 || remote.fieldTimes) {
    merged.fieldTimes = { ...remote.fieldTimes, ...times };
  }
  if (deleted.size > 0) merged.deletedMessageIds = [...deleted].sort();
  if (merged.leafId && !messages.has(merged.leafId)) merged.leafId = merged.messages.at(-1)?.id;
  return merged;
}

/**
 * This tab keeps the branch it shows, but follows the other tab when that one only went further
 * along the same branch (it answered, or the user sent the next message there).
 */
function followedLeaf(
  localLeaf: string | undefined,
  remoteLeaf: string | undefined,
  messages: Map<string, ChatMessage>,
): string | undefined {
  if (!localLeaf) return remoteLeaf;
  let current = remoteLeaf ? messages.get(remoteLeaf) : undefined;
  for (let steps = 0; current && steps <= messages.size; steps++) {
    if (current.id === localLeaf) return remoteLeaf;
    current = current.parentId ? messages.get(current.parentId) : undefined;
  }
  return localLeaf;
}

/**
 * Of two copies of one message, the one that got further: finished over streaming, longer text.
 * A tie is broken the same way on both sides, so two copies converge instead of trading places.
 */
function fuller(local: ChatMessage, remote: ChatMessage): ChatMessage {
  if (local.status === 'streaming' && remote.status !== 'streaming') return remote;
  if (remote.status === 'streaming' && local.status !== 'streaming') return local;
  if (remote.content.length !== local.content.length) {
    return remote.content.length > local.content.length ? remote : local;
  }
  return JSON.stringify(remote) > JSON.stringify(local) ? remote : local;
}
