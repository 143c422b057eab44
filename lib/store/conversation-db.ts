import { conversationSchemaVersion, type Conversation } from './chat-types';
import {
  conversationStoreName,
  looksLikeConversation,
  migrateConversation,
  upgradeConversationDatabase,
} from './conversation-migrations';

/**
 * Conversations in IndexedDB, one record per conversation, so saving one never rewrites the rest.
 * The database version is the schema version (`conversationSchemaVersion`); opening it upgrades
 * older data (see conversation-migrations.ts) and leaves newer data alone.
 */
const databaseName = 'parley';

export type StorageState =
  | { mode: 'read-write' }
  /** Written by a newer Parley: shown, never written, so that version's data stays intact. */
  | { mode: 'read-only'; storedVersion: number }
  /** No IndexedDB (private mode, blocked by an older tab, failed): the chat works in memory. */
  | { mode: 'unavailable'; reason: 'unsupported' | 'blocked' | 'failed' };

export class StorageError extends Error {
  readonly reason: 'full' | 'read-only' | 'unavailable';
  constructor(reason: StorageError['reason'], options?: ErrorOptions) {
    super(`Conversation storage is ${reason}`, options);
    this.name = new.target.name;
    this.reason = reason;
  }
}

/** The browser refused the write for lack of space; the record stored before is unchanged. */
export class StorageFullError extends StorageError {
  constructor(options?: ErrorOptions) {
    super('full', options);
  }
}

export class StorageReadOnlyError extends StorageError {
  readonly storedVersion: number;
  constructor(storedVersion: number) {
    super('read-only');
    this.storedVersion = storedVersion;
  }
}

export class StorageUnavailableError extends StorageError {
  constructor(options?: ErrorOptions) {
    super('unavailable', options);
  }
}

interface Connection {
  database?: IDBDatabase;
  state: StorageState;
}

let connection: Promise<Connection> | undefined;

function connect(): Promise<Connection> {
  connection ??= openDatabase();
  return connection;
}

/** Opens the database (upgrading it if older) and reads every conversation in one transaction. */
export async function openConversations(): Promise<{
  conversations: Conversation[];
  state: StorageState;
}> {
  const { database, state } = await connect();
  if (!database) return { conversations: [], state };
  try {
    const records = await readOnly(database, (store) => store.getAll());
    return { conversations: records.flatMap((record) => readRecord(record, state) ?? []), state };
  } catch {
    connection = Promise.resolve({ state: { mode: 'unavailable', reason: 'failed' } });
    return { conversations: [], state: { mode: 'unavailable', reason: 'failed' } };
  }
}

/** One conversation as stored now, e.g. after another tab announced that it saved it. */
export async function loadConversation(id: string): Promise<Conversation | undefined> {
  const { database, state } = await connect();
  if (!database) return undefined;
  try {
    return readRecord(await readOnly(database, (store) => store.get(id)), state);
  } catch {
    return undefined;
  }
}

/**
 * One put in its own transaction: if it fails (storage full), IndexedDB rolls it back and the
 * copy stored before stays whole, never replaced by a partial one.
 */
export async function saveConversation(conversation: Conversation): Promise<void> {
  await write((store) => store.put(conversation, conversation.id));
}

export async function deleteConversationRecord(id: string): Promise<void> {
  await write((store) => store.delete(id));
}

/** Asks the browser not to evict conversations under storage pressure; false where refused. */
export async function requestPersistentStorage(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !('storage' in navigator)) return false;
  try {
    // Asking again when already granted would make Firefox prompt for nothing.
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return false;
  }
}

async function openDatabase(): Promise<Connection> {
  if (typeof indexedDB === 'undefined')
    return { state: { mode: 'unavailable', reason: 'unsupported' } };
  try {
    return watch(await openRequest(conversationSchemaVersion), { mode: 'read-write' });
  } catch (error) {
    if (isNamed(error, 'VersionError')) return openNewer();
    const reason = isNamed(error, 'BlockedError') ? 'blocked' : 'failed';
    return { state: { mode: 'unavailable', reason } };
  }
}

/** A newer Parley upgraded the database: open it at its own version, to read only. */
async function openNewer(): Promise<Connection> {
  try {
    const database = await openRequest(undefined);
    return watch(database, { mode: 'read-only', storedVersion: database.version });
  } catch {
    return { state: { mode: 'unavailable', reason: 'failed' } };
  }
}

function openRequest(version: number | undefined): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request =
      version === undefined ? indexedDB.open(databaseName) : indexedDB.open(databaseName, version);
    let blocked = false;
    if (version !== undefined) {
      request.onupgradeneeded = (event) => {
        if (request.transaction) upgradeConversationDatabase(request.transaction, event.oldVersion);
      };
    }
    // An older Parley tab keeps the database open: go on in memory rather than wait for it.
    // The upgrade still runs once that tab closes; the connection it brings is not ours to keep.
    request.onblocked = () => {
      blocked = true;
      reject(new DOMException('An older Parley tab holds the database', 'BlockedError'));
    };
    request.onsuccess = () => (blocked ? request.result.close() : resolve(request.result));
    request.onerror = () => reject(request.error);
  });
}

/** A newer Parley in another tab wants to upgrade: let it, and stop writing from this older one. */
function watch(database: IDBDatabase, state: StorageState): Connection {
  database.onversionchange = (event) => {
    database.close();
    const next: StorageState =
      event.newVersion === null
        ? { mode: 'unavailable', reason: 'failed' }
        : { mode: 'read-only', storedVersion: event.newVersion };
    connection = Promise.resolve({ state: next });
  };
  return { database, state };
}

function readRecord(record: unknown, state: StorageState): Conversation | undefined {
  if (state.mode === 'read-only') return looksLikeConversation(record) ? record : undefined;
  return migrateConversation(record, conversationSchemaVersion);
}

function readOnly<T>(database: IDBDatabase, read: (store: IDBObjectStore) => IDBRequest<T>) {
  const request = read(
    database.transaction(conversationStoreName).objectStore(conversationStoreName),
  );
  return new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function write(operation: (store: IDBObjectStore) => void): Promise<void> {
  const { database, state } = await connect();
  if (state.mode === 'read-only') throw new StorageReadOnlyError(state.storedVersion);
  if (!database) throw new StorageUnavailableError();
  try {
    const transaction = database.transaction(conversationStoreName, 'readwrite');
    const done = new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      // Browsers report a full disk at commit, as an abort whose error is QuotaExceededError.
      transaction.onabort = () => reject(transaction.error ?? new DOMException('', 'AbortError'));
    });
    try {
      operation(transaction.objectStore(conversationStoreName));
    } catch (error) {
      transaction.abort();
      await done.catch(() => undefined);
      throw error;
    }
    await done;
  } catch (error) {
    if (isNamed(error, 'QuotaExceededError') || isNamed(error, 'NS_ERROR_DOM_QUOTA_REACHED'))
      throw new StorageFullError({ cause: error });
    // The connection was closed under us (a newer tab upgraded, the browser dropped it).
    if (isNamed(error, 'InvalidStateError')) throw new StorageUnavailableError({ cause: error });
    throw error;
  }
}

function isNamed(error: unknown, name: string): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && error.name === name;
}
