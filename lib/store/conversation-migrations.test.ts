import { describe, expect, it } from 'vitest';
import type { Conversation } from './chat-types';
import { migrateConversation } from './conversation-migrations';

const message = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  role: id.startsWith('u') ? 'user' : 'assistant',
  content: id,
  status: 'done',
  createdAt: 1,
  ...extra,
});

const linear = {
  id: 'c1',
  title: 'Linear',
  model: 'openai:gpt-4.1',
  createdAt: 1,
  updatedAt: 2,
  messages: [message('u1'), message('a1', { reasoning: 'Hmm', usage: { outputTokens: 3 } })],
};

const branched: Conversation = {
  ...linear,
  titleSource: 'user',
  messages: [
    { ...message('u1'), role: 'user', status: 'done' },
    { ...message('a1', { parentId: 'u1' }), role: 'assistant', status: 'done' },
    // An edit of the first message is a second root: it must keep having no parent.
    { ...message('u1b'), role: 'user', status: 'done' },
  ],
  leafId: 'u1b',
};

describe('migrateConversation', () => {
  it.each([
    {
      name: 'a version 1 conversation gets parents in list order, a leaf and an automatic title',
      record: linear,
      fromVersion: 1,
      expected: {
        ...linear,
        titleSource: 'auto',
        messages: [
          { ...linear.messages[0], parentId: undefined },
          { ...linear.messages[1], parentId: 'u1' },
        ],
        leafId: 'a1',
      },
    },
    {
      name: 'an empty version 1 conversation stays empty, without a leaf',
      record: { ...linear, messages: [] },
      fromVersion: 1,
      expected: { ...linear, messages: [], titleSource: 'auto', leafId: undefined },
    },
    {
      name: 'a current conversation is kept as it is, branches and all',
      record: branched,
      fromVersion: 2,
      expected: branched,
    },
    {
      name: 'a linear record written into the upgraded database by an old tab is migrated',
      record: linear,
      fromVersion: 2,
      expected: { ...linear, titleSource: 'auto', leafId: 'a1' },
    },
  ])('$name', ({ record, fromVersion, expected }) => {
    expect(migrateConversation(record, fromVersion)).toMatchObject(expected);
  });

  it.each([
    { name: 'null', record: null },
    { name: 'a string', record: 'conversation' },
    { name: 'an array', record: [linear] },
    { name: 'no id', record: { ...linear, id: undefined } },
    { name: 'messages not a list', record: { ...linear, messages: {} } },
    {
      name: 'a message with an unknown role',
      record: { ...linear, messages: [message('u1', { role: 'system' })] },
    },
    { name: 'a message without text', record: { ...linear, messages: [{ id: 'u1' }] } },
  ])('skips garbage: $name', ({ record }) => {
    expect(migrateConversation(record, 1)).toBeUndefined();
  });

  it('leaves data from a newer version to that version', () => {
    expect(migrateConversation(branched, 3)).toBeUndefined();
  });
});
