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
