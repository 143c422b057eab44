import { closesFence, fenceOpening, type Fence } from './fences';

export interface PreparedMarkdown {
  markdown: string;
  /** Whether KaTeX is needed: only then is it loaded. */
  hasMath: boolean;
}

/**
 * One pass over prose, in order of precedence: code spans (kept), `\[…\]`, `\(…\)`, other
 * backslash escapes (kept), `$$…$$`, `$…$` by Pandoc's rule (no space inside the dollars, no
 * digit after the closing one), and any other dollar sign.
 */
const mathToken =
  /(`+)[\s\S]*?\1|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)|\\[\s\S]|\$\$[\s\S]+?\$\$|\$(?=[^\s$])(?:\\[\s\S]|[^$\\\n])*?(?<=\S)\$(?!\d)|\$/g;

/**
 * Models write math as `\(…\)` and `\[…\]` too, which remark-math does not know, and write
 * prices with dollar signs, which it would take for math. This rewrites the former as dollars and
 * escapes every dollar sign that does not delimit math, outside code.
 */
export function prepareMath(text: string): PreparedMarkdown {
  const output: string[] = [];
  let prose: string[] = [];
  let fence: Fence | null = null;
  let hasMath = false;

  const flushProse = () => {
    if (prose.length === 0) return;
    const rewritten = rewriteProse(prose.join('\n'));
    hasMath ||= rewritten.hasMath;
    output.push(rewritten.markdown);
    prose = [];
  };

  for (const line of text.split('\n')) {
    if (fence) {
      output.push(line);
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    const opening = fenceOpening(line);
    if (opening) {
      flushProse();
      fence = opening;
      hasMath ||= opening.language === 'math';
      output.push(line);
    } else {
      prose.push(line);
    }
  }
  flushProse();
  return { markdown: output.join('\n'), hasMath };
}

function rewriteProse(prose: string): PreparedMarkdown {
  let hasMath = false;
  const markdown = prose.replace(
    mathToken,
    (token: string, _ticks: string, display?: string, inline?: string, ...rest: unknown[]) => {
      const offset = typeof rest[0] === 'number' ? rest[0] : 0;
      if (token.startsWith('`')) return token;
      if (display !== undefined) {
        hasMath = true;
        return displayMath(display, prose, offset, offset + token.length);
      }
      if (inline !== undefined) {
        hasMath = true;
        return `$${inline.trim()}$`;
      }
      if (token.startsWith('\\')) return token;
      if (token === '$') return '\\$';
      hasMath = true;
      return token;
    },
  );
  return { markdown, hasMath };
}

/**
 * `\[…\]` alone on its line(s) becomes a `$$` block, with the fences on lines of their own and
 * the line's indentation kept, so it stays inside a list item; elsewhere it is inline `$$…$$`.
 */
function displayMath(inner: string, prose: string, start: number, end: number): string {
  const lineStart = prose.lastIndexOf('\n', start - 1) + 1;
  const before = prose.slice(lineStart, start);
  const lineEnd = prose.indexOf('\n', end);
  const after = prose.slice(end, lineEnd === -1 ? undefined : lineEnd);
  if (before.trim() !== '' || after.trim() !== '') return `$$${inner}$$`;
  const body = inner.replace(/\s+$/, '');
  const opening = body.startsWith('\n') ? '' : `\n${before}`;
  return `$$${opening}${body.replace(/^[ \t]+/, '')}\n${before}$$`;
}
