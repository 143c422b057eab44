'use client';

import { lazy, memo, Suspense, useMemo } from 'react';
import { isPlainParagraph } from './plain-text';
import { splitMarkdownBlocks } from './split-blocks';

/**
 * The markdown pipeline (react-markdown, GFM, code blocks) is not part of the first load: it is
 * fetched when the first answer is drawn, or once the page is idle (preloadMarkdown).
 */
const loadMarkdownBlock = () => import('./markdown-block');
const MarkdownBlock = lazy(loadMarkdownBlock);

/** Fetches the markdown pipeline ahead of need, so the first answer is drawn formatted. */
export function preloadMarkdown(): void {
  void loadMarkdownBlock();
}

interface MarkdownViewProps {
  text: string;
  /**
   * Whether more text may still arrive. Left out, a block counts as finished once its code fence
   * or math block is closed; false also treats an unclosed one at the end as finished.
   */
  streaming?: boolean;
  /**
   * False for an answer far from the screen: its text is shown as written, without parsing, until
   * it comes near (a long conversation costs what its visible part costs).
   */
  rich?: boolean;
}

/**
 * Model output as markdown: GFM, highlighted code, math, diagrams, never raw HTML. The text is cut
 * into top-level blocks, each memoised and keyed by position: while an answer streams, finished
 * blocks keep their props and are neither parsed nor rendered again, and a block is parsed at all
 * only when it holds markdown syntax (plain prose is shown as a paragraph of text).
 */
export const MarkdownView = memo(function MarkdownView({
  text,
  streaming,
  rich = true,
}: MarkdownViewProps) {
  const blocks = useMemo(() => (rich ? splitMarkdownBlocks(text) : []), [text, rich]);
  if (!rich) return <div className="whitespace-pre-wrap">{text}</div>;
  return blocks.map((block, index) => {
    // Prose without markdown syntax looks the same as a paragraph of text: it is shown as one,
    // unparsed, whether it is still streaming or finished (so an answer's end costs nothing).
    if (isPlainParagraph(block.text)) return <p key={index}>{block.text}</p>;
    return (
      <Suspense key={index} fallback={<p className="whitespace-pre-wrap">{block.text}</p>}>
        <MarkdownBlock text={block.text} complete={!block.open || streaming === false} />
      </Suspense>
    );
  });
});
