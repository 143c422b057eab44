'use client';

import { lazy, Suspense } from 'react';

// The dialog's code is fetched when it is first opened, so it adds nothing to the first load.
const ShortcutsDialog = lazy(() =>
  import('./shortcuts-dialog').then((module) => ({ default: module.ShortcutsDialog })),
);

/** The keyboard shortcuts sheet, opened with `?` or from the header. */
export function ShortcutsSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <ShortcutsDialog onClose={onClose} />
    </Suspense>
  );
}
