import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '@/lib/store/chat-types';
import { historyTurns } from './history-turns';

let sequence = 0;
const message = (
  role: ChatMessage['role'],
  content: string,
  extra: Partial<ChatMessage> = {},
): ChatMessage => ({
  id: String(sequence++),
  role,
  content,
  status: 'done',
  createdAt: 0,
  ...extra,
});

describe('history sent with a new message', () => {
  it('pairs each question with its answer and never sends reasoning', () => {
    expect(
      historyTurns([
        message('user', 'Q1'),
        message('assistant', 'A1', { reasoning: 'secret thoughts' }),
        message('user', 'Q2'),
        message('assistant', 'partial', { status: 'interrupted' }),
      ]),
    ).toEqual([
      { role: 'user', content: 'Q1' },
      { role: 'assistant', content: 'A1' },
      { role: 'user', content: 'Q2' },
      { role: 'assistant', content: 'partial' },
    ]);
  });

  it('leaves out a question whose answer failed without text', () => {
    expect(
      historyTurns([
        message('user', 'Let me in'),
        message('assistant', '', { status: 'error', error: { code: 'auth:code_invalid' } }),
        message('user', 'Q'),
        message('assistant', 'A'),
      ]),
    ).toEqual([
      { role: 'user', content: 'Q' },
      { role: 'assistant', content: 'A' },
    ]);
  });
});
