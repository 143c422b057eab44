import { describe, expect, it } from 'vitest';
import type { ChatMessage, Conversation } from './chat-types';
import { exportAllJson, ImportError, mergeImported, parseImport } from './export-import';

const message = (id: string, parentId?: string, extra: Partial<ChatMessage> = {}): ChatMessage => ({
  id,
  parentId,
  role: id.startsWith('u') ? 'user' : 'assistant',
  content: `Text of ${id}`,
  status: 'done',
  createdAt: 1,
  ...extra,
});

const conversation: Conversation = {
  id: 'c1',
  title: 'Tides',
  titleSource: 'user',
  model: 'anthropic:claude-sonnet-4',
  parameters: { temperature: 0.3, reasoningEffort: 'high' },
  systemPrompt: 'Be brief.',
  pinned: true,
  createdAt: 1,
  updatedAt: 5,
  messages: [
    message('u1', undefined, {
      images: [
        {
          id: 'i1',
          dataUrl: 'data:image/png;base64,iVBORw0K=',
          mimeType: 'image/png',
          width: 2,
          height: 3,
        },
      ],
    }),
    message('a1', 'u1', {
      reasoning: 'Hmm',
      reasoningSignature: 'sig',
      usage: { inputTokens: 3, outputTokens: 4, cost: 0.01 },
      error: { code: 'upstream:rate_limited', retryAfterSeconds: 2 },
      status: 'error',
    }),
    message('a2', 'u1'),
  ],
  leafId: 'a2',
};

const envelope = (version: number, conversations: unknown[]) =>
  JSON.stringify({ app: 'parley', kind: 'conversations', version, conversations });

describe('export and import', () => {
  it('round-trips every conversation through the JSON file', () => {
    const second = { ...conversation, id: 'c2', messages: [], leafId: undefined };
    const text = exportAllJson([conversation, second]);
    expect(JSON.parse(text)).toMatchObject({ app: 'parley', kind: 'conversations', version: 2 });
    expect(parseImport(text)).toEqual({ conversations: [conversation, second], skipped: 0 });
  });

  it('migrates conversations from a version 1 file', () => {
    const linear = { ...conversation, leafId: undefined, titleSource: undefined };
    linear.messages = conversation.messages.map(({ parentId, ...rest }) => (void parentId, rest));
    const { conversations } = parseImport(envelope(1, [linear]));
    expect(conversations[0]?.messages.map((entry) => entry.parentId)).toEqual([
      undefined,
      'u1',
      'a1',
    ]);
    expect(conversations[0]).toMatchObject({ leafId: 'a2', titleSource: 'auto' });
  });

  it('drops fields it does not know and marks a cut-off stream interrupted', () => {
    const extra = {
      ...conversation,
      apiKey: 'sk-secret',
      messages: [message('u1', undefined, { status: 'streaming' })],
      leafId: 'u1',
    };
    const text = parseImport(envelope(2, [extra]));
    expect(JSON.stringify(text)).not.toContain('sk-secret');
    expect(text.conversations[0]?.messages[0]?.status).toBe('interrupted');
  });

  it.each([
    {
      name: 'a remote image',
      change: {
        images: [
          { ...conversation.messages[0]?.images?.[0], dataUrl: 'https://example.com/a.png' },
        ],
      },
    },
    {
      name: 'an SVG image',
      change: {
        images: [
          {
            ...conversation.messages[0]?.images?.[0],
            dataUrl: 'data:image/svg+xml;base64,PHN2Zz4=',
          },
        ],
      },
    },
    { name: 'an unknown role', change: { role: 'system' } },
    { name: 'an unknown status', change: { status: 'thinking' } },
    { name: 'text that is not a string', change: { content: 42 } },
    { name: 'a parent that is missing', change: { parentId: 'nowhere' } },
    { name: 'a cycle', change: { parentId: 'a2' } },
  ])('skips a conversation with $name', ({ change }) => {
    const [first, ...rest] = conversation.messages;
    const broken = { ...conversation, messages: [{ ...first, ...change }, ...rest] };
    expect(parseImport(envelope(2, [broken, conversation]))).toEqual({
      conversations: [conversation],
      skipped: 1,
    });
  });

  it.each([
    { name: 'not JSON', text: 'hello', reason: 'invalid-json' },
    { name: 'a list', text: '[]', reason: 'not-parley' },
    {
      name: 'another app',
      text: JSON.stringify({ app: 'other', conversations: [] }),
      reason: 'not-parley',
    },
    { name: 'a newer version', text: envelope(3, []), reason: 'newer-version' },
  ])('refuses a file that is $name', ({ text, reason }) => {
    expect(() => parseImport(text)).toThrow(ImportError);
    expect(() => parseImport(text)).toThrow(expect.objectContaining({ reason }));
  });
});

describe('mergeImported', () => {
  it('never duplicates: importing the same file twice saves nothing the second time', () => {
    const first = mergeImported([], [conversation, conversation]);
    expect(first).toEqual([conversation]);
    expect(mergeImported(first, [conversation])).toEqual([]);
  });

  it('keeps the stored title and branch unless the import is newer, and unites messages', () => {
    const stored = { ...conversation, title: 'Stored', updatedAt: 5 };
    const imported = {
      ...conversation,
      title: 'Imported',
      updatedAt: 4,
      messages: [message('u1', undefined, { content: 'Imported copy' }), message('a3', 'u1')],
      leafId: 'a3',
    };
    const [older] = mergeImported([stored], [imported]);
    expect(older).toMatchObject({ title: 'Stored', leafId: 'a2' });
    expect(older?.messages.map((entry) => entry.id)).toEqual(['u1', 'a1', 'a2', 'a3']);
    expect(older?.messages[0]).toBe(stored.messages[0]);

    const [newer] = mergeImported([stored], [{ ...imported, updatedAt: 6 }]);
    expect(newer).toMatchObject({ title: 'Imported', leafId: 'a3', updatedAt: 6 });
    expect(newer?.messages.map((entry) => entry.id)).toEqual(['u1', 'a1', 'a2', 'a3']);
    expect(newer?.messages[0]?.content).toBe(stored.messages[0]?.content);
  });
});
