/**
 * Colours code off the main thread: compiling a grammar's patterns and tokenizing take hundreds of
 * milliseconds on a slow machine, which on the page would freeze typing and a streaming answer.
 */
import { announceReady, type ReadySignal } from '@/lib/workers/ready-signal';
import { highlight, type HighlightResult } from './highlighter';
import {
  highlightChannel,
  isHighlightMessage,
  type HighlightRequest,
  type HighlightResponse,
} from './highlight-messages';

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  postMessage(message: HighlightResponse | ReadySignal): void;
}

const scope = globalThis as unknown as WorkerScope;

// A listener, not onmessage, and only for this worker's channel: the bundler may evaluate another
// worker's entry in the same scope.
scope.addEventListener('message', (event) => {
  if (!isHighlightMessage<HighlightRequest>(event.data)) return;
  const { id, code, grammar } = event.data;
  highlight(code, grammar)
    .catch((): HighlightResult | null => null)
    .then((result) => scope.postMessage({ channel: highlightChannel, id, result }));
});
announceReady(scope, highlightChannel);
