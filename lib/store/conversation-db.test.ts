import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { createStore, set } from 'idb-keyval';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Conversation } from './chat-types';

/** Each test gets an empty browser and a freshly loaded module, as after a reload. */
async function reload() {
  vi.resetModules();
  return import('./conversation-db');
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const version1Record = {
  id: 'c1',
  title: 'Old chat',
  model: 'openai:gpt-4.1',
  createdAt: 1,
  updatedAt: 3,
  messages: [
    { id: 'u1', role: 'user', content: 'Hi', status: 'done', createdAt: 1 },
    { id: 'a1', role: 'assistant', content: 'Hello', status: 'done', createdAt: 2 },
    { id: 'u2', role: 'user', content: 'More', status: 'done', createdAt: 3 },
  ],
};

const conversation: Conversation = {
  id: 'c2',
  title: 'New chat',
  titleSource: 'auto',
  model: 'openai:gpt-4.1',
  createdAt: 10,
  updatedAt: 10,
  messages: [{ id: 'u1', role: 'user', content: 'Hi', status: 'done', createdAt: 10 }],
  leafId: 'u1',
};

/** Opens the database as it is now, without upgrading it, the way a test can look inside. */
function openAsIs(version?: number, upgrade?: (database: IDBDatabase) => void) {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('parley', version);
    request.onupgradeneeded = () => upgrade?.(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function storedRecords(storeName: string): Promise<{ version: number; records: unknown[] }> {
  const database = await openAsIs();
  const request = database.transaction(storeName).objectStore(storeName).getAll();
  const records = await new Promise<unknown[]>((resolve) => {
    request.onsuccess = () => resolve(request.result);
  });
  database.close();
  return { version: database.version, records };
}

/** Writes version 1 data exactly as the previous Parley did, then closes that tab. */
async function writeVersion1(records: Record<string, unknown>, closeAfterwards = true) {
  const store = createStore('parley', 'conversations');
  for (const [key, value] of Object.entries(records)) await set(key, value, store);
  if (closeAfterwards) await store('readonly', (objectStore) => objectStore.transaction.db.close());
  return store;
}

describe('conversation storage', () => {
  it('keeps each conversation as its own record, and deletes one', async () => {
    const storage = await reload();
    await storage.saveConversation(conversation);
    await storage.saveConversation({ ...conversation, id: 'c3' });
    await storage.deleteConversationRecord('c3');
    const { conversations, state } = await (await reload()).openConversations();
    expect(state).toEqual({ mode: 'read-write' });
    expect(conversations).toEqual([conversation]);
  });

  it('migrates version 1 data on open, after backing it up untouched', async () => {
    await writeVersion1({ c1: version1Record, junk: { nonsense: true } });
    const { conversations, state } = await (await reload()).openConversations();
    expect(state).toEqual({ mode: 'read-write' });
    expect(conversations).toHaveLength(1);
    expect(conversations[0]).toMatchObject({ id: 'c1', titleSource: 'auto', leafId: 'u2' });
    expect(conversations[0]?.messages.map((message) => message.parentId)).toEqual([
      undefined,
      'u1',
      'a1',
    ]);
    const backup = await storedRecords('backup-v1');
    expect(backup.version).toBe(2);
    expect(backup.records).toEqual(expect.arrayContaining([version1Record, { nonsense: true }]));
    expect((await storedRecords('conversations')).records).toEqual(conversations);
  });

  it('goes on in memory while an older tab blocks the upgrade, which runs once it closes', async () => {
    const olderTab = await writeVersion1({ c1: version1Record }, false);
    const { conversations, state } = await (await reload()).openConversations();
    expect(state).toEqual({ mode: 'unavailable', reason: 'blocked' });
    expect(conversations).toEqual([]);
    await olderTab('readonly', (objectStore) => objectStore.transaction.db.close());
    await vi.waitFor(async () => expect((await storedRecords('backup-v1')).version).toBe(2));
  });

  it('opens data from a newer version read-only and never writes to it', async () => {
    const newer = { ...conversation, futureField: 'kept' };
    const database = await openAsIs(3, (upgrading) =>
      upgrading.createObjectStore('conversations').put(newer, newer.id),
    );
    database.close();
    const storage = await reload();
    const { conversations, state } = await storage.openConversations();
    expect(state).toEqual({ mode: 'read-only', storedVersion: 3 });
    expect(conversations).toEqual([newer]);
    await expect(storage.saveConversation({ ...conversation, title: 'Changed' })).rejects.toThrow(
      storage.StorageReadOnlyError,
    );
    await expect(storage.deleteConversationRecord(newer.id)).rejects.toThrow(
      storage.StorageReadOnlyError,
    );
    expect(await storedRecords('conversations')).toEqual({ version: 3, records: [newer] });
  });

  it('stops writing when a newer tab upgrades the database', async () => {
    const storage = await reload();
    await storage.openConversations();
    (await openAsIs(3)).close();
    await expect(storage.saveConversation(conversation)).rejects.toThrow(
      storage.StorageReadOnlyError,
    );
  });

  it('reports a full disk as StorageFullError and keeps the last good copy', async () => {
    const storage = await reload();
    await storage.saveConversation(conversation);
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      const partial = { ...conversation, title: 'Partial', updatedAt: 11 };
      await expect(storage.saveConversation(partial)).rejects.toThrow(storage.StorageFullError);
    } finally {
      put.mockRestore();
    }
    expect(await storage.loadConversation(conversation.id)).toEqual(conversation);
  });

  it('works in memory where IndexedDB is missing', async () => {
    Reflect.deleteProperty(globalThis, 'indexedDB');
    const storage = await reload();
    expect(await storage.openConversations()).toEqual({
      conversations: [],
      state: { mode: 'unavailable', reason: 'unsupported' },
    });
    await expect(storage.saveConversation(conversation)).rejects.toThrow(
      storage.StorageUnavailableError,
    );
  });

  it('asks once for persistent storage, and not again once granted', async () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', { storage: { persisted: async () => false, persist } });
    try {
      const storage = await reload();
      expect(await storage.requestPersistentStorage()).toBe(true);
      vi.stubGlobal('navigator', { storage: { persisted: async () => true, persist } });
      expect(await storage.requestPersistentStorage()).toBe(true);
      expect(persist).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
