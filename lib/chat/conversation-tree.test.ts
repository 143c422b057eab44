import { describe, expect, it } from 'vitest';
import type { ChatMessage, Conversation } from '@/lib/store/chat-types';
import { activeBranch, newestLeafUnder, siblingsOf, withDescendants } from './conversation-tree';

const message = (
  id: string,
  parentId: string | undefined,
  role: ChatMessage['role'],
  createdAt: number,
): ChatMessage => ({
  id,
  parentId,
  role,
  content: id,
  status: 'done',
  createdAt,
});

// u1 → a1 → u2 → a2
//        ↘ a1b (regenerated) → u3 → a3
const conversation: Conversation = {
  id: 'c',
  title: 't',
  model: 'openai:gpt-4.1',
  createdAt: 0,
  updatedAt: 0,
  messages: [
    message('u1', undefined, 'user', 1),
    message('a1', 'u1', 'assistant', 2),
    message('u2', 'a1', 'user', 3),
    message('a2', 'u2', 'assistant', 4),
    message('a1b', 'u1', 'assistant', 5),
    message('u3', 'a1b', 'user', 6),
    message('a3', 'u3', 'assistant', 7),
  ],
  leafId: 'a2',
};

describe('the conversation tree', () => {
  it('reads the branch on screen from the root to the leaf', () => {
    expect(activeBranch(conversation).map((entry) => entry.id)).toEqual(['u1', 'a1', 'u2', 'a2']);
    expect(activeBranch({ ...conversation, leafId: 'a3' }).map((entry) => entry.id)).toEqual([
      'u1',
      'a1b',
      'u3',
      'a3',
    ]);
    expect(activeBranch({ ...conversation, leafId: undefined })).toEqual([]);
  });

  it('finds the versions of an answer and the newest leaf under a version', () => {
    const a1 = conversation.messages[1]!;
    expect(siblingsOf(conversation, a1).map((entry) => entry.id)).toEqual(['a1', 'a1b']);
    expect(newestLeafUnder(conversation, 'a1b')).toBe('a3');
    expect(newestLeafUnder(conversation, 'a1')).toBe('a2');
  });

  it('collects a message with everything that followed it', () => {
    expect([...withDescendants(conversation, 'a1b')].sort()).toEqual(['a1b', 'a3', 'u3']);
  });

  it('survives a cycle in damaged data', () => {
    const cyclic = {
      ...conversation,
      messages: [message('x', 'y', 'user', 1), message('y', 'x', 'assistant', 2)],
      leafId: 'y',
    };
    expect(activeBranch(cyclic).map((entry) => entry.id)).toEqual(['x', 'y']);
  });
});
