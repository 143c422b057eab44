import type { StreamPart } from './types';

const OPEN_TAG = '<think>';
const CLOSE_TAG = '</think>';

export interface ThinkTagSplitter {
  /** Parts for the next piece of answer text: reasoning inside think tags, answer text outside. */
  push(text: string): StreamPart[];
  /** Parts for text held back because it might have been the start of a tag. */
  flush(): StreamPart[];
}

/**
 * Splits `<think>…</think>` out of streamed answer text. Servers that do not separate reasoning
 * (LM Studio with its reasoning setting off, some llama.cpp and vLLM builds) send it inline in
 * `content`; see wire-formats §8. Only explicit tags count: text is never assumed to be
 * reasoning because an opening tag might be missing. A tag may arrive cut across chunks
 * (`<thi` + `nk>`), so a trailing piece that could still become a tag is held back until the
 * next chunk, or until `flush()`, which gives it back as what it turned out to be: plain text.
 */
export function createThinkTagSplitter(): ThinkTagSplitter {
  let insideThink = false;
  let held = '';

  const part = (text: string): StreamPart =>
    insideThink ? { type: 'reasoning-delta', text } : { type: 'text-delta', text };

  return {
    push(text) {
      const parts: StreamPart[] = [];
      let rest = held + text;
      held = '';
      for (;;) {
        const tag = insideThink ? CLOSE_TAG : OPEN_TAG;
        const tagStart = rest.indexOf(tag);
        if (tagStart === -1) break;
        if (tagStart > 0) parts.push(part(rest.slice(0, tagStart)));
        rest = rest.slice(tagStart + tag.length);
        insideThink = !insideThink;
      }
      const partialLength = partialTagLength(rest, insideThink ? CLOSE_TAG : OPEN_TAG);
      held = rest.slice(rest.length - partialLength);
      const ready = rest.slice(0, rest.length - partialLength);
      if (ready) parts.push(part(ready));
      return parts;
    },

    flush() {
      const parts = held ? [part(held)] : [];
      held = '';
      return parts;
    },
  };
}

/** Length of the longest end of `text` that is the beginning of `tag` (shorter than the tag). */
function partialTagLength(text: string, tag: string): number {
  for (let length = Math.min(text.length, tag.length - 1); length > 0; length--) {
    if (text.endsWith(tag.slice(0, length))) return length;
  }
  return 0;
}
