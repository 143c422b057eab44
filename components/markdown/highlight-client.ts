import { startReadyWorker, type ReadyWorker } from '@/lib/workers/ready-worker';
import type { GrammarName } from './highlight-languages';
import type { HighlightResult } from './highlighter';
import {
  highlightChannel,
  isHighlightMessage,
  type HighlightRequest,
  type HighlightResponse,
} from './highlight-messages';

let worker: ReadyWorker | undefined;
let workerFailed = false;
let nextId = 0;
const pending = new Map<number, (result: HighlightResult | null) => void>();

function highlightWorker(): ReadyWorker | undefined {
  if (worker || workerFailed || typeof Worker !== 'function') return worker;
  worker = startReadyWorker(
    () => new Worker(new URL('./highlight-worker.ts', import.meta.url), { type: 'module' }),
    highlightChannel,
    {
      onMessage: (data) => {
        if (!isHighlightMessage<HighlightResponse>(data)) return;
        pending.get(data.id)?.(data.result);
        pending.delete(data.id);
      },
      onError: () => {
        // The worker could not start (a blocked script, say): the code stays plain.
        workerFailed = true;
        worker = undefined;
        for (const resolve of pending.values()) resolve(null);
        pending.clear();
      },
    },
  );
  workerFailed = worker === undefined;
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
    target.post({ channel: highlightChannel, id, code, grammar } satisfies HighlightRequest);
  });
}
