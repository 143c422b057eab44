import { closesFence, fenceOpening, type Fence } from './fences';

export interface MarkdownBlockSource {
  text: string;
  /** Ends inside a code fence or math block that has not been closed yet: the stream is mid-block. */
  open: boolean;
}

/** Link reference definitions and footnotes reach across blocks, so such a text stays whole. */
const crossBlockDefinition = /^ {0,3}\[[^\]\n]+\]:/m;

/** A line opening or closing a display-math block: `$$` or `\[` / `\]` alone at its start. */
function togglesMath(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === '\\[' || trimmed === '\\]') return true;
  return trimmed.startsWith('$$') && !trimmed.slice(2).includes('$$');
}

/**
 * Splits markdown into top-level blocks at blank lines outside code fences and math blocks, so a
 * streaming answer re-parses only its last block. A line indented after a blank line continues the
 * block before it (a list item's second paragraph, indented code), so it is not split off.
 */
export function splitMarkdownBlocks(text: string): MarkdownBlockSource[] {
  if (crossBlockDefinition.test(text)) {
    return [{ text, open: false }];
  }
  const blocks: MarkdownBlockSource[] = [];
  let lines: string[] = [];
  let fence: Fence | null = null;
  let inMath = false;
  let blankSeen = false;

  const finish = () => {
    if (lines.length > 0) blocks.push({ text: lines.join('\n'), open: false });
    lines = [];
  };

  for (const line of text.split('\n')) {
    if (fence || inMath) {
      lines.push(line);
      if (fence && closesFence(line, fence)) fence = null;
      else if (inMath && togglesMath(line)) inMath = false;
      continue;
    }
    if (line.trim() === '') {
      blankSeen = lines.length > 0;
      continue;
    }
    if (blankSeen && !/^\s/.test(line)) finish();
    else if (blankSeen) lines.push('');
    blankSeen = false;
    lines.push(line);
    fence = fenceOpening(line);
    inMath = !fence && togglesMath(line);
  }
  finish();
  const last = blocks.at(-1);
  if (last && (fence || inMath)) last.open = true;
  return blocks;
}
