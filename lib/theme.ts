export type Theme = 'system' | 'light' | 'dark';
export const themeCookieName = 'parley-theme';

export function parseTheme(value: string | undefined): Theme {
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** Applies a theme at once and remembers it for the server's next render (a cookie, a year). */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  root.classList.remove('system', 'light', 'dark');
  root.classList.add(theme);
  document.cookie = `${themeCookieName}=${theme}; path=/; max-age=31536000; samesite=lax`;
}

/** Whether the page is dark now: the person's choice, or the system's when they left it to it. */
export function isDarkNow(): boolean {
  const root = document.documentElement;
  if (root.classList.contains('dark')) return true;
  if (root.classList.contains('light')) return false;
  return window.matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Calls back when the page turns dark or light (a choice in the settings, or the system's). */
export function onThemeChange(callback: () => void): () => void {
  const observer = new MutationObserver(callback);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', callback);
  return () => {
    observer.disconnect();
    media.removeEventListener('change', callback);
  };
}
