import { describe, expect, it } from 'vitest';
import type { ChatMessage, Conversation } from './chat-types';
import { mergeConversations } from './merge-conversations';

const message = (
  id: string,
  parentId: string | undefined,
  createdAt: number,
  extra: Partial<ChatMessage> = {},
): ChatMessage => ({
  id,
  parentId,
  role: id.startsWith('u') ? 'user' : 'assistant',
  content: id,
  status: 'done',
  createdAt,
  ...extra,
});

const base: Conversation = {
  id: 'c',
  title: 'Auto',
  titleSource: 'auto',
  model: 'openai:gpt-4.1',
  createdAt: 0,
  updatedAt: 10,
  messages: [message('u1', undefined, 1), message('a1', 'u1', 2)],
  leafId: 'a1',
};

describe('merging a conversation changed in two tabs', () => {
  it('keeps the messages each tab sent, and this tab’s branch', () => {
    const local = {
      ...base,
      updatedAt: 20,
      messages: [...base.messages, message('uA', 'a1', 3), message('aA', 'uA', 4)],
      leafId: 'aA',
    };
    const remote = {
      ...base,
      updatedAt: 21,
      messages: [...base.messages, message('uB', 'a1', 5), message('aB', 'uB', 6)],
      leafId: 'aB',
    };
    const merged = mergeConversations(local, remote);
    expect(merged.messages.map((entry) => entry.id)).toEqual(['u1', 'a1', 'uA', 'aA', 'uB', 'aB']);
    expect(merged.leafId).toBe('aA');
    expect(merged.updatedAt).toBe(21);
  });

  it('takes the copy of a message that got further, and a title the user chose', () => {
    const local = {
      ...base,
      title: 'Mine',
      titleSource: 'user' as const,
      messages: [
        message('u1', undefined, 1),
        message('a1', 'u1', 2, { status: 'streaming', content: 'Par' }),
      ],
    };
    const remote = {
      ...base,
      updatedAt: 30,
      messages: [
        message('u1', undefined, 1),
        message('a1', 'u1', 2, { content: 'Partial answer, finished' }),
      ],
    };
    const merged = mergeConversations(local, remote);
    expect(merged.messages[1]).toMatchObject({
      status: 'done',
      content: 'Partial answer, finished',
    });
    expect(merged.title).toBe('Mine');
  });
});
