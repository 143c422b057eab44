/** Background tabs pause animation frames; a timer keeps the partial answer moving (and saved). */
const fallbackDelayMs = 250;
/**
 * At most this often the answer on screen grows. Each update re-renders the streaming answer's
 * last markdown block; ten or so a second read as smooth streaming at a fraction of the cost of
 * sixty (measured by bench/chat-render.mjs).
 */
const minimumIntervalMs = 80;

/**
 * Collects streamed text and hands it over on an animation frame, at most every 80 ms, so a fast
 * stream costs a few renders a second instead of one per token.
 */
export function createDeltaBuffer(apply: (reasoning: string, content: string) => void) {
  let reasoning = '';
  let content = '';
  let frame: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastApplied = 0;

  const flush = () => {
    if (frame !== undefined && typeof cancelAnimationFrame === 'function')
      cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
    frame = undefined;
    timer = undefined;
    if (!reasoning && !content) return;
    const pending = [reasoning, content] as const;
    reasoning = '';
    content = '';
    lastApplied = Date.now();
    apply(...pending);
  };

  const onFrame = () => {
    frame = undefined;
    const wait = lastApplied + minimumIntervalMs - Date.now();
    if (wait > 0 && typeof requestAnimationFrame === 'function') {
      frame = requestAnimationFrame(onFrame);
      return;
    }
    flush();
  };

  return {
    add(reasoningDelta: string, contentDelta: string) {
      reasoning += reasoningDelta;
      content += contentDelta;
      if (timer !== undefined) return;
      timer = setTimeout(flush, fallbackDelayMs);
      if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(onFrame);
    },
    flush,
  };
}
