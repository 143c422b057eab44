import { create } from 'zustand';
import { newestLeafUnder, withDescendants } from '@/lib/chat/conversation-tree';
import type { ChatMessage, Conversation, ConversationParameters } from './chat-types';
import {
  deleteConversationRecord,
  loadConversation,
  openConversations,
  requestPersistentStorage,
  saveConversation,
  StorageFullError,
  StorageReadOnlyError,
  type StorageState,
} from './conversation-db';
import { announceChange, onRemoteChange } from './conversation-sync';
import { mergeConversations } from './merge-conversations';
import { createPersistScheduler } from './persist-scheduler';

/** A streaming answer is written at least this often, so a reload loses at most this much. */
const streamingSaveIntervalMs = 500;

export type MessagePatch = Partial<ChatMessage> | ((message: ChatMessage) => Partial<ChatMessage>);
type ConversationChange = Partial<
  Pick<Conversation, 'model' | 'parameters' | 'systemPrompt' | 'pinned' | 'title' | 'titleSource'>
>;

interface ChatState {
  conversations: Record<string, Conversation>;
  activeId?: string;
  hydrated: boolean;
  storage: StorageState['mode'];
  /** The browser refused a write (storage full): the chat goes on in memory. */
  storageFull: boolean;
  hydrate: () => Promise<void>;
  startConversation: (
    model: string,
    parameters?: ConversationParameters,
    systemPrompt?: string,
  ) => string;
  selectConversation: (id: string | undefined) => void;
  changeConversation: (id: string, change: ConversationChange) => void;
  /** Appends messages (each naming its parent) and shows the branch that ends with the last. */
  addMessages: (id: string, messages: ChatMessage[]) => void;
  patchMessage: (
    id: string,
    messageId: string,
    patch: MessagePatch,
    options?: { save?: 'now' | 'soon' },
  ) => void;
  /** Shows another version of a message: the branch through it, to its newest end. */
  selectVersion: (id: string, messageId: string) => void;
  deleteMessage: (id: string, messageId: string) => void;
  /** Removes a conversation and returns it, so the user can undo. */
  deleteConversation: (id: string) => Conversation | undefined;
  restoreConversation: (conversation: Conversation) => void;
  /** Saves imported (already merged) conversations. */
  putConversations: (conversations: Conversation[]) => void;
}

const persistence = createPersistScheduler<Conversation>(
  async (conversation) => {
    try {
      await saveConversation(conversation);
      announceChange({ type: 'saved', id: conversation.id, updatedAt: conversation.updatedAt });
    } catch (error) {
      if (error instanceof StorageFullError) useChatStore.setState({ storageFull: true });
      // A newer Parley upgraded the database in another tab: stop writing, say so.
      else if (error instanceof StorageReadOnlyError)
        useChatStore.setState({ storage: 'read-only' });
      else throw error;
    }
  },
  streamingSaveIntervalMs,
  () => undefined,
);

