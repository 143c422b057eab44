/**
 * A bundled worker loads its code after it starts, so a message posted to it at once may arrive
 * before anything listens. Its entry says when it listens; the page holds messages until then.
 */
export interface ReadySignal {
  channel: string;
  type: 'ready';
}

export function isReadySignal(message: unknown, channel: string): message is ReadySignal {
  return (
    typeof message === 'object' &&
    message !== null &&
    'channel' in message &&
    'type' in message &&
    message.channel === channel &&
    message.type === 'ready'
  );
}

/** Said by a worker's entry once its message listener is in place. */
export function announceReady(scope: { postMessage(message: ReadySignal): void }, channel: string) {
  scope.postMessage({ channel, type: 'ready' });
}
