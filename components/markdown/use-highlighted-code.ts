import { useEffect, useState } from 'react';
import { highlightCode } from './highlight-client';
import { grammarFor } from './highlight-languages';
import type { HighlightResult } from './highlighter';

/** While a block streams, highlighting waits for a pause rather than running on every chunk. */
const streamingPauseMs = 250;

/**
 * The code's highlighted lines once the highlighter has loaded, or null meanwhile (and for
 * languages without a grammar, which load nothing). While the code grows, the last result is kept
 * as long as it is a prefix of the current code, so the colours do not flicker.
 */
export function useHighlightedCode(
  code: string,
  language: string,
  settled: boolean,
): HighlightResult | null {
  const [result, setResult] = useState<HighlightResult | null>(null);
  const grammar = grammarFor(language);

  useEffect(() => {
    if (!grammar) return;
    let cancelled = false;
    const timer = window.setTimeout(
      () => {
        highlightCode(code, grammar)
          .then((next) => {
            if (!cancelled && next) setResult(next);
          })
          .catch(() => {
            // Highlighting is an enhancement: on failure the plain code simply stays.
          });
      },
      settled ? 0 : streamingPauseMs,
    );
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [code, grammar, settled]);

  return result && code.startsWith(result.code) ? result : null;
}
