import type { ChatMessage, Conversation } from './chat-types';

/**
 * Two tabs may change the same conversation at once (each sends a message). A change heard from
 * the other tab is merged, not swapped in: every message of both survives, so each tab's next
 * save writes the union and both converge. This tab keeps the branch it shows.
 */
export function mergeConversations(local: Conversation, remote: Conversation): Conversation {
  const newer = remote.updatedAt > local.updatedAt ? remote : local;
  const messages = new Map<string, ChatMessage>();
  for (const message of remote.messages) messages.set(message.id, message);
  for (const message of local.messages) {
    const other = messages.get(message.id);
    messages.set(message.id, other ? fuller(message, other) : message);
  }
  return {
    ...newer,
    // A name the user gave in either tab beats an automatic one.
    ...(local.titleSource === 'user' && remote.titleSource !== 'user'
      ? { title: local.title, titleSource: local.titleSource }
      : {}),
    updatedAt: Math.max(local.updatedAt, remote.updatedAt),
    messages: [...messages.values()].sort((a, b) => a.createdAt - b.createdAt),
    leafId: followedLeaf(local.leafId, remote.leafId, messages),
  };
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

/** Of two copies of one message, the one that got further: finished over streaming, longer text. */
function fuller(local: ChatMessage, remote: ChatMessage): ChatMessage {
  if (local.status === 'streaming' && remote.status !== 'streaming') return remote;
  if (remote.status === 'streaming' && local.status !== 'streaming') return local;
  return remote.content.length > local.content.length ? remote : local;
}
