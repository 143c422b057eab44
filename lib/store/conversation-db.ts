import { createStore, del, set, values, type UseStore } from 'idb-keyval';
import type { Conversation } from './chat-types';

let store: UseStore | undefined;

/** One IndexedDB record per conversation, so saving one never rewrites the whole history. */
function conversationStore(): UseStore {
  store ??= createStore('parley', 'conversations');
  return store;
}

export function loadConversations(): Promise<Conversation[]> {
  return values<Conversation>(conversationStore());
}

export function saveConversation(conversation: Conversation): Promise<void> {
  return set(conversation.id, conversation, conversationStore());
}

export function deleteConversationRecord(id: string): Promise<void> {
  return del(id, conversationStore());
}
