/**
 * Colours code off the main thread: compiling a grammar's patterns and tokenizing take hundreds of
 * milliseconds on a slow machine, which on the page would freeze typing and a streaming answer.
 */
import { highlight, type HighlightResult } from './highlighter';
import type { HighlightRequest, HighlightResponse } from './highlight-client';

interface WorkerScope {
  onmessage: ((event: MessageEvent<HighlightRequest>) => void) | null;
  postMessage(message: HighlightResponse): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, code, grammar } = event.data;
  highlight(code, grammar)
    .catch((): HighlightResult | null => null)
    .then((result) => scope.postMessage({ id, result }));
};
