import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { ServiceWorker } from '@/components/pwa/service-worker';
import { parseTheme, themeCookieName } from '@/lib/theme';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('App');
  return {
    title: t('title'),
    description: t('description'),
    // iOS ignores the manifest's icons and wants a square, opaque one of its own.
    icons: { apple: '/icons/apple-touch-icon.png' },
    appleWebApp: { capable: true, title: t('title') },
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  // The browser's own bar (an installed app's title bar) in the page's background colour.
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, cookieStore] = await Promise.all([getLocale(), cookies()]);
  // Read on the server, so the page is painted in the chosen theme with no flash.
  const theme = parseTheme(cookieStore.get(themeCookieName)?.value);
  return (
    <html lang={locale} className={theme}>
      <body>
        <NextIntlClientProvider>
          {children}
          <ServiceWorker />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
