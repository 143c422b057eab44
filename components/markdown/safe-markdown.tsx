'use client';

import Markdown, { type Options } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { markdownComponents } from './markdown-components';
import { safeUrl } from './safe-url';

const gfmOnly: NonNullable<Options['remarkPlugins']> = [remarkGfm];

/**
 * Markdown without raw HTML (skipHtml drops it, it is never turned into elements), with URLs
 * limited to http(s) and mailto. The math renderer passes its plugins through here too.
 */
export function SafeMarkdown({
  markdown,
  remarkPlugins = gfmOnly,
  rehypePlugins,
}: {
  markdown: string;
  remarkPlugins?: Options['remarkPlugins'];
  rehypePlugins?: Options['rehypePlugins'];
}) {
  return (
    <Markdown
      remarkPlugins={remarkPlugins}
      rehypePlugins={rehypePlugins}
      skipHtml
      urlTransform={safeUrl}
      components={markdownComponents}
    >
      {markdown}
    </Markdown>
  );
}
