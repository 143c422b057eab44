'use client';

import { Fragment } from 'react';
import { useHighlightedCode } from './use-highlighted-code';

/**
 * The code as plain text first, then coloured once the highlighter has loaded. The colours are
 * React spans built from the highlighter's tokens, so no HTML string is ever injected.
 */
export function HighlightedCode({
  code,
  language,
  settled,
}: {
  code: string;
  language: string;
  settled: boolean;
}) {
  const highlighted = useHighlightedCode(code, language, settled);
  return (
    <pre
      data-testid="code"
      data-highlighted={highlighted ? 'true' : 'false'}
      className="m-0! rounded-none!"
    >
      <code>
        {highlighted ? (
          <>
            {highlighted.lines.map((line, lineIndex) => (
              <Fragment key={lineIndex}>
                {lineIndex > 0 && '\n'}
                {line.map((token, tokenIndex) => (
                  <span key={tokenIndex} style={{ color: token.color }}>
                    {token.content}
                  </span>
                ))}
              </Fragment>
            ))}
            {code.slice(highlighted.code.length)}
          </>
        ) : (
          code
        )}
      </code>
    </pre>
  );
}
