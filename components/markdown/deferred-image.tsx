'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useSettingsStore } from '@/lib/store/settings-store';

const remoteImage = /^https?:/i;

/** A remote image is fetched only when the user asks, so an answer cannot exfiltrate by loading one. */
export function DeferredImage({ src, alt }: { src: string; alt: string }) {
  const t = useTranslations('Markdown');
  const [shown, setShown] = useState(false);
  // Off by default: an auto-loaded image can carry the conversation out in its address.
  const always = useSettingsStore((state) => state.remoteImages === 'always');
  if (!remoteImage.test(src)) return alt ? <span>{alt}</span> : null;
  if (shown || always) {
    return <img src={src} alt={alt} referrerPolicy="no-referrer" className="max-w-full rounded" />;
  }
  return (
    <button
      type="button"
      data-testid="image-placeholder"
      title={alt || undefined}
      onClick={() => setShown(true)}
      className="rounded border border-dashed border-zinc-400 px-2 py-1 text-xs text-zinc-600 dark:text-zinc-400"
    >
      {t('loadImage', { host: hostOf(src) })}
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
