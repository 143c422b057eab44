'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { AnswerContext } from '@/lib/chat/stream-answer';
import type { PublicProvider } from '@/lib/config/public-config';
import type { CatalogModel } from '@/lib/models/catalog-model';
import { findModel } from '@/lib/models/model-choice';

interface ChatContextValue {
  models: readonly CatalogModel[];
  providers: readonly PublicProvider[];
  userKeysAllowed: boolean;
  openSettings: () => void;
}

const ChatContext = createContext<ChatContextValue | undefined>(undefined);

export function ChatContextProvider({
  value,
  children,
}: {
  value: ChatContextValue;
  children: ReactNode;
}) {
  return <ChatContext.Provider value={value}>{children}</ChatContext.Provider>;
}

/** What message actions need to answer again: the model's catalog entry and the key rules. */
export function useChatContext(): ChatContextValue & {
  answerContext: (choice: string) => AnswerContext;
} {
  const value = useContext(ChatContext);
  if (!value) throw new Error('useChatContext outside ChatContextProvider');
  return {
    ...value,
    answerContext: (choice) => ({
      model: findModel(value.models, choice),
      userKeysAllowed: value.userKeysAllowed,
      providers: value.providers,
    }),
  };
}
