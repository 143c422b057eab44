import type { ChatTurn } from '@/lib/protocols/types';
import type { ChatMessage } from '@/lib/store/chat-types';

/**
 * The branch on screen as the turns a model sees: each question with the answer it got. A
 * question whose answer failed without any text is left out (the user asks again instead), and
 * reasoning is never sent back as answer text; protocols that want their own reasoning back
 * (Anthropic and Gemini signatures) get it apart from the text.
 */
export function historyTurns(branch: readonly ChatMessage[]): ChatTurn[] {
  const turns: ChatTurn[] = [];
  branch.forEach((message, index) => {
    if (message.role !== 'user') return;
    const answer = branch[index + 1];
    if (!answer || answer.role !== 'assistant' || answer.content.trim() === '') return;
    turns.push(userTurn(message), {
      role: 'assistant',
      content: answer.content,
      reasoning:
        answer.reasoning && answer.reasoningSignature
          ? { text: answer.reasoning, signature: answer.reasoningSignature }
          : undefined,
    });
  });
  return turns;
}

export function userTurn(message: ChatMessage): ChatTurn {
  return {
    role: 'user',
    content: message.content,
    images: message.images?.map(({ dataUrl, mimeType }) => ({ dataUrl, mimeType })),
  };
}
