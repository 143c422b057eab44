import { useChatStore } from '@/lib/store/chat-store';
import type { ChatMessage, StoredImage } from '@/lib/store/chat-types';
import { activeBranch } from './conversation-tree';
import { historyTurns, userTurn } from './history-turns';
import { streamAnswer, type AnswerContext } from './stream-answer';

/** Said to the model, not shown: how an interrupted answer is picked up where it stopped. */
const continueInstruction =
  'Your previous answer was cut off. Continue it exactly where it stopped, without repeating anything.';

function newAnswer(parentId: string, model: string): ChatMessage {
  return {
    id: crypto.randomUUID(),
    parentId,
    role: 'assistant',
    content: '',
    status: 'streaming',
    model,
    createdAt: Date.now(),
  };
}

/** The branch on screen up to (not including) a message. */
function branchBefore(conversationId: string, messageId: string): ChatMessage[] {
  const conversation = useChatStore.getState().conversations[conversationId];
  if (!conversation) return [];
  const branch = activeBranch(conversation);
  const index = branch.findIndex((message) => message.id === messageId);
  return index < 0 ? branch : branch.slice(0, index);
}

/**
 * What became of a question: `offline` when it never left this device (no network, or the
 * server could not be reached before anything came back); it is then taken out of the chat
 * again, and the caller gives the words back to the person. `skipped`: nothing to send.
 */
export type SendResult = 'sent' | 'offline' | 'skipped';

/** A chat that was started for a question that could not be sent is not left behind empty. */
function discardIfEmpty(conversationId: string): void {
  const state = useChatStore.getState();
  if (state.conversations[conversationId]?.messages.length === 0) {
    state.deleteConversation(conversationId);
  }
}

/** A new question at the end of the branch on screen, and its answer. */
export async function sendMessage(
  conversationId: string,
  text: string,
  images: StoredImage[],
  context: AnswerContext,
): Promise<SendResult> {
  const conversation = useChatStore.getState().conversations[conversationId];
  if (!conversation || (!text.trim() && images.length === 0)) return 'skipped';
  if (typeof navigator !== 'undefined' && navigator.onLine === false) {
    discardIfEmpty(conversationId);
    return 'offline';
  }
  const question: ChatMessage = {
    id: crypto.randomUUID(),
    parentId: conversation.leafId,
    role: 'user',
    content: text,
    images: images.length ? images : undefined,
    status: 'done',
    createdAt: Date.now(),
  };
  const answer = newAnswer(question.id, conversation.model);
  const history = historyTurns(activeBranch(conversation));
  useChatStore.getState().addMessages(conversationId, [question, answer]);
  await streamAnswer(conversationId, answer.id, [...history, userTurn(question)], context);

  const result = useChatStore
    .getState()
    .conversations[conversationId]?.messages.find((message) => message.id === answer.id);
  const nothingCameBack =
    result?.status === 'error' &&
    result.error?.code === 'network:offline' &&
    !result.content &&
    !result.reasoning;
  if (!nothingCameBack) return 'sent';
  useChatStore.getState().deleteMessage(conversationId, question.id);
  discardIfEmpty(conversationId);
  return 'offline';
}

/** Another answer to the same question, kept beside the earlier one (`‹ 1/2 ›`). */
export async function regenerate(
  conversationId: string,
  answerId: string,
  context: AnswerContext,
): Promise<void> {
  const conversation = useChatStore.getState().conversations[conversationId];
  const previous = conversation?.messages.find((message) => message.id === answerId);
  const question = conversation?.messages.find((message) => message.id === previous?.parentId);
  if (!conversation || !question) return;
  const answer = newAnswer(question.id, conversation.model);
  const history = historyTurns(branchBefore(conversationId, question.id));
  useChatStore.getState().addMessages(conversationId, [answer]);
  await streamAnswer(conversationId, answer.id, [...history, userTurn(question)], context);
}

/** An edited question starts a new branch; the old question and its answers stay. */
export async function editAndResend(
  conversationId: string,
  questionId: string,
  text: string,
  context: AnswerContext,
): Promise<void> {
  const conversation = useChatStore.getState().conversations[conversationId];
  const original = conversation?.messages.find((message) => message.id === questionId);
  if (!conversation || !original || !text.trim()) return;
  const question: ChatMessage = {
    ...original,
    id: crypto.randomUUID(),
    content: text,
    createdAt: Date.now(),
  };
  const answer = newAnswer(question.id, conversation.model);
  const history = historyTurns(branchBefore(conversationId, questionId));
  useChatStore.getState().addMessages(conversationId, [question, answer]);
  await streamAnswer(conversationId, answer.id, [...history, userTurn(question)], context);
}

/** Picks up an interrupted or stopped answer: the new text is appended to the same message. */
export async function continueAnswer(
  conversationId: string,
  answerId: string,
  context: AnswerContext,
): Promise<void> {
  const branch = branchBefore(conversationId, answerId);
  const conversation = useChatStore.getState().conversations[conversationId];
  const answer = conversation?.messages.find((message) => message.id === answerId);
  const question = branch.at(-1);
  if (!answer || !question || question.role !== 'user') return;
  const turns = [
    ...historyTurns(branch.slice(0, -1)),
    userTurn(question),
    { role: 'assistant' as const, content: answer.content },
    { role: 'user' as const, content: continueInstruction },
  ];
  await streamAnswer(conversationId, answerId, turns, context);
}
