import { isReadySignal } from './ready-signal';

export interface ReadyWorker {
  /** Sent now if the worker listens, else as soon as it says it does. */
  post(message: unknown): void;
}

/**
 * Starts a worker (`create` holds the `new Worker(new URL(…))` the bundler needs to see) and holds
 * messages until its entry announces it listens. Undefined where workers cannot start.
 */
export function startReadyWorker(
  create: () => Worker,
  channel: string,
  handlers: { onMessage: (data: unknown) => void; onError: () => void },
): ReadyWorker | undefined {
  let worker: Worker;
  try {
    worker = create();
  } catch {
    return undefined;
  }
  let ready = false;
  const held: unknown[] = [];
  worker.onmessage = (event: MessageEvent<unknown>) => {
    if (!isReadySignal(event.data, channel)) return handlers.onMessage(event.data);
    ready = true;
    for (const message of held.splice(0)) worker.postMessage(message);
  };
  worker.onerror = () => {
    worker.terminate();
    handlers.onError();
  };
  return {
    post(message) {
      if (ready) worker.postMessage(message);
      else held.push(message);
    },
  };
}
