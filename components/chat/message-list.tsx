'use client';

import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { activeBranch, versionIds } from '@/lib/chat/conversation-tree';
import type { Conversation } from '@/lib/store/chat-types';
import { MessageView } from './message-view';
import { NearScreenContext, NearScreenWatcher } from './near-screen';

/** Answers drawn in full when a conversation opens; older ones are, as they come near the screen. */
const drawnAtOpen = 12;
/** Messages on the page when a conversation opens, and how many more join as the reader goes up. */
const messagesPerPage = 60;
/** How far above the first message on the page the reader may be before more are added. */
const earlierMargin = '2000px 0px 0px 0px';

/**
 * Keeps the newest text in view while the user is at the bottom; leaves them alone when they scroll
 * up. A long conversation costs what its visible part costs: only its last messages are on the
 * page, earlier ones join as the reader scrolls up (the browser's scroll anchoring keeps the view
 * still), and older answers are shown as plain text until they come near the screen.
 */
export function MessageList({ conversation }: { conversation: Conversation }) {
  const container = useRef<HTMLDivElement>(null);
  const [watcher] = useState(() => new NearScreenWatcher());
  const pinned = useRef(true);
  const branch = useMemo(() => activeBranch(conversation), [conversation]);
  const busy = branch.some((message) => message.status === 'streaming');
  const versions = useMemo(() => versionIds(conversation), [conversation]);
  const [pageCount, setPageCount] = useState(1);
  const first = Math.max(0, branch.length - pageCount * messagesPerPage);
  const earlier = useRef<HTMLLIElement>(null);

  // One observer on one marker above the first message: near it, the next page is added.
  useEffect(() => {
    const marker = earlier.current;
    if (!marker || !container.current) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setPageCount((count) => count + 1);
      },
      { root: container.current, rootMargin: earlierMargin },
    );
    observer.observe(marker);
    return () => observer.disconnect();
  }, [first]);

  useLayoutEffect(() => {
    if (!container.current) return;
    watcher.connect(container.current);
    return () => watcher.disconnect();
  }, [watcher]);

  // Follows the end while the reader is there: whenever the messages' height changes (a streamed
  // update, a new message, an older answer drawn in full), after layout, with no forced layout.
  useEffect(() => {
    const element = container.current;
    const content = element?.firstElementChild;
    if (!element || !content) return;
    const follow = new ResizeObserver(() => {
      if (pinned.current) element.scrollTop = element.scrollHeight;
    });
    follow.observe(content);
    return () => follow.disconnect();
  }, []);

  return (
    <div
      ref={container}
      data-testid="message-list"
      onScroll={(event) => {
        const element = event.currentTarget;
        pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 48;
      }}
      // Scrolled on its own layer: following a stream moves the layer instead of repainting
      // every message on screen at each update.
      className="flex-1 overflow-y-auto will-change-scroll"
    >
      <NearScreenContext value={watcher}>
        <ol className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-6">
          {first > 0 && <li ref={earlier} aria-hidden className="h-px" />}
          {branch.slice(first).map((message, index) => (
            <MessageView
              key={message.id}
              message={message}
              conversationId={conversation.id}
              conversationModel={conversation.model}
              // A string, so that a finished message's props stay equal and it does not re-render.
              versions={versions.get(message.id) ?? message.id}
              busy={busy}
              nearEnd={first + index >= branch.length - drawnAtOpen}
            />
          ))}
        </ol>
      </NearScreenContext>
    </div>
  );
}
