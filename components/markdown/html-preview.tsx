'use client';

import { useTranslations } from 'next-intl';

/**
 * Keeps the preview off the network: model-written HTML must not phone home with whatever it was
 * told to leak. Inline scripts and styles still run, which is what a preview is for. A policy given
 * first applies to the whole document, and one the page adds itself can only narrow it.
 */
const previewPolicy =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; media-src data: blob:; form-action 'none'";

/**
 * Renders model-written HTML in a sandbox: scripts may run, but without allow-same-origin the frame
 * has an opaque origin, so it cannot reach this app's storage, cookies or DOM.
 */
export function HtmlPreview({ html }: { html: string }) {
  const t = useTranslations('Markdown');
  return (
    <iframe
      data-testid="html-preview"
      title={t('previewTitle')}
      sandbox="allow-scripts"
      referrerPolicy="no-referrer"
      srcDoc={`<!doctype html><meta http-equiv="Content-Security-Policy" content="${previewPolicy}">${html}`}
      className="block h-80 w-full border border-zinc-300 bg-white dark:border-zinc-700"
    />
  );
}