export const useChatStore = create<ChatState>()((set, get) => {
  const writable = () => get().storage === 'read-write';
  /** Applies a change to one conversation and schedules its write. */
  const update = (
    id: string,
    change: (conversation: Conversation) => Conversation,
    immediate: boolean,
  ) => {
    const current = get().conversations[id];
    if (!current) return;
    const next = change(current);
    set({ conversations: { ...get().conversations, [id]: next } });
    if (writable()) persistence.schedule(id, next, immediate);
  };
  const touch = (conversation: Conversation): Conversation => ({
    ...conversation,
    updatedAt: Date.now(),
  });

  return {
    conversations: {},
    hydrated: false,
    storage: 'read-write',
    storageFull: false,

    async hydrate() {
      if (get().hydrated) return;
      const { conversations: stored, state } = await openConversations();
      const conversations: Record<string, Conversation> = {};
      for (const conversation of stored) {
        const repaired = state.mode === 'read-write' ? markInterrupted(conversation) : conversation;
        conversations[conversation.id] = repaired;
        if (repaired !== conversation) persistence.schedule(repaired.id, repaired, true);
      }
      const newest = Object.values(conversations).sort((a, b) => b.updatedAt - a.updatedAt)[0];
      set({
        conversations: { ...conversations, ...get().conversations },
        activeId: get().activeId ?? newest?.id,
        hydrated: true,
        storage: state.mode,
      });
      if (state.mode === 'read-write') void requestPersistentStorage();
      onRemoteChange((change: RemoteChange) => void applyRemoteChange(change));
    },

    startConversation(model, parameters, systemPrompt) {
      const now = Date.now();
      const conversation: Conversation = {
        id: crypto.randomUUID(),
        title: '',
        titleSource: 'auto',
        model,
        parameters,
        systemPrompt: systemPrompt || undefined,
        createdAt: now,
        updatedAt: now,
        messages: [],
      };
      set({
        conversations: { ...get().conversations, [conversation.id]: conversation },
        activeId: conversation.id,
      });
      return conversation.id;
    },

    selectConversation(id) {
      set({ activeId: id });
    },

    changeConversation(id, change) {
      // Each changed setting is stamped, so a copy changed elsewhere merges field by field.
      const now = Date.now();
      const stamps = Object.fromEntries(Object.keys(change).map((field) => [field, now]));
      update(
        id,
        (conversation) => ({
          ...conversation,
          ...change,
          fieldTimes: { ...conversation.fieldTimes, ...stamps },
        }),
        true,
      );
    },

    addMessages(id, messages) {
      update(
        id,
        (conversation) =>
          touch({
            ...conversation,
            title: conversation.title || titleFrom(messages),
            messages: [...conversation.messages, ...messages],
            leafId: messages.at(-1)?.id ?? conversation.leafId,
          }),
        true,
      );
    },

    patchMessage(id, messageId, patch, options = {}) {
      // Streamed deltas do not move the conversation in the sidebar on every frame; the final
      // patch of an answer (saved now) does.
      const stamp = options.save === 'now' ? touch : (conversation: Conversation) => conversation;
      update(
        id,
        (conversation) =>
          stamp({
            ...conversation,
            messages: conversation.messages.map((message) =>
              message.id === messageId
                ? { ...message, ...(typeof patch === 'function' ? patch(message) : patch) }
                : message,
            ),
          }),
        options.save === 'now',
      );
    },

    selectVersion(id, messageId) {
      update(
        id,
        (conversation) => ({ ...conversation, leafId: newestLeafUnder(conversation, messageId) }),
        true,
      );
    },

    deleteMessage(id, messageId) {
      update(
        id,
        (conversation) => {
          const removed = withDescendants(conversation, messageId);
          const target = conversation.messages.find((message) => message.id === messageId);
          const remaining = {
            ...conversation,
            messages: conversation.messages.filter((message) => !removed.has(message.id)),
            // Remembered, so another tab's or device's copy does not bring them back.
            deletedMessageIds: [...(conversation.deletedMessageIds ?? []), ...removed],
          };
          const leafGone = conversation.leafId !== undefined && removed.has(conversation.leafId);
          const leafId = !leafGone
            ? conversation.leafId
            : target?.parentId
              ? newestLeafUnder(remaining, target.parentId)
              : remaining.messages.at(-1)?.id;
          return touch({ ...remaining, leafId });
        },
        true,
      );
    },

    deleteConversation(id) {
      persistence.cancel(id);
      const { [id]: removed, ...rest } = get().conversations;
      if (!removed) return undefined;
      set({ conversations: rest, activeId: get().activeId === id ? undefined : get().activeId });
      if (writable()) {
        deleteConversationRecord(id)
          .then(() => announceChange({ type: 'deleted', id }))
          .catch((error: unknown) => {
            if (error instanceof StorageFullError) set({ storageFull: true });
            if (error instanceof StorageReadOnlyError) set({ storage: 'read-only' });
          });
      }
      return removed;
    },

    restoreConversation(conversation) {
      set({
        conversations: { ...get().conversations, [conversation.id]: conversation },
        activeId: conversation.id,
      });
      if (writable()) persistence.schedule(conversation.id, conversation, true);
    },

    putConversations(conversations) {
      const next = { ...get().conversations };
      for (const conversation of conversations) next[conversation.id] = conversation;
      set({ conversations: next });
      if (writable())
        for (const conversation of conversations)
          persistence.schedule(conversation.id, conversation, true);
    },
  };
});

/** Another tab saved or deleted a conversation: merge its copy in, never lose a message. */
type RemoteChange =
  { type: 'saved'; id: string; updatedAt: number } | { type: 'deleted'; id: string };

async function applyRemoteChange(change: RemoteChange): Promise<void> {
  const state = useChatStore.getState();
  const local = state.conversations[change.id];
  if (change.type === 'deleted') {
    if (!local) return;
    const { [change.id]: removed, ...rest } = state.conversations;
    void removed;
    useChatStore.setState({
      conversations: rest,
      activeId: state.activeId === change.id ? undefined : state.activeId,
    });
    return;
  }
  // Always read and merge: both tabs may have written within one save window.
  const remote = await loadConversation(change.id);
  if (!remote) return;
  const current = useChatStore.getState().conversations[change.id];
  const merged = current ? mergeConversations(current, remote) : remote;
  useChatStore.setState({
    conversations: { ...useChatStore.getState().conversations, [change.id]: merged },
  });
  // Messages only this tab had are written back, so the stored copy holds both tabs' messages.
  const remoteIds = new Set(remote.messages.map((message) => message.id));
  if (
    merged.messages.some((message) => !remoteIds.has(message.id)) &&
    useChatStore.getState().storage === 'read-write'
  ) {
    persistence.schedule(merged.id, merged, true);
  }
}

/** A message still "streaming" in storage was cut off by a reload or a crash: keep its text, mark it. */
function markInterrupted(conversation: Conversation): Conversation {
  if (!conversation.messages.some((message) => message.status === 'streaming')) return conversation;
  return {
    ...conversation,
    messages: conversation.messages.map((message) =>
      message.status === 'streaming' ? { ...message, status: 'interrupted' } : message,
    ),
  };
}

function titleFrom(messages: ChatMessage[]): string {
  const first = messages.find((message) => message.role === 'user')?.content.trim() ?? '';
  const line = first.split('\n')[0] ?? '';
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

export function sortedConversations(conversations: Record<string, Conversation>): Conversation[] {
  return Object.values(conversations)
    .filter((conversation) => conversation.messages.length > 0)
    .sort(
      (a, b) => Number(b.pinned ?? false) - Number(a.pinned ?? false) || b.updatedAt - a.updatedAt,
    );
}

/** Flush pending writes when the page is hidden, so closing a tab mid-stream loses nothing. */
export function flushPendingWrites(): void {
  persistence.flushAll();
}
