'use client';

import { useEffect, useMemo, useRef } from 'react';
import { activeBranch, versionIds } from '@/lib/chat/conversation-tree';
import type { Conversation } from '@/lib/store/chat-types';
import { MessageView } from './message-view';

/** Keeps the newest text in view while the user is at the bottom; leaves them alone when they scroll up. */
export function MessageList({ conversation }: { conversation: Conversation }) {
  const container = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const branch = useMemo(() => activeBranch(conversation), [conversation]);
  const last = branch.at(-1);
  const busy = branch.some((message) => message.status === 'streaming');
  const versions = useMemo(() => versionIds(conversation), [conversation]);

  useEffect(() => {
    const element = container.current;
    if (element && pinned.current) element.scrollTop = element.scrollHeight;
  }, [last?.content, last?.reasoning, branch.length]);

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
        {branch.map((message) => (
          <MessageView
            key={message.id}
            message={message}
            conversationId={conversation.id}
            conversationModel={conversation.model}
            // A string, so that a finished message's props stay equal and it does not re-render.
            versions={versions.get(message.id) ?? message.id}
            busy={busy}
          />
        ))}
      </ol>
    </div>
  );
}
