'use client';

import type { Components, ExtraProps } from 'react-markdown';
import { CodeBlock } from './code-block';
import { DeferredImage } from './deferred-image';

type HastElement = NonNullable<ExtraProps['node']>;
type HastNode = HastElement | HastElement['children'][number];

function textOf(node: HastNode): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

function languageOf(code: HastElement): string {
  const classes = code.properties.className;
  const found = (Array.isArray(classes) ? classes : []).find(
    (name) => typeof name === 'string' && name.startsWith('language-'),
  );
  return typeof found === 'string' ? found.slice('language-'.length).toLowerCase() : '';
}

/**
 * How markdown elements are drawn. URLs have already passed safeUrl, which empties any that are
 * not http(s) or mailto: such a link is shown as its text, such an image as its alt text.
 */
export const markdownComponents: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  img: ({ src, alt }) => <DeferredImage src={typeof src === 'string' ? src : ''} alt={alt ?? ''} />,
  pre: ({ node, children }) => {
    const code = node?.children.find(
      (child) => child.type === 'element' && child.tagName === 'code',
    );
    if (code?.type !== 'element') return <pre>{children}</pre>;
    // The markdown tree ends a code block's text with a newline of its own.
    return <CodeBlock language={languageOf(code)} code={textOf(code).replace(/\n$/, '')} />;
  },
  table: ({ children }) => (
    <div className="overflow-x-auto">
      <table>{children}</table>
    </div>
  ),
  ul: ({ className, children }) => (
    <ul className={className?.includes('contains-task-list') ? 'list-none! pl-1!' : className}>
      {children}
    </ul>
  ),
};
