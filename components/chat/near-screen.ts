'use client';

import { createContext, useContext, useEffect, useRef, useState, type RefObject } from 'react';

/** How far outside the scrolled list a message is drawn in full, ahead of the reader. */
const nearMargin = '1500px 0px';

/**
 * One IntersectionObserver for a scrolling list: tells each watched element, once, that it has
 * come within `nearMargin` of the list's visible part. Elements may be watched before the list
 * is connected (children's effects run before their parent's).
 */
export class NearScreenWatcher {
  private observer: IntersectionObserver | undefined;
  private readonly callbacks = new Map<Element, () => void>();

  connect(root: Element): void {
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const onNear = entry.isIntersecting ? this.callbacks.get(entry.target) : undefined;
          if (!onNear) continue;
          this.unwatch(entry.target);
          onNear();
        }
      },
      { root, rootMargin: nearMargin },
    );
    for (const element of this.callbacks.keys()) this.observer.observe(element);
  }

  disconnect(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  watch(element: Element, onNear: () => void): () => void {
    this.callbacks.set(element, onNear);
    this.observer?.observe(element);
    return () => this.unwatch(element);
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
  useEffect(() => {
    const element = ref.current;
    if (near || !watcher || !element) return;
    return watcher.watch(element, () => setNear(true));
  }, [near, watcher]);
  return [ref, near];
}
