/** The sync buttons' look, shared by the settings section and the offer on the chat screen. */
export const syncButtonClass =
  'rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800';
