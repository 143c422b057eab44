import { describe, expect, it, vi } from 'vitest';
import type { ConversationChange } from './conversation-sync';

/** Each load of the module is one tab: its own channel, its own listeners. */
async function openTab() {
  vi.resetModules();
  return import('./conversation-sync');
}

describe('two-tab sync', () => {
  it("delivers one tab's saves and deletions to the other, not back to itself", async () => {
    const first = await openTab();
    const second = await openTab();
    const heardBySecond: ConversationChange[] = [];
    const heardByFirst: ConversationChange[] = [];
    const stopSecond = second.onRemoteChange((change) => heardBySecond.push(change));
    const stopFirst = first.onRemoteChange((change) => heardByFirst.push(change));

    first.announceChange({ type: 'saved', id: 'c1', updatedAt: 5 });
    first.announceChange({ type: 'deleted', id: 'c2' });
    second.announceChange({ type: 'saved', id: 'c3', updatedAt: 6 });

    await vi.waitFor(() =>
      expect(heardBySecond).toEqual([
        { type: 'saved', id: 'c1', updatedAt: 5 },
        { type: 'deleted', id: 'c2' },
      ]),
    );
    await vi.waitFor(() =>
      expect(heardByFirst).toEqual([{ type: 'saved', id: 'c3', updatedAt: 6 }]),
    );
    stopFirst();
    stopSecond();
  });

  it('ignores messages it does not understand, and stops when asked', async () => {
    const tab = await openTab();
    const heard: ConversationChange[] = [];
    const stop = tab.onRemoteChange((change) => heard.push(change));
    const other = new BroadcastChannel('parley-conversations');
    other.postMessage({ type: 'saved', id: 42 });
    other.postMessage({ type: 'renamed', id: 'c1' });
    other.postMessage({ type: 'deleted', id: 'c1' });
    await vi.waitFor(() => expect(heard).toEqual([{ type: 'deleted', id: 'c1' }]));

    stop();
    other.postMessage({ type: 'deleted', id: 'c2' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(heard).toHaveLength(1);
    other.close();
  });
});
