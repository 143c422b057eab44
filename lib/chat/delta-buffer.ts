/**
 * At most this often the answer on screen grows. Each update re-renders the streaming answer's
 * open tail and makes the browser lay out and paint a frame; eight a second still read as smooth
 * streaming (a few words each at a fast model's pace) at a fraction of the cost of sixty
 * (measured by bench/chat-render.mjs).
 */
export const deltaIntervalMs = 125;

/**
 * Collects streamed text and hands it over at most every 125 ms, so a fast stream costs eight
 * renders a second instead of one per token. A plain timer, not an animation-frame loop: waiting
 * frame by frame for the interval to pass would make the browser produce every frame of the
 * stream (measured: 190 ms of main thread a second). Timers also keep a background tab's answer
 * moving and saved.
 */
export function createDeltaBuffer(apply: (reasoning: string, content: string) => void) {
  let reasoning = '';
  let content = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastApplied = Number.NEGATIVE_INFINITY;

  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!reasoning && !content) return;
    const pending = [reasoning, content] as const;
    reasoning = '';
    content = '';
    lastApplied = Date.now();
    apply(...pending);
  };

  return {
    add(reasoningDelta: string, contentDelta: string) {
      reasoning += reasoningDelta;
      content += contentDelta;
      if (timer !== undefined) return;
      timer = setTimeout(flush, Math.max(0, lastApplied + deltaIntervalMs - Date.now()));
    },
    flush,
  };
}
