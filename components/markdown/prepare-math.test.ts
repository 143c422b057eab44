import { describe, expect, it } from 'vitest';
import { prepareMath } from './prepare-math';

describe('prepareMath', () => {
  it('finds dollar math and leaves it as it is', () => {
    expect(prepareMath('Inline $x^2$ and $$y$$')).toEqual({
      markdown: 'Inline $x^2$ and $$y$$',
      hasMath: true,
    });
  });

  it('rewrites \\( \\) as inline math and \\[ \\] as a display block', () => {
    expect(prepareMath('Sum \\(a+b\\) here').markdown).toBe('Sum $a+b$ here');
    expect(prepareMath('\\[\nE = mc^2\n\\]').markdown).toBe('$$\nE = mc^2\n$$');
    expect(prepareMath('  \\[ E \\]').markdown).toBe('  $$\n  E\n  $$');
    expect(prepareMath('so \\[x\\] inline').markdown).toBe('so $$x$$ inline');
  });

  it('escapes dollar signs that are prices, not math', () => {
    expect(prepareMath('It costs $5 and $10.')).toEqual({
      markdown: 'It costs \\$5 and \\$10.',
      hasMath: false,
    });
    expect(prepareMath('From $x$5 on').hasMath).toBe(false);
  });

  it('leaves code spans, code fences and escapes alone', () => {
    const text = 'Run `echo $HOME $PATH` now \\$5\n\n```sh\necho $1 \\(x\\)\n```';
    expect(prepareMath(text)).toEqual({ markdown: text, hasMath: false });
  });

  it('counts a math code fence as math', () => {
    expect(prepareMath('```math\nx^2\n```').hasMath).toBe(true);
  });

  it('leaves an unclosed $$ of a streaming answer as plain text', () => {
    expect(prepareMath('$$\nx^2')).toEqual({ markdown: '\\$\\$\nx^2', hasMath: false });
  });
});
