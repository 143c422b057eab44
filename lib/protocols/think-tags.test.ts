import { describe, expect, it } from 'vitest';
import { createThinkTagSplitter } from './think-tags';
import type { StreamPart } from './types';

type Piece = [type: 'reasoning-delta' | 'text-delta', text: string];

/** Feeds the pieces, flushes, and merges neighbouring parts of one kind, as a reader sees them. */
function split(pieces: string[]): Piece[] {
  const splitter = createThinkTagSplitter();
  const parts: StreamPart[] = [...pieces.flatMap((piece) => splitter.push(piece))];
  parts.push(...splitter.flush());
  const merged: Piece[] = [];
  for (const part of parts) {
    if (part.type !== 'text-delta' && part.type !== 'reasoning-delta') continue;
    expect(part.text).not.toBe('');
    const last = merged.at(-1);
    if (last?.[0] === part.type) last[1] += part.text;
    else merged.push([part.type, part.text]);
  }
  return merged;
}

const sample = 'Hi <think>step 1 → 2\n</think>\n\nAnswer ✓ <b>bold</b> <thinking> ok';
const expected: Piece[] = [
  ['text-delta', 'Hi '],
  ['reasoning-delta', 'step 1 → 2\n'],
  ['text-delta', '\n\nAnswer ✓ <b>bold</b> <thinking> ok'],
];

describe('think tag splitter', () => {
  it('splits reasoning from answer text in one piece', () => {
    expect(split([sample])).toEqual(expected);
  });

  it.each([...Array(sample.length + 1).keys()])(
    'gives the same result when the text is cut at %i',
    (position) => {
      expect(split([sample.slice(0, position), sample.slice(position)])).toEqual(expected);
    },
  );

  it('gives the same result one character at a time', () => {
    expect(split([...sample])).toEqual(expected);
  });

  it('handles several think blocks and a stream that starts inside one', () => {
    expect(split(['<think>a</think>b<thi', 'nk>c</think>d'])).toEqual([
      ['reasoning-delta', 'a'],
      ['text-delta', 'b'],
      ['reasoning-delta', 'c'],
      ['text-delta', 'd'],
    ]);
  });

  it('never assumes reasoning without an opening tag', () => {
    expect(split(['thinking out loud</think>answer'])).toEqual([
      ['text-delta', 'thinking out loud</think>answer'],
    ]);
  });

  it('holds back only what could still become a tag, and gives it back at the end as text', () => {
    const splitter = createThinkTagSplitter();
    expect(splitter.push('a <thi')).toEqual([{ type: 'text-delta', text: 'a ' }]);
    expect(splitter.push('s is')).toEqual([{ type: 'text-delta', text: '<this is' }]);
    expect(splitter.push(' <')).toEqual([{ type: 'text-delta', text: ' ' }]);
    expect(splitter.flush()).toEqual([{ type: 'text-delta', text: '<' }]);
    expect(splitter.flush()).toEqual([]);
  });

  it('gives back a partial closing tag as reasoning when the stream ends inside a block', () => {
    expect(split(['<think>unfinished </th'])).toEqual([['reasoning-delta', 'unfinished </th']]);
  });
});
