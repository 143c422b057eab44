/** What `/api/sync/<space>` sends and receives: the one definition the server and browser share. */

/** The most one record's ciphertext may be: a conversation with its images, encrypted. */
export const syncRecordLimitBytes = 6 * 1024 * 1024;

/** A record as the space holds it: an opaque id, its version, and ciphertext. */
export interface SyncRecord {
  id: string;
  /** Where it sits in the order the space changed (in answers to `?after=`). */
  sequence: number;
  version: number;
  data: string;
}

/** `GET ?after=<sequence>`. */
export interface ChangesPage {
  /** The space's last sequence number: a client that has read up to it has everything. */
  sequence: number;
  usedBytes: number;
  quotaBytes: number;
  records: SyncRecord[];
}

/** One record to write, over the version the client last read (0 for one it never saw). */
export interface RecordWrite {
  id: string;
  base: number;
  data: string;
}

export type WriteOutcome =
  | { id: string; outcome: 'ok'; version: number }
  | { id: string; outcome: 'conflict'; version: number; data: string }
  | { id: string; outcome: 'quota'; version: number };

/** `PUT`. */
export interface WriteResult {
  /** The space's sequence number just before this write, and just after it. */
  sequenceBefore: number;
  sequenceAfter: number;
  outcomes: WriteOutcome[];
}
