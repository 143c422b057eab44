/**
 * Everything Parley keeps in this browser: the conversations database and the settings, picker
 * and theme entries. Used by "clear all data" after the user confirms.
 */
export async function clearAllData(): Promise<void> {
  for (const key of ['parley-settings', 'parley-picker']) localStorage.removeItem(key);
  document.cookie = 'parley-theme=; path=/; max-age=0';
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase('parley');
    // Another tab holding the database delays the deletion until it closes; do not wait for it.
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}
