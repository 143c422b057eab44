import { describe, expect, it } from 'vitest';
import { isPlainParagraph } from './plain-text';

describe('isPlainParagraph', () => {
  it('accepts prose with ordinary punctuation, over several lines', () => {
    expect(isPlainParagraph('Hello from the mock upstream. You said: hi. ✓')).toBe(true);
    expect(isPlainParagraph('Hello, world; (really) "quoted" - 50% done?\nNext line 3.5')).toBe(
      true,
    );
    expect(isPlainParagraph('Ünïcödé 中文 text.')).toBe(true);
  });

  it('refuses anything markdown could read differently', () => {
    for (const text of [
      'some *emphasis*',
      'snake_case',
      'a `code` span',
      'a [link](x)',
      'see www.example.com',
      'mail me@example.com',
      'http://example.com',
      'mailto:someone',
      'hard  \nbreak',
      'a &amp; b',
      'price $5',
      'a | b',
      '~~gone~~',
      '<b>html</b>',
      'escaped \\*',
      '# heading',
      '- item',
      '+ item',
      '1. first',
      '2) second',
      '> quote',
      'Title\n===',
      'Title\n---',
      '    indented code',
    ])
      expect(isPlainParagraph(text), text).toBe(false);
  });
});
