import { describe, expect, it } from 'vitest';
import { splitMarkdownBlocks } from './split-blocks';

const texts = (markdown: string) => splitMarkdownBlocks(markdown).map((block) => block.text);

describe('splitMarkdownBlocks', () => {
  it('splits at blank lines, dropping them', () => {
    expect(texts('One\nstill one\n\n\nTwo\n\n- three')).toEqual([
      'One\nstill one',
      'Two',
      '- three',
    ]);
  });

  it('keeps blank lines inside code fences and math blocks', () => {
    const fence = '```python\na = 1\n\n\nb = 2\n```';
    const math = '$$\nx\n\ny\n$$';
    expect(texts(`${fence}\n\n${math}\n\nafter`)).toEqual([fence, math, 'after']);
  });

  it('keeps an indented continuation with the block before it', () => {
    expect(texts('- item\n\n  second paragraph\n\nnext')).toEqual([
      '- item\n\n  second paragraph',
      'next',
    ]);
  });

  it('marks the last block open while its fence or math block is unclosed', () => {
    expect(splitMarkdownBlocks('Text\n\n```js\nconst a')).toEqual([
      { text: 'Text', open: false },
      { text: '```js\nconst a', open: true },
    ]);
    expect(splitMarkdownBlocks('$$\nx^2').at(-1)?.open).toBe(true);
    expect(splitMarkdownBlocks('~~~\ncode\n~~~').at(-1)?.open).toBe(false);
  });

  it('needs a closing fence at least as long as the opening one', () => {
    expect(splitMarkdownBlocks('````\n```\n\nstill code').at(-1)).toEqual({
      text: '````\n```\n\nstill code',
      open: true,
    });
  });

  it('keeps a text with link definitions or footnotes whole, as they reach across blocks', () => {
    const text = 'See [the docs][1].\n\nMore[^note].\n\n[1]: https://example.com\n[^note]: A note.';
    expect(texts(text)).toEqual([text]);
  });

  it('gives earlier blocks the same text as the answer grows', () => {
    const growing = 'Intro\n\n```js\nconst a = 1;\n```\n\nTail';
    const final = texts(growing);
    for (let length = growing.indexOf('Tail'); length <= growing.length; length++) {
      expect(texts(growing.slice(0, length)).slice(0, 2)).toEqual(final.slice(0, 2));
    }
  });
});
