import { ParleyError } from '@/lib/errors/parley-error';
import type {
  ChangesPage,
  RecordWrite,
  SyncRecord,
  WriteOutcome,
  WriteResult,
} from '@/lib/sync/sync-wire';
import { syncRecordLimitBytes } from '@/lib/sync/sync-wire';
import type { SharedState } from '../state/shared-state';
import {
  syncDeleteScript,
  syncKeyNames,
  syncPickScript,
  syncReadScript,
  syncWriteScript,
} from './sync-scripts';

/** A space id: 32 bytes the browser derived from the sync secret, base64url. */
const spacePattern = /^[A-Za-z0-9_-]{43}$/;
/** A record id: a digest the browser made of what the record is; the server cannot tell. */
const recordPattern = /^[A-Za-z0-9_-]{16,64}$/;
/** Ciphertext, base64url. */
const dataPattern = /^[A-Za-z0-9_-]*$/;

export const syncLimits = {
  recordsPerWrite: 100,
  writeBytes: 16 * 1024 * 1024,
  recordsPerRead: 500,
  readBytes: 8 * 1024 * 1024,
  /** A space nobody writes to for this long is forgotten. */
  idleExpiryMs: 400 * 24 * 60 * 60 * 1000,
  /** Sync moves more than a lockout check: a longer time limit than the store's default. */
  timeoutMs: 5_000,
};

/** `?ids=a,b`: at most a few record ids, each well-formed. */
export function parseIds(text: string): string[] {
  const ids = text.split(',').filter(Boolean);
  if (ids.length === 0 || ids.length > 20 || !ids.every((id) => recordPattern.test(id))) {
    throw invalid('The record ids are not valid.');
  }
  return ids;
}

export function requireSpaceId(space: string): string {
  if (!spacePattern.test(space)) throw invalid('The sync space id is not valid.');
  return space;
}

/** Reads a write request's body, refusing anything that is not a list of well-formed records. */
export function parseWrites(body: unknown): RecordWrite[] {
  const records = (body as { records?: unknown } | null)?.records;
  if (
    !Array.isArray(records) ||
    records.length === 0 ||
    records.length > syncLimits.recordsPerWrite
  ) {
    throw invalid(`Send 1 to ${syncLimits.recordsPerWrite} records.`);
  }
  return records.map((record: unknown) => {
    const { id, base, data } = (record ?? {}) as Record<string, unknown>;
    if (typeof id !== 'string' || !recordPattern.test(id))
      throw invalid('A record id is not valid.');
    if (typeof base !== 'number' || !Number.isInteger(base) || base < 0) {
      throw invalid('A record’s base version is not valid.');
    }
    if (typeof data !== 'string' || !dataPattern.test(data)) {
      throw invalid('A record’s data is not ciphertext.');
    }
    if (data.length > syncRecordLimitBytes) {
      throw new ParleyError('request:too_large', 'A synced record is too large.');
    }
    return { id, base, data };
  });
}

export class SyncSpace {
  private readonly keys: string[];

  constructor(
    private readonly state: SharedState,
    space: string,
  ) {
    this.keys = syncKeyNames.map((name) => state.key('sync', space, name));
  }

  async changesAfter(after: number): Promise<Omit<ChangesPage, 'quotaBytes'>> {
    const reply = await this.run(syncReadScript, [
      String(after),
      String(syncLimits.recordsPerRead),
      String(syncLimits.readBytes),
    ]);
    const [sequence, usedBytes, ...rest] = reply;
    const records: SyncRecord[] = [];
    for (let index = 0; index + 3 < rest.length; index += 4) {
      records.push({
        id: String(rest[index]),
        sequence: Number(rest[index + 1]),
        version: Number(rest[index + 2]),
        data: String(rest[index + 3]),
      });
    }
    return { sequence: Number(sequence), usedBytes: Number(usedBytes), records };
  }

  /** Records by id, as they are now (for a device that starts syncing one more kind). */
  async pick(ids: string[]): Promise<Array<Omit<SyncRecord, 'sequence'>>> {
    const reply = await this.run(syncPickScript, ids);
    const records: Array<Omit<SyncRecord, 'sequence'>> = [];
    for (let index = 0; index + 2 < reply.length; index += 3) {
      records.push({
        id: String(reply[index]),
        version: Number(reply[index + 1]),
        data: String(reply[index + 2]),
      });
    }
    return records;
  }

  async write(records: RecordWrite[], quotaBytes: number): Promise<WriteResult> {
    const [before, after, ...reply] = await this.run(syncWriteScript, [
      String(quotaBytes),
      String(syncLimits.idleExpiryMs),
      ...records.flatMap((record) => [record.id, String(record.base), record.data]),
    ]);
    const outcomes: WriteOutcome[] = [];
    for (let index = 0; index + 3 < reply.length; index += 4) {
      const id = String(reply[index]);
      const outcome = String(reply[index + 1]);
      const version = Number(reply[index + 2]);
      if (outcome === 'ok') outcomes.push({ id, outcome, version });
      else if (outcome === 'conflict') {
        outcomes.push({ id, outcome, version, data: String(reply[index + 3]) });
      } else outcomes.push({ id, outcome: 'quota', version });
    }
    return { sequenceBefore: Number(before), sequenceAfter: Number(after), outcomes };
  }

  async delete(): Promise<void> {
    await this.run(syncDeleteScript, []);
  }

  private async run(script: Parameters<SharedState['run']>[0], args: string[]): Promise<unknown[]> {
    const reply = await this.state.run(script, this.keys, args, syncLimits.timeoutMs);
    if (!Array.isArray(reply) && typeof reply !== 'number') {
      throw new ParleyError('sync:unavailable', 'The sync store is not answering; try again soon.');
    }
    return Array.isArray(reply) ? reply : [reply];
  }
}

function invalid(message: string): ParleyError {
  return new ParleyError('sync:invalid', message);
}
