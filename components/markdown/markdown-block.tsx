'use client';

import { lazy, memo, Suspense, useMemo } from 'react';
import { BlockCompleteContext } from './block-complete-context';
import { prepareMath } from './prepare-math';
import { SafeMarkdown } from './safe-markdown';

const MathMarkdown = lazy(() => import('./math-markdown'));

/**
 * One top-level block of an answer. Memoised on its text: while an answer streams, the blocks
 * before the last one keep their props and are neither re-rendered nor re-parsed. The default
 * export, loaded lazily by MarkdownView with the whole markdown pipeline behind it.
 */
const MarkdownBlock = memo(function MarkdownBlock({
  text,
  complete,
}: {
  text: string;
  complete: boolean;
}) {
  const prepared = useMemo(() => prepareMath(text), [text]);
  return (
    <BlockCompleteContext value={complete}>
      {prepared.hasMath ? (
        // Until KaTeX has loaded, the block is shown with its math as written.
        <Suspense fallback={<SafeMarkdown markdown={prepared.markdown} />}>
          <MathMarkdown markdown={prepared.markdown} />
        </Suspense>
      ) : (
        <SafeMarkdown markdown={text} />
      )}
    </BlockCompleteContext>
  );
});

export default MarkdownBlock;
