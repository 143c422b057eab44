'use client';

import { memo, useMemo } from 'react';
import { MarkdownBlock } from './markdown-block';
import { splitMarkdownBlocks } from './split-blocks';

interface MarkdownViewProps {
  text: string;
  /**
   * Whether more text may still arrive. Left out, a block counts as finished once its code fence
   * or math block is closed; false also treats an unclosed one at the end as finished.
   */
  streaming?: boolean;
}

/**
 * Model output as markdown: GFM, highlighted code, math, diagrams, never raw HTML. The text is cut
 * into top-level blocks, each memoised and keyed by position, so a streaming answer re-parses only
 * its last block and earlier blocks keep their React identity.
 */
export const MarkdownView = memo(function MarkdownView({ text, streaming }: MarkdownViewProps) {
  const blocks = useMemo(() => splitMarkdownBlocks(text), [text]);
  return blocks.map((block, index) => (
    <MarkdownBlock key={index} text={block.text} complete={!block.open || streaming === false} />
  ));
});
