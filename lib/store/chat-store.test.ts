import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { Conversation } from './chat-types';
import { openConversations, saveConversation } from './conversation-db';

const loadConversations = async () => (await openConversations()).conversations;

async function freshStore() {
  vi.resetModules();
  return (await import('./chat-store')).useChatStore;
}

const now = Date.now();
const interrupted: Conversation = {
  id: 'conversation-mid-stream',
  title: 'Cut off',
  model: 'openrouter:deepseek/deepseek-r1',
  createdAt: now,
  updatedAt: now,
  leafId: 'a1',
  messages: [
    { id: 'u1', role: 'user', content: 'Tell me', status: 'done', createdAt: now },
    {
      id: 'a1',
      role: 'assistant',
      content: 'Partial ans',
      reasoning: 'Hmm',
      status: 'streaming',
      createdAt: now,
    },
  ],
};

describe('the chat store and its IndexedDB records', () => {
  it('after a reload mid-stream, keeps the partial answer and marks it interrupted', async () => {
    await saveConversation(interrupted);
    const store = await freshStore();
    await store.getState().hydrate();
    const message = store.getState().conversations[interrupted.id]?.messages[1];
    expect(message).toMatchObject({
      content: 'Partial ans',
      reasoning: 'Hmm',
      status: 'interrupted',
    });
    expect(store.getState().activeId).toBe(interrupted.id);
    await vi.waitFor(async () => {
      const stored = (await loadConversations()).find(
        (conversation) => conversation.id === interrupted.id,
      );
      expect(stored?.messages[1]?.status).toBe('interrupted');
    });
  });

  it('stores each conversation as its own record, and a streaming answer at least twice a second', async () => {
    const store = await freshStore();
    await store.getState().hydrate();
    const first = store.getState().startConversation('openai:gpt-4.1');
    const second = store.getState().startConversation('openai:gpt-4.1');
    for (const id of [first, second]) {
      store.getState().addMessages(id, [
        { id: `${id}-u`, role: 'user', content: `Question ${id}`, status: 'done', createdAt: now },
        {
          id: `${id}-a`,
          parentId: `${id}-u`,
          role: 'assistant',
          content: '',
          status: 'streaming',
          createdAt: now,
        },
      ]);
    }
    await vi.waitFor(async () => {
      const ids = (await loadConversations()).map((conversation) => conversation.id);
      expect(ids).toEqual(expect.arrayContaining([first, second]));
    });

    store
      .getState()
      .patchMessage(first, `${first}-a`, { content: 'Streaming text' }, { save: 'soon' });
    await vi.waitFor(
      async () => {
        const stored = (await loadConversations()).find(
          (conversation) => conversation.id === first,
        );
        expect(stored?.messages[1]?.content).toBe('Streaming text');
      },
      { timeout: 1000, interval: 50 },
    );
    expect(store.getState().conversations[first]?.title).toBe(`Question ${first}`);
  });

  it('deletes a conversation record', async () => {
    const store = await freshStore();
    await store.getState().hydrate();
    store.getState().deleteConversation(interrupted.id);
    await vi.waitFor(async () => {
      const ids = (await loadConversations()).map((conversation) => conversation.id);
      expect(ids).not.toContain(interrupted.id);
    });
  });
});
