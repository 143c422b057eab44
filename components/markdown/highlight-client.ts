import type { GrammarName } from './highlight-languages';
import type { HighlightResult } from './highlighter';

export interface HighlightRequest {
  id: number;
  code: string;
  grammar: GrammarName;
}

export interface HighlightResponse {
  id: number;
  result: HighlightResult | null;
}

let worker: Worker | undefined;
let workerFailed = false;
let nextId = 0;
const pending = new Map<number, (result: HighlightResult | null) => void>();

function highlightWorker(): Worker | undefined {
  if (worker || workerFailed || typeof Worker !== 'function') return worker;
  try {
    worker = new Worker(new URL('./highlight-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    workerFailed = true;
    return undefined;
  }
  worker.onmessage = (event: MessageEvent<HighlightResponse>) => {
    pending.get(event.data.id)?.(event.data.result);
    pending.delete(event.data.id);
  };
  worker.onerror = () => {
    // The worker could not start (a blocked script, say): colour on the page instead.
    workerFailed = true;
    worker?.terminate();
    worker = undefined;
    for (const resolve of pending.values()) resolve(null);
    pending.clear();
  };
  return worker;
}

/**
 * Highlighted lines for the code, worked out in a Web Worker (where the browser has none, on the
 * page), or null when it cannot be coloured. The highlighter loads on first use.
 */
export function highlightCode(code: string, grammar: GrammarName): Promise<HighlightResult | null> {
  const target = highlightWorker();
  if (!target) return import('./highlighter').then(({ highlight }) => highlight(code, grammar));
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    target.postMessage({ id, code, grammar } satisfies HighlightRequest);
  });
}
