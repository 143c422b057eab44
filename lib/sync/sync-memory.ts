/** What this device remembers about the space between runs (kept in localStorage). */
export interface SyncMemory {
  /** The space's sequence number this device has read up to. */
  cursor: number;
  /** Record id → the version this device last read or wrote. */
  versions: Record<string, number>;
  /** Record name → fingerprint of what the space holds as far as this device knows. */
  synced: Record<string, string>;
}

export const emptyMemory = (): SyncMemory => ({ cursor: 0, versions: {}, synced: {} });
