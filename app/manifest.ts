import type { MetadataRoute } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';

/**
 * The web app manifest (`/manifest.webmanifest`): what a browser needs to install Parley. It is
 * rendered per request, in the person's language, like the page. The colours are the page's
 * light background, so the window's title bar and splash screen match the header.
 */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('App')]);
  return {
    name: t('title'),
    short_name: t('title'),
    description: t('description'),
    lang: locale,
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#ffffff',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      {
        src: '/icons/icon-maskable-512.png',
        sizes: '512x512',
        type: 'image/png',
        purpose: 'maskable',
      },
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  };
}
