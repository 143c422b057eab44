import { describe, expect, it } from 'vitest';
import type { Conversation } from './chat-types';
import { conversationToMarkdown } from './conversation-markdown';

const labels = { user: 'You', assistant: 'Assistant', reasoning: 'Reasoning', image: 'image' };

/** A question answered twice (regenerated), then a follow-up edited once. */
const branched: Conversation = {
  id: 'c1',
  title: 'Tides\nexplained',
  model: 'openrouter:deepseek/deepseek-r1',
  createdAt: 1,
  updatedAt: 9,
  messages: [
    { id: 'u1', role: 'user', content: 'Why tides?', status: 'done', createdAt: 1 },
    {
      id: 'a1',
      parentId: 'u1',
      role: 'assistant',
      content: 'First answer',
      model: 'openrouter:deepseek/deepseek-r1',
      status: 'done',
      createdAt: 2,
    },
    {
      id: 'a2',
      parentId: 'u1',
      role: 'assistant',
      content: 'The **Moon** pulls.',
      reasoning: 'Gravity.\n\nAlso the Sun.',
      model: 'openrouter:deepseek/deepseek-r1',
      status: 'done',
      createdAt: 3,
    },
    {
      id: 'u2',
      parentId: 'a2',
      role: 'user',
      content: 'Old follow-up',
      status: 'done',
      createdAt: 4,
    },
    {
      id: 'u3',
      parentId: 'a2',
      role: 'user',
      content: 'And this?',
      images: [
        {
          id: 'i1',
          dataUrl: 'data:image/png;base64,AAAA',
          mimeType: 'image/png',
          width: 1,
          height: 1,
        },
      ],
      status: 'done',
      createdAt: 5,
    },
    {
      id: 'a3',
      parentId: 'u3',
      role: 'assistant',
      content: 'A picture of the sea.',
      model: 'openai:gpt-4.1',
      responseModel: 'gpt-4.1-2025-04-14',
      status: 'done',
      createdAt: 6,
    },
  ],
  leafId: 'a3',
};

describe('conversationToMarkdown', () => {
  it('writes only the branch on screen, with reasoning quoted and images noted', () => {
    expect(conversationToMarkdown(branched, labels)).toBe(
      [
        '# Tides explained',
        '## You',
        'Why tides?',
        '## Assistant (deepseek/deepseek-r1)',
        '**Reasoning**',
        '> Gravity.\n>\n> Also the Sun.',
        'The **Moon** pulls.',
        '## You',
        '[image]',
        'And this?',
        '## Assistant (gpt-4.1-2025-04-14)',
        'A picture of the sea.',
      ].join('\n\n') + '\n',
    );
  });

  it('follows the leaf: another branch gives other messages', () => {
    const markdown = conversationToMarkdown({ ...branched, leafId: 'a1' }, labels);
    expect(markdown).toContain('First answer');
    expect(markdown).not.toContain('Moon');
    expect(markdown).not.toContain('And this?');
  });
});
