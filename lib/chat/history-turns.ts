import type { ChatTurn } from '@/lib/protocols/types';
import type { ChatMessage } from '@/lib/store/chat-types';

/**
 * The earlier exchanges to send with a new message: each question with the answer it got.
 * A question whose answer failed with no text is left out (the user asks again instead), and
 * reasoning is never sent back as answer text.
 */
export function historyTurns(messages: readonly ChatMessage[]): ChatTurn[] {
  const turns: ChatTurn[] = [];
  messages.forEach((message, index) => {
    if (message.role !== 'user') return;
    const answer = messages[index + 1];
    if (!answer || answer.role !== 'assistant' || answer.content.trim() === '') return;
    turns.push(
      { role: 'user', content: message.content },
      { role: 'assistant', content: answer.content },
    );
  });
  return turns;
}
