'use client';

import { useTranslations } from 'next-intl';
import { useContext, useState } from 'react';
import { BlockCompleteContext } from './block-complete-context';
import { CopyButton } from './copy-button';
import { HighlightedCode } from './highlighted-code';
import { HtmlPreview } from './html-preview';
import { MermaidDiagram } from './mermaid-diagram';

/**
 * A fenced code block: its language, a copy button, and the code highlighted once the highlighter
 * has loaded. Mermaid blocks become diagrams; HTML blocks can be previewed in a sandbox.
 */
export function CodeBlock({ language, code }: { language: string; code: string }) {
  const t = useTranslations('Markdown');
  const complete = useContext(BlockCompleteContext);
  const [previewing, setPreviewing] = useState(false);
  const canPreview = language === 'html' && complete;

  const codeView = <HighlightedCode code={code} language={language} settled={complete} />;
  let body = codeView;
  if (language === 'mermaid') {
    body = (
      <MermaidDiagram source={code} complete={complete}>
        {codeView}
      </MermaidDiagram>
    );
  } else if (canPreview && previewing) {
    body = <HtmlPreview html={code} />;
  }

  return (
    <div
      data-testid="code-block"
      className="overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800"
    >
      <div className="flex items-center justify-between gap-2 bg-zinc-200/70 px-3 py-1 text-xs text-zinc-600 dark:bg-zinc-800/70 dark:text-zinc-400">
        <span data-testid="code-language" className="truncate font-mono">
          {language || t('plainText')}
        </span>
        <div className="flex shrink-0 gap-1">
          {canPreview && (
            <button
              type="button"
              data-testid="html-preview-toggle"
              aria-pressed={previewing}
              onClick={() => setPreviewing((shown) => !shown)}
              className="rounded px-1.5 py-0.5 hover:bg-zinc-300 dark:hover:bg-zinc-700"
            >
              {previewing ? t('showCode') : t('preview')}
            </button>
          )}
          <CopyButton text={code} />
        </div>
      </div>
      {body}
    </div>
  );
}
