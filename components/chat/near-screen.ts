'use client';

import {
  createContext,
  useContext,
  useLayoutEffect,
  useRef,
  useState,
  type RefObject,
} from 'react';

/** Where the browser cannot say when a skipped element becomes relevant, how far ahead to look. */
const nearMargin = '1500px 0px';

/** The browser's own signal for a `content-visibility: auto` element about to be shown. */
const relevanceEvent = 'contentvisibilityautostatechange';

/**
 * Tells each watched element of a scrolling list, once, that it has come near the visible part.
 * The list's messages are `content-visibility: auto`, so the browser already tracks which of them
 * are about to be shown and says so with one event per change, caught here by one listener on
 * the list; an IntersectionObserver of its own would compute every watched element's
 * intersection on every frame of a stream. Browsers without that event get the observer.
 * Elements may be watched before the list is connected (children's effects run first).
 */
export class NearScreenWatcher {
  private root: Element | undefined;
  private observer: IntersectionObserver | undefined;
  private readonly callbacks = new Map<Element, () => void>();

  private readonly onRelevance = (event: Event) => {
    const skipped = (event as Event & { skipped?: boolean }).skipped;
    if (skipped === false && event.target instanceof Element) this.reveal(event.target);
  };

  connect(root: Element): void {
    this.root = root;
    if (`on${relevanceEvent}` in root) {
      root.addEventListener(relevanceEvent, this.onRelevance, { capture: true });
      return;
    }
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) if (entry.isIntersecting) this.reveal(entry.target);
      },
      { root, rootMargin: nearMargin },
    );
    for (const element of this.callbacks.keys()) this.observer.observe(element);
  }

  disconnect(): void {
    this.root?.removeEventListener(relevanceEvent, this.onRelevance, { capture: true });
    this.observer?.disconnect();
    this.observer = undefined;
    this.root = undefined;
  }

  watch(element: Element, onNear: () => void): () => void {
    this.callbacks.set(element, onNear);
    this.observer?.observe(element);
    return () => this.unwatch(element);
  }

  private reveal(element: Element): void {
    const onNear = this.callbacks.get(element);
    if (!onNear) return;
    this.unwatch(element);
    onNear();
  }

  private unwatch(element: Element): void {
    this.callbacks.delete(element);
    this.observer?.unobserve(element);
  }
}

export const NearScreenContext = createContext<NearScreenWatcher | undefined>(undefined);

/**
 * Whether an element of a watched list is, or has once been, near the screen. Outside a list,
 * always true.
 */
export function useNearScreen<T extends Element>(
  initially: boolean,
): [RefObject<T | null>, boolean] {
  const watcher = useContext(NearScreenContext);
  const ref = useRef<T>(null);
  const [near, setNear] = useState(initially || watcher === undefined);
  // Before the browser's next frame, which is when it tells an element's relevance.
  useLayoutEffect(() => {
    const element = ref.current;
    if (near || !watcher || !element) return;
    return watcher.watch(element, () => setNear(true));
  }, [near, watcher]);
  return [ref, near];
}
