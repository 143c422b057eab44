'use client';

import { useEffect } from 'react';

export interface ShortcutHandlers {
  newChat: () => void;
  focusComposer: () => void;
  stop: () => void;
  search: () => void;
  showShortcuts: () => void;
}

/**
 * Ctrl/⌘+Shift+O new chat, Ctrl/⌘+K search, `/` focus the composer and `?` list the shortcuts
 * (both when not typing), Escape stop a streaming answer. The list the person sees is in
 * components/chat/shortcuts-dialog.tsx; keep the two together.
 */
export function useKeyboardShortcuts(handlers: ShortcutHandlers): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const modifier = event.ctrlKey || event.metaKey;
      const target = event.target instanceof Element ? event.target : undefined;
      const typing = target?.closest('input, textarea, select, [contenteditable]');
      // Escape in an open dialog closes the dialog; it stops nothing behind it. (A modal dialog
      // is still open while its Escape is dispatched; it closes afterwards.)
      const inDialog =
        target?.closest('dialog[open], [role="dialog"]') ?? document.querySelector('dialog[open]');
      if (modifier && event.shiftKey && event.key.toLowerCase() === 'o') {
        event.preventDefault();
        handlers.newChat();
      } else if (modifier && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        handlers.search();
      } else if (event.key === '/' && !typing && !modifier) {
        event.preventDefault();
        handlers.focusComposer();
      } else if (event.key === '?' && !typing && !modifier && !event.altKey && !inDialog) {
        // `?` is Shift+/ on a US keyboard and elsewhere on others; the key, not the code, counts.
        event.preventDefault();
        handlers.showShortcuts();
      } else if (event.key === 'Escape' && !event.defaultPrevented && !inDialog) {
        handlers.stop();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [handlers]);
}
