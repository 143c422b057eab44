import type { Conversation } from '@/lib/store/chat-types';
import { conversationSchema } from '@/lib/store/export-import';
import { mergeConversations } from '@/lib/store/merge-conversations';
import { openRecord, recordIdFor, sealRecord, type SyncKeys } from './sync-crypto';
import type { SyncMemory } from './sync-memory';
import {
  syncRecordLimitBytes,
  type ChangesPage,
  type RecordWrite,
  type SyncRecord,
  type WriteResult,
} from './sync-wire';

/** `/api/sync/<space>`, as the engine needs it. */
export interface SyncTransport {
  changes(after: number): Promise<ChangesPage>;
  /** Records by id, as they are now. */
  records(ids: string[]): Promise<Array<Omit<SyncRecord, 'sequence'>>>;
  write(records: RecordWrite[]): Promise<WriteResult>;
}

/**
 * Settings that travel, as named records: `settings` (preferences) always, `keys` (API keys,
 * endpoint keys, the access code) only from and to devices where the person ticked it.
 */
export type SettingsName = 'settings' | 'keys';
export interface SettingsRecord {
  name: SettingsName;
  value: Record<string, unknown>;
  /** When the person last changed it here (0: never: another device's version wins). */
  changedAt: number;
}

/** This device's data, as the engine reads and changes it. */
export interface SyncLocal {
  conversations(): Conversation[];
  /** Saves conversations merged with other devices' copies, all at once. */
  putConversations(conversations: Conversation[]): void;
  removeConversations(ids: string[]): void;
  /** The settings records this device syncs. */
  settings(): SettingsRecord[];
  /**
   * Merges another device's settings record in (preferences when newer; keys where this device
   * has none, or when newer: a key is never erased by another device).
   */
  applySettings(record: SettingsRecord): void;
}

export interface SyncReport {
  pulled: number;
  pushed: number;
  /** Changes left to send (after a quota refusal, or too large). */
  pending: number;
  tooLarge: number;
  quotaExceeded: boolean;
  usedBytes: number;
  quotaBytes: number;
  bytesSent: number;
  bytesReceived: number;
}

type Payload =
  | { kind: 'conversation'; name: string; conversation: Conversation }
  | { kind: 'deleted'; name: string; deletedAt: number }
  | { kind: 'settings'; name: SettingsName; changedAt: number; value: Record<string, unknown> };

const batchBytes = 8 * 1024 * 1024;
const batchRecords = 50;
const deletedMark = 'deleted';
const fingerprints = new WeakMap<object, string>();

/**
 * One sync: read what other devices wrote since the last run and merge it in (two copies of a
 * conversation merge as two tabs' do, so nothing is lost), then write what changed here, each
 * record on its own, conditionally on the version read. A record another device wrote meanwhile
 * comes back as a conflict, is merged, and is written again in the next round.
 */
export async function runSync(
  keys: SyncKeys,
  transport: SyncTransport,
  local: SyncLocal,
  memory: SyncMemory,
): Promise<SyncReport> {
  const report: SyncReport = {
    pulled: 0,
    pushed: 0,
    pending: 0,
    tooLarge: 0,
    quotaExceeded: false,
    usedBytes: 0,
    quotaBytes: 0,
    bytesSent: 0,
    bytesReceived: 0,
  };
  const ids = new Map<string, string>();
  const idOf = async (name: string) => {
    let id = ids.get(name);
    if (!id) ids.set(name, (id = await recordIdFor(keys, name)));
    return id;
  };

  // A settings record this device syncs but never took (keys, ticked after they passed by):
  // read as it is now.
  const missed: string[] = [];
  for (const record of local.settings()) {
    const id = await idOf(record.name);
    if (memory.synced[record.name] === undefined && memory.versions[id] !== undefined) {
      missed.push(id);
    }
  }
  if (missed.length > 0) {
    const changing = new LocalChanges(local);
    for (const record of await transport.records(missed)) {
      memory.versions[record.id] = record.version;
      const payload = await openPayload(keys, record.id, record.data);
      if (payload) apply(payload, changing, local, memory);
    }
    changing.save();
  }

  for (let round = 0; round < 3; round += 1) {
    await pull(keys, transport, local, memory, report);
    const conflicts = await push(keys, transport, local, memory, report, idOf);
    if (!conflicts) break;
  }
  return report;
}

