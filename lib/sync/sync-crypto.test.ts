import { describe, expect, it } from 'vitest';
import {
  deriveSyncKeys,
  newSyncSecret,
  openRecord,
  readSyncSecret,
  recordIdFor,
  sealRecord,
} from './sync-crypto';

describe('the sync secret and what is derived from it', () => {
  it('makes 256-bit secrets and reads them back from text or a link', () => {
    const secret = newSyncSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSyncSecret()).not.toBe(secret);
    expect(readSyncSecret(`  ${secret} `)).toBe(secret);
    expect(readSyncSecret(`https://chat.example/#sync=${secret}`)).toBe(secret);
    expect(readSyncSecret('not a key')).toBeUndefined();
    expect(readSyncSecret(secret.slice(1))).toBeUndefined();
  });

  it('derives the same space and names from one secret, and others from another', async () => {
    const secret = newSyncSecret();
    const [one, two, other] = await Promise.all([
      deriveSyncKeys(secret),
      deriveSyncKeys(secret),
      deriveSyncKeys(newSyncSecret()),
    ]);
    expect(one.spaceId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(two.spaceId).toBe(one.spaceId);
    expect(other.spaceId).not.toBe(one.spaceId);
    // The space id reveals nothing of the secret it came from.
    expect(one.spaceId).not.toContain(secret.slice(0, 8));
    expect(await recordIdFor(one, 'conversation:a')).toBe(await recordIdFor(two, 'conversation:a'));
    expect(await recordIdFor(one, 'conversation:a')).not.toBe(
      await recordIdFor(other, 'conversation:a'),
    );
  });

  it('seals a record that only the same keys, for the same record, can open', async () => {
    const secret = newSyncSecret();
    const keys = await deriveSyncKeys(secret);
    const id = await recordIdFor(keys, 'conversation:1');
    const sealed = await sealRecord(keys, id, { text: 'a secret message' });
    expect(sealed).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('secret message');
    // A fresh IV each time: the same record never encrypts the same way twice.
    expect(await sealRecord(keys, id, { text: 'a secret message' })).not.toBe(sealed);
    expect(await openRecord(await deriveSyncKeys(secret), id, sealed)).toEqual({
      text: 'a secret message',
    });
    expect(await openRecord(await deriveSyncKeys(newSyncSecret()), id, sealed)).toBeUndefined();
    // Moved to another record's id (or tampered with), it does not open.
    expect(
      await openRecord(keys, await recordIdFor(keys, 'conversation:2'), sealed),
    ).toBeUndefined();
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}${sealed.slice(-1)}`;
    expect(await openRecord(keys, id, tampered)).toBeUndefined();
  });
});
