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

describe('merging copies changed apart (two devices offline)', () => {
  it('keeps each setting’s latest change, whichever copy it came from', () => {
    const renamed: Conversation = {
      ...base,
      title: 'Renamed on A',
      titleSource: 'user',
      fieldTimes: { title: 100, titleSource: 100 },
    };
    const pinned: Conversation = { ...base, pinned: true, fieldTimes: { pinned: 200 } };
    for (const merged of [
      mergeConversations(renamed, pinned),
      mergeConversations(pinned, renamed),
    ]) {
      expect(merged.title).toBe('Renamed on A');
      expect(merged.pinned).toBe(true);
      expect(merged.fieldTimes).toEqual({ title: 100, titleSource: 100, pinned: 200 });
    }
  });

  it('does not bring back a message one copy deleted by hand', () => {
    const deleted: Conversation = {
      ...base,
      messages: [message('u1', undefined, 1)],
      leafId: 'u1',
      deletedMessageIds: ['a1'],
    };
    const grown: Conversation = {
      ...base,
      messages: [...base.messages, message('u2', 'a1', 3)],
      leafId: 'u2',
    };
    const merged = mergeConversations(grown, deleted);
    expect(merged.messages.map((one) => one.id)).toEqual(['u1', 'u2']);
    // What followed the deleted answer now follows what is left above it.
    expect(merged.messages.find((one) => one.id === 'u2')?.parentId).toBe('u1');
    expect(merged.deletedMessageIds).toEqual(['a1']);
    expect(mergeConversations(deleted, grown).messages.map((one) => one.id)).toEqual(['u1', 'u2']);
  });
});
