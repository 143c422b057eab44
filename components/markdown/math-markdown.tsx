'use client';

import 'katex/dist/katex.min.css';
import type { Options } from 'react-markdown';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { SafeMarkdown } from './safe-markdown';

/**
 * Loaded with React.lazy only by blocks that hold math, so KaTeX and its stylesheet (bundled into
 * this chunk's CSS) reach the browser only then.
 */
const remarkPlugins: NonNullable<Options['remarkPlugins']> = [remarkGfm, remarkMath];

/**
 * No \href, \url, \includegraphics or \html… commands (trust: false); bounded sizes and macro
 * expansion, so a hostile formula cannot make a huge page or loop.
 */
const rehypePlugins: NonNullable<Options['rehypePlugins']> = [
  [rehypeKatex, { trust: false, strict: 'ignore', maxSize: 50, maxExpand: 1000 }],
];

export default function MathMarkdown({ markdown }: { markdown: string }) {
  return (
    <SafeMarkdown markdown={markdown} remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins} />
  );
}
