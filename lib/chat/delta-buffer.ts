/** Background tabs pause animation frames; a timer keeps the partial answer moving (and saved). */
const fallbackDelayMs = 250;

/**
 * Collects streamed text and hands it over once per animation frame, so a fast stream costs one
 * render per frame instead of one per token.
 */
export function createDeltaBuffer(apply: (reasoning: string, content: string) => void) {
  let reasoning = '';
  let content = '';
  let frame: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

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
    apply(...pending);
  };

  return {
    add(reasoningDelta: string, contentDelta: string) {
      reasoning += reasoningDelta;
      content += contentDelta;
      if (timer !== undefined) return;
      timer = setTimeout(flush, fallbackDelayMs);
      if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(flush);
    },
    flush,
  };
}