async function pull(
  keys: SyncKeys,
  transport: SyncTransport,
  local: SyncLocal,
  memory: SyncMemory,
  report: SyncReport,
): Promise<void> {
  // Bounded: a space of many pages is read over several runs.
  for (let page = 0; page < 200; page += 1) {
    const changes = await transport.changes(memory.cursor);
    report.usedBytes = changes.usedBytes;
    report.quotaBytes = changes.quotaBytes;
    const changing = new LocalChanges(local);
    for (const record of changes.records) {
      report.bytesReceived += record.data.length;
      // A version this device wrote itself, or has already read.
      if (memory.versions[record.id] === record.version) continue;
      memory.versions[record.id] = record.version;
      const payload = await openPayload(keys, record.id, record.data);
      if (payload) {
        apply(payload, changing, local, memory);
        report.pulled += 1;
      }
    }
    changing.save();
    const last = changes.records.at(-1);
    memory.cursor = last && last.sequence < changes.sequence ? last.sequence : changes.sequence;
    if (memory.cursor >= changes.sequence) return;
  }
}

/** Writes what changed here; `true` when a record came back as a conflict (merged, to resend). */
async function push(
  keys: SyncKeys,
  transport: SyncTransport,
  local: SyncLocal,
  memory: SyncMemory,
  report: SyncReport,
  idOf: (name: string) => Promise<string>,
): Promise<boolean> {
  const changed: Array<{ payload: Payload; fingerprint: string }> = [];
  const present = new Set<string>();
  for (const conversation of local.conversations()) {
    const name = `conversation:${conversation.id}`;
    present.add(name);
    // An empty draft is not a conversation yet; a streaming answer is sent once it ends.
    if (conversation.messages.length === 0) continue;
    if (conversation.messages.some((message) => message.status === 'streaming')) continue;
    const fingerprint = fingerprintOf(conversation);
    if (memory.synced[name] !== fingerprint) {
      changed.push({ payload: { kind: 'conversation', name, conversation }, fingerprint });
    }
  }
  for (const [name, fingerprint] of Object.entries(memory.synced)) {
    if (!name.startsWith('conversation:') || fingerprint === deletedMark || present.has(name)) {
      continue;
    }
    changed.push({
      payload: { kind: 'deleted', name, deletedAt: Date.now() },
      fingerprint: deletedMark,
    });
  }
  // Settings go by time: a record is sent when it was changed here after the version the space
  // holds (times only grow, so two devices never trade one back and forth).
  for (const record of local.settings()) {
    const fingerprint = String(record.changedAt);
    if (record.changedAt > Number(memory.synced[record.name] ?? 0)) {
      changed.push({
        payload: {
          kind: 'settings',
          name: record.name,
          changedAt: record.changedAt,
          value: record.value,
        },
        fingerprint,
      });
    }
  }

  let conflicts = false;
  const changing = new LocalChanges(local);
  let batch: Array<{ id: string; base: number; data: string; name: string; fingerprint: string }> =
    [];
  let size = 0;
  const send = async () => {
    if (batch.length === 0) return;
    const sent = batch;
    batch = [];
    size = 0;
    const { sequenceBefore, sequenceAfter, outcomes } = await transport.write(
      sent.map(({ id, base, data }) => ({ id, base, data })),
    );
    // Nobody else wrote since this device last read: what lies between is its own writes.
    if (memory.cursor === sequenceBefore) memory.cursor = sequenceAfter;
    for (const outcome of outcomes) {
      const entry = sent.find((one) => one.id === outcome.id);
      if (!entry) continue;
      memory.versions[outcome.id] = outcome.version;
      if (outcome.outcome === 'ok') {
        memory.synced[entry.name] = entry.fingerprint;
        report.pushed += 1;
      } else if (outcome.outcome === 'conflict') {
        conflicts = true;
        const payload = await openPayload(keys, outcome.id, outcome.data);
        if (payload) apply(payload, changing, local, memory);
      } else {
        report.quotaExceeded = true;
        report.pending += 1;
      }
    }
  };
  for (const { payload, fingerprint } of changed) {
    const id = await idOf(payload.name);
    const data = await sealRecord(keys, id, payload);
    if (data.length > syncRecordLimitBytes) {
      report.tooLarge += 1;
      continue;
    }
    if (batch.length >= batchRecords || size + data.length > batchBytes) await send();
    batch.push({ id, base: memory.versions[id] ?? 0, data, name: payload.name, fingerprint });
    size += data.length;
    report.bytesSent += data.length;
  }
  await send();
  changing.save();
  return conflicts;
}

/**
 * Changes to this device's conversations during one page of records, saved together: one store
 * update (and one render) for a page of a thousand conversations, not a thousand.
 */
class LocalChanges {
  private readonly byId: Map<string, Conversation>;
  private readonly put = new Map<string, Conversation>();
  private readonly removed = new Set<string>();

