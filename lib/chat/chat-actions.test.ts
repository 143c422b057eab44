import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useChatStore } from '@/lib/store/chat-store';
import { sendMessage } from './chat-actions';
import { gatewayClient } from './gateway-client';

const context = { model: undefined, userKeysAllowed: true };
const model = 'openrouter:deepseek/deepseek-r1';

describe('sending without a network', () => {
  beforeEach(() => {
    vi.stubGlobal('navigator', { onLine: true });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('when the browser knows it is offline, sends nothing and leaves no empty chat behind', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    const provider = vi.spyOn(gatewayClient, 'provider');
    const id = useChatStore.getState().startConversation(model);
    await expect(sendMessage(id, 'Are you there?', [], context)).resolves.toBe('offline');
    expect(provider).not.toHaveBeenCalled();
    expect(useChatStore.getState().conversations[id]).toBeUndefined();
  });

  it('when the server cannot be reached, takes the question back out of the chat', async () => {
    vi.spyOn(gatewayClient, 'provider').mockRejectedValue(new TypeError('Failed to fetch'));
    const id = useChatStore.getState().startConversation(model);
    await expect(sendMessage(id, 'Are you there?', [], context)).resolves.toBe('offline');
    expect(useChatStore.getState().conversations[id]).toBeUndefined();
  });

  it('keeps the earlier messages of a chat when a follow-up cannot be sent', async () => {
    const id = useChatStore.getState().startConversation(model);
    const now = Date.now();
    useChatStore.getState().addMessages(id, [
      { id: 'q1', role: 'user', content: 'First', status: 'done', createdAt: now },
      {
        id: 'a1',
        parentId: 'q1',
        role: 'assistant',
        content: 'Answer',
        status: 'done',
        createdAt: now,
      },
    ]);
    vi.spyOn(gatewayClient, 'provider').mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(sendMessage(id, 'Second', [], context)).resolves.toBe('offline');
    const conversation = useChatStore.getState().conversations[id];
    expect(conversation?.messages.map((message) => message.content)).toEqual(['First', 'Answer']);
    expect(conversation?.leafId).toBe('a1');
  });
});
