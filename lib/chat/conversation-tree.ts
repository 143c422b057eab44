import type { ChatMessage, Conversation } from '@/lib/store/chat-types';

/**
 * A conversation keeps every branch: each message names its parent, `leafId` ends the branch on
 * screen. These helpers read that tree; none of them changes it.
 */

/** The messages on screen, first to last: the path from the root to `leafId`. */
export function activeBranch(conversation: Conversation): ChatMessage[] {
  const byId = new Map(conversation.messages.map((message) => [message.id, message]));
  const branch: ChatMessage[] = [];
  const seen = new Set<string>();
  let current = conversation.leafId ? byId.get(conversation.leafId) : undefined;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    branch.push(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return branch.reverse();
}

/** The versions of a message: those with the same parent and role, oldest first. */
export function siblingsOf(conversation: Conversation, message: ChatMessage): ChatMessage[] {
  return conversation.messages
    .filter(
      (candidate) => candidate.parentId === message.parentId && candidate.role === message.role,
    )
    .sort((a, b) => a.createdAt - b.createdAt);
}

/** The newest leaf under a message, following the newest child at each step. */
export function newestLeafUnder(conversation: Conversation, messageId: string): string {
  let leaf = messageId;
  for (let depth = 0; depth < conversation.messages.length; depth++) {
    const children = conversation.messages.filter((message) => message.parentId === leaf);
    const newest = children.sort((a, b) => b.createdAt - a.createdAt)[0];
    if (!newest) break;
    leaf = newest.id;
  }
  return leaf;
}

/** A message and everything that followed from it, in any branch. */
export function withDescendants(conversation: Conversation, messageId: string): Set<string> {
  const removed = new Set([messageId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const message of conversation.messages) {
      if (message.parentId && removed.has(message.parentId) && !removed.has(message.id)) {
        removed.add(message.id);
        grew = true;
      }
    }
  }
  return removed;
}

/**
 * For every message, its versions' ids joined by commas (oldest first), in one pass: rendering a
 * long conversation must not compare every message with every other on each streamed frame.
 */
export function versionIds(conversation: Conversation): Map<string, string> {
  const groups = new Map<string, ChatMessage[]>();
  for (const message of conversation.messages) {
    const key = `${message.parentId ?? ''}|${message.role}`;
    const group = groups.get(key);
    if (group) group.push(message);
    else groups.set(key, [message]);
  }
  const result = new Map<string, string>();
  for (const group of groups.values()) {
    const joined = group
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((message) => message.id)
      .join(',');
    for (const message of group) result.set(message.id, joined);
  }
  return result;
}
