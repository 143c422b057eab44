'use client';

import { useEffect } from 'react';

export interface ShortcutHandlers {
  newChat: () => void;
  focusComposer: () => void;
  stop: () => void;
  search: () => void;
}

/**
 * Ctrl/⌘+Shift+O new chat, Ctrl/⌘+K search, `/` focus the composer (when not typing), Escape
 * stop a streaming answer.
 */
export function useKeyboardShortcuts(handlers: ShortcutHandlers): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const modifier = event.ctrlKey || event.metaKey;
      const typing =
        event.target instanceof HTMLElement &&
        event.target.closest('input, textarea, select, [contenteditable]');
      if (modifier && event.shiftKey && event.key.toLowerCase() === 'o') {
        event.preventDefault();
        handlers.newChat();
      } else if (modifier && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        handlers.search();
      } else if (event.key === '/' && !typing && !modifier) {
        event.preventDefault();
        handlers.focusComposer();
      } else if (event.key === 'Escape' && !event.defaultPrevented) {
        handlers.stop();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [handlers]);
}