  constructor(private readonly local: SyncLocal) {
    this.byId = new Map(
      local.conversations().map((conversation) => [conversation.id, conversation]),
    );
  }

  get(id: string): Conversation | undefined {
    return this.byId.get(id);
  }

  set(conversation: Conversation): void {
    this.byId.set(conversation.id, conversation);
    this.put.set(conversation.id, conversation);
    this.removed.delete(conversation.id);
  }

  remove(id: string): void {
    this.byId.delete(id);
    this.put.delete(id);
    this.removed.add(id);
  }

  save(): void {
    if (this.put.size > 0) this.local.putConversations([...this.put.values()]);
    if (this.removed.size > 0) this.local.removeConversations([...this.removed]);
    this.put.clear();
    this.removed.clear();
  }
}

/** Conversations changed or deleted here and not yet in the space (shown in the settings). */
export function pendingChanges(conversations: Conversation[], memory: SyncMemory): number {
  let pending = 0;
  const present = new Set<string>();
  for (const conversation of conversations) {
    const name = `conversation:${conversation.id}`;
    present.add(name);
    if (conversation.messages.length === 0) continue;
    if (memory.synced[name] !== fingerprintOf(conversation)) pending += 1;
  }
  for (const [name, fingerprint] of Object.entries(memory.synced)) {
    if (name.startsWith('conversation:') && fingerprint !== deletedMark && !present.has(name)) {
      pending += 1;
    }
  }
  return pending;
}

/** Another device's record, merged into this one's data. */
function apply(
  payload: Payload,
  changing: LocalChanges,
  local: SyncLocal,
  memory: SyncMemory,
): void {
  if (payload.kind === 'settings') {
    // Keys reach only a device that syncs keys too.
    if (!local.settings().some((record) => record.name === payload.name)) return;
    local.applySettings({ name: payload.name, value: payload.value, changedAt: payload.changedAt });
    memory.synced[payload.name] = String(payload.changedAt);
    return;
  }
  const id = payload.name.slice('conversation:'.length);
  const current = changing.get(id);
  if (payload.kind === 'deleted') {
    // Deleted elsewhere: gone here too, unless it changed here since this device last synced it
    // (then this device's copy is written back: an edit is never lost to a deletion).
    if (current && fingerprintOf(current) === memory.synced[payload.name]) {
      changing.remove(id);
    }
    memory.synced[payload.name] = deletedMark;
    return;
  }
  const remote = payload.conversation;
  changing.set(current ? mergeConversations(current, remote) : remote);
  memory.synced[payload.name] = fingerprintOf(remote);
}

async function openPayload(keys: SyncKeys, id: string, data: string): Promise<Payload | undefined> {
  const value = (await openRecord(keys, id, data)) as Partial<Payload> | undefined;
  if (!value || typeof value !== 'object' || typeof value.name !== 'string') return undefined;
  if (value.kind === 'conversation') {
    // Another device's data is checked like an imported file: a conversation, or nothing.
    const parsed = conversationSchema.safeParse(value.conversation);
    if (!parsed.success || `conversation:${parsed.data.id}` !== value.name) return undefined;
    return { kind: 'conversation', name: value.name, conversation: parsed.data as Conversation };
  }
  if (value.kind === 'deleted' && typeof value.deletedAt === 'number') {
    return { kind: 'deleted', name: value.name, deletedAt: value.deletedAt };
  }
  if (
    value.kind === 'settings' &&
    (value.name === 'settings' || value.name === 'keys') &&
    typeof value.changedAt === 'number' &&
    typeof value.value === 'object' &&
    value.value !== null
  ) {
    return { kind: 'settings', name: value.name, changedAt: value.changedAt, value: value.value };
  }
  return undefined;
}

/**
 * A short digest of a conversation's content (FNV-1a over its JSON with sorted keys), remembered
 * per object: the store replaces a conversation's object on every change, so an unchanged one
 * costs nothing. The branch on screen (`leafId`) is each device's own view, not content: two
 * devices showing different branches of one conversation agree it is in sync.
 */
export function fingerprintOf(conversation: Conversation): string {
  const known = fingerprints.get(conversation);
  if (known) return known;
  const fingerprint = digest(canonicalJson({ ...conversation, leafId: undefined }));
  fingerprints.set(conversation, fingerprint);
  return fingerprint;
}

/** FNV-1a over a text, with its length: a change detector, not a security digest. */
function digest(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${(hash >>> 0).toString(36)}.${text.length.toString(36)}`;
}

/** JSON with every object's keys in order, so two equal values always give one text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
