import { conversationSchemaVersion, type ChatMessage, type Conversation } from './chat-types';

/** The object store that holds one record per conversation, keyed by its id (since version 1). */
export const conversationStoreName = 'conversations';

type Step = (record: unknown) => unknown;

/**
 * One step per schema version, each taking a record of version N to N + 1. A step returns
 * undefined for a record it cannot read; that record is skipped (the backup still has it).
 */
const steps: Record<number, Step> = {
  // Version 1 kept one linear list: each message follows the one before it.
  1: (record) => {
    if (!looksLikeConversation(record)) return undefined;
    let previous: string | undefined;
    const messages = record.messages.map((message) => {
      const migrated: ChatMessage = { ...message, parentId: message.parentId ?? previous };
      previous = message.id;
      return migrated;
    });
    return {
      ...record,
      titleSource: record.titleSource ?? 'auto',
      messages,
      leafId: record.leafId ?? previous,
    };
  },
};

/** Brings one stored or imported record to the current schema; undefined when it is not one. */
export function migrateConversation(
  record: unknown,
  fromVersion: number,
): Conversation | undefined {
  if (fromVersion > conversationSchemaVersion) return undefined;
  // A non-empty conversation without `leafId` was written by version 1 code: an old Parley tab
  // can still write into an upgraded database, so its records are recognised by their shape.
  let version = isLinear(record) ? Math.min(fromVersion, 1) : fromVersion;
  let current = record;
  for (; version < conversationSchemaVersion; version++) {
    const step = steps[version];
    if (!step) return undefined;
    current = step(current);
  }
  return looksLikeConversation(current) ? current : undefined;
}

/**
 * Enough of a conversation for the UI not to break on it. Deliberately shallow: it runs on every
 * record at load, and full validation is for imported files.
 */
export function looksLikeConversation(value: unknown): value is Conversation {
  if (!isObject(value)) return false;
  return (
    typeof value.id === 'string' &&
    typeof value.title === 'string' &&
    typeof value.model === 'string' &&
    typeof value.createdAt === 'number' &&
    typeof value.updatedAt === 'number' &&
    Array.isArray(value.messages) &&
    value.messages.every(looksLikeMessage)
  );
}

function looksLikeMessage(value: unknown): value is ChatMessage {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    (value.role === 'user' || value.role === 'assistant') &&
    typeof value.content === 'string' &&
    typeof value.status === 'string' &&
    typeof value.createdAt === 'number'
  );
}

function isLinear(record: unknown): boolean {
  return (
    isObject(record) &&
    record.leafId === undefined &&
    Array.isArray(record.messages) &&
    record.messages.length > 0
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Runs inside the versionchange transaction, so the backup, the migrated records and the new
 * database version commit together or not at all: a failed upgrade leaves the old data as it
 * was. The database version is the schema version; version 1 is what idb-keyval created.
 */
export function upgradeConversationDatabase(transaction: IDBTransaction, oldVersion: number): void {
  const database = transaction.db;
  if (!database.objectStoreNames.contains(conversationStoreName)) {
    database.createObjectStore(conversationStoreName);
    return;
  }
  const backupName = `backup-v${oldVersion}`;
  const backup = database.objectStoreNames.contains(backupName)
    ? transaction.objectStore(backupName)
    : database.createObjectStore(backupName);
  const live = transaction.objectStore(conversationStoreName);
  const keysRequest = live.getAllKeys();
  const recordsRequest = live.getAll();
  // Requests on one store complete in order, so both lists are ready here, in the same key order.
  recordsRequest.onsuccess = () => {
    const keys = keysRequest.result;
    const records: unknown[] = recordsRequest.result;
    records.forEach((record, index) => backup.put(record, keys[index]));
    records.forEach((record, index) => {
      const key = keys[index];
      if (key === undefined) return;
      const migrated = migrateConversation(record, oldVersion);
      if (migrated) live.put(migrated, key);
      else live.delete(key);
    });
  };
}
