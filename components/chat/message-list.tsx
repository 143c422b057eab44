'use client';

import { useEffect, useRef } from 'react';
import type { Conversation } from '@/lib/store/chat-types';
import { MessageView } from './message-view';

/** Keeps the newest text in view while the user is at the bottom; leaves them alone when they scroll up. */
export function MessageList({ conversation }: { conversation: Conversation }) {
  const container = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const last = conversation.messages.at(-1);

  useEffect(() => {
    const element = container.current;
    if (element && pinned.current) element.scrollTop = element.scrollHeight;
  }, [last?.content, last?.reasoning, conversation.messages.length]);

  return (
    <div
      ref={container}
      data-testid="message-list"
      onScroll={(event) => {
        const element = event.currentTarget;
        pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 48;
      }}
      className="flex-1 overflow-y-auto"
    >
      <ol className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-6">
        {conversation.messages.map((message) => (
          <MessageView key={message.id} message={message} />
        ))}
      </ol>
    </div>
  );
}
