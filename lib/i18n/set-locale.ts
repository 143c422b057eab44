'use server';

import { cookies } from 'next/headers';
import { isAppLocale, localeCookieName } from './locales';

/** Remembers the user's language for a year; the page re-renders with it on refresh. */
export async function setLocale(locale: string): Promise<void> {
  if (!isAppLocale(locale)) return;
  (await cookies()).set(localeCookieName, locale, {
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
    sameSite: 'lax',
  });
}
