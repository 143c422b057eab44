'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState, type ReactNode } from 'react';
import { isDarkNow, onThemeChange } from '@/lib/theme';

interface Rendered {
  source: string;
  dark: boolean;
  svg: string | null;
}

/**
 * A mermaid diagram, drawn once its block is complete: a half-streamed diagram would fail to parse
 * on every chunk. Until then, and when it cannot be drawn, the source is shown as code instead.
 */
export function MermaidDiagram({
  source,
  complete,
  children,
}: {
  source: string;
  complete: boolean;
  /** The source as a code block. */
  children: ReactNode;
}) {
  const t = useTranslations('Markdown');
  const [rendered, setRendered] = useState<Rendered | null>(null);
  // Drawn again when the page turns dark or light: mermaid bakes its colours into the SVG.
  const [dark, setDark] = useState(() => typeof document !== 'undefined' && isDarkNow());
  useEffect(() => onThemeChange(() => setDark(isDarkNow())), []);

  useEffect(() => {
    if (!complete) return;
    let cancelled = false;
    import('./mermaid-renderer')
      .then(({ renderMermaid }) => renderMermaid(source))
      .then(
        (svg) => {
          if (!cancelled) setRendered({ source, dark, svg });
        },
        () => {
          // An invalid diagram, or the chunk failed to load: the source stays, with a note.
          if (!cancelled) setRendered({ source, dark, svg: null });
        },
      );
    return () => {
      cancelled = true;
    };
  }, [source, complete, dark]);

  // While a redraw for the other theme is under way, the old drawing stays rather than flashing.
  const current = rendered?.source === source ? rendered : null;
  if (current?.svg) {
    // Mermaid's SVG in strict mode, sanitised again by renderMermaid: no scripts, handlers or remote references.
    return (
      <div
        data-testid="mermaid-diagram"
        data-theme={current.dark ? 'dark' : 'light'}
        className="flex justify-center overflow-x-auto bg-white p-3 dark:bg-zinc-900"
        dangerouslySetInnerHTML={{ __html: current.svg }}
      />
    );
  }
  return (
    <>
      {current && (
        <p
          data-testid="mermaid-error"
          className="px-3 pt-2 text-xs text-amber-700 dark:text-amber-400"
        >
          {t('diagramFailed')}
        </p>
      )}
      {children}
    </>
  );
}
