'use client';

import { useTranslations } from 'next-intl';
import { memo, useState } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

const allowedProtocols = /^(https?:|mailto:)/i;

/** Model output is hostile input: links only to http(s) and mailto, everything else dropped. */
function safeUrl(url: string): string {
  return allowedProtocols.test(url.trim()) ? url : '';
}

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  img: ({ src, alt }) =>
    typeof src === 'string' && src ? <DeferredImage src={src} alt={alt ?? ''} /> : null,
};

/**
 * Markdown with GFM, without raw HTML. Memoised on the text, so a finished message is parsed once.
 */
export const MarkdownView = memo(function MarkdownView({ text }: { text: string }) {
  return (
    <ReactMarkdown
      remarkPlugins={[remarkGfm]}
      skipHtml
      urlTransform={safeUrl}
      components={components}
    >
      {text}
    </ReactMarkdown>
  );
});

/** A remote image is fetched only when the user asks, so an answer cannot exfiltrate by loading one. */
function DeferredImage({ src, alt }: { src: string; alt: string }) {
  const t = useTranslations('Markdown');
  const [shown, setShown] = useState(false);
  const host = hostOf(src);
  if (shown) {
    return <img src={src} alt={alt} referrerPolicy="no-referrer" className="max-w-full rounded" />;
  }
  return (
    <button
      type="button"
      onClick={() => setShown(true)}
      className="rounded border border-dashed border-zinc-400 px-2 py-1 text-xs text-zinc-600 dark:text-zinc-400"
    >
      {t('loadImage', { host })}
    </button>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
