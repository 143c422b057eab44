/** A fenced code block's opening line: up to any indentation (list items indent them), then ``` or ~~~. */
const openingFence = /^\s*(`{3,}|~{3,})(.*)$/;

export interface Fence {
  /** The run of backticks or tildes; a closing fence needs the same character, at least as many. */
  marker: string;
  /** The first word of the info string, lower-cased: the language. */
  language: string;
}

/**
 * Reads a line as a fence opening, or returns null. A backtick fence whose info string holds a
 * backtick is inline code in CommonMark, not a fence.
 */
export function fenceOpening(line: string): Fence | null {
  const match = openingFence.exec(line);
  if (!match) return null;
  const marker = match[1] ?? '';
  const info = match[2] ?? '';
  if (marker.startsWith('`') && info.includes('`')) return null;
  return { marker, language: info.trim().split(/\s+/)[0]?.toLowerCase() ?? '' };
}

export function closesFence(line: string, fence: Fence): boolean {
  const trimmed = line.trim();
  const character = fence.marker.charAt(0);
  return trimmed.length >= fence.marker.length && [...trimmed].every((each) => each === character);
}
