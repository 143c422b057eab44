/**
 * Characters that can start markdown inline syntax (emphasis, code, links, images, HTML,
 * entities, escapes, math, tables, footnotes), GFM's bare autolinks (`www.`, `http://`, e-mail
 * addresses), and a hard line break (two spaces before a newline).
 */
const inlineSyntax = /[\\`*_[\]<>!~|$&@]|www\.|:\/\/|mailto:|xmpp:| {2,}\n/i;
/** A line that starts a heading, list, quote, underline or indented code. */
const blockStart = /^(?: {4}|\t| {0,3}(?:[-+=>#]|\d{1,9}[.)]))/m;

/**
 * Whether a block renders exactly as its text in a paragraph would: no character that could
 * start markdown syntax, no line that starts a list, quote or heading underline. Such a block,
 * while it streams, is shown as text without parsing it on every update.
 */
export function isPlainParagraph(text: string): boolean {
  return !inlineSyntax.test(text) && !blockStart.test(text);
}
