import { create } from 'zustand';
import type { ChatMessage, Conversation, ConversationParameters } from './chat-types';
import { deleteConversationRecord, loadConversations, saveConversation } from './conversation-db';
import { createPersistScheduler } from './persist-scheduler';

/** A streaming answer is written at least this often, so a reload loses at most this much. */
const streamingSaveIntervalMs = 500;

export type MessagePatch = Partial<ChatMessage> | ((message: ChatMessage) => Partial<ChatMessage>);

interface ChatState {
  conversations: Record<string, Conversation>;
  activeId?: string;
  hydrated: boolean;
  storageError: boolean;
  hydrate: () => Promise<void>;
  startConversation: (model: string, parameters?: ConversationParameters) => string;
  selectConversation: (id: string | undefined) => void;
  setConversationModel: (id: string, model: string) => void;
  setConversationParameters: (id: string, parameters: ConversationParameters) => void;
  appendMessages: (id: string, messages: ChatMessage[]) => void;
  patchMessage: (
    id: string,
    messageId: string,
    patch: MessagePatch,
    options?: { save?: 'now' | 'soon' },
  ) => void;
  deleteConversation: (id: string) => void;
}

const persistence = createPersistScheduler<Conversation>(
  saveConversation,
  streamingSaveIntervalMs,
  () => useChatStore.setState({ storageError: true }),
);

export const useChatStore = create<ChatState>()((set, get) => {
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
    persistence.schedule(id, next, immediate);
  };

  return {
    conversations: {},
    hydrated: false,
    storageError: false,

    async hydrate() {
      if (get().hydrated) return;
      let stored: Conversation[] = [];
      try {
        stored = await loadConversations();
      } catch {
        set({ storageError: true });
      }
      const conversations: Record<string, Conversation> = {};
      for (const conversation of stored) {
        const repaired = markInterrupted(conversation);
        conversations[conversation.id] = repaired;
        if (repaired !== conversation) persistence.schedule(repaired.id, repaired, true);
      }
      const newest = Object.values(conversations).sort((a, b) => b.updatedAt - a.updatedAt)[0];
      set({
        conversations: { ...conversations, ...get().conversations },
        activeId: get().activeId ?? newest?.id,
        hydrated: true,
      });
    },

    startConversation(model, parameters) {
      const now = Date.now();
      const conversation: Conversation = {
        id: crypto.randomUUID(),
        title: '',
        model,
        parameters,
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

    setConversationParameters(id, parameters) {
      update(id, (conversation) => ({ ...conversation, parameters }), true);
    },

    selectConversation(id) {
      set({ activeId: id });
    },

    setConversationModel(id, model) {
      update(id, (conversation) => ({ ...conversation, model }), true);
    },

    appendMessages(id, messages) {
      update(
        id,
        (conversation) => ({
          ...conversation,
          title: conversation.title || titleFrom(messages),
          updatedAt: Date.now(),
          messages: [...conversation.messages, ...messages],
        }),
        true,
      );
    },

    patchMessage(id, messageId, patch, options = {}) {
      update(
        id,
        (conversation) => ({
          ...conversation,
          updatedAt: Date.now(),
          messages: conversation.messages.map((message) =>
            message.id === messageId
              ? { ...message, ...(typeof patch === 'function' ? patch(message) : patch) }
              : message,
          ),
        }),
        options.save === 'now',
      );
    },

    deleteConversation(id) {
      persistence.cancel(id);
      const { [id]: removed, ...rest } = get().conversations;
      if (!removed) return;
      set({ conversations: rest, activeId: get().activeId === id ? undefined : get().activeId });
      deleteConversationRecord(id).catch(() => set({ storageError: true }));
    },
  };
});

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
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

/** Flush pending writes when the page is hidden, so closing a tab mid-stream loses nothing. */
export function flushPendingWrites(): void {
  persistence.flushAll();
}
