import { emptyMemory, type SyncMemory } from './sync-memory';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { forgetServerConfig } from '@/lib/server/server-config';
import { closeSharedStates } from '@/lib/server/state/shared-state-for';
import { handleSyncRequest } from '@/lib/server/sync/sync-request';
import { dumpRedis, startTestRedis, type TestRedis } from '@/lib/server/testing/redis-server';
import {
  startUpstashRestServer,
  type UpstashRestServer,
} from '@/lib/server/testing/upstash-rest-server';
import type { ChatMessage, Conversation } from '@/lib/store/chat-types';
import { mergeConversations } from '@/lib/store/merge-conversations';
import { deriveSyncKeys, newSyncSecret, type SyncKeys } from './sync-crypto';
import { runSync, type SettingsRecord, type SyncLocal, type SyncTransport } from './sync-engine';

/**
 * Two (or three) devices syncing through the real sync route handler and a real redis-server:
 * each device is this engine with its own data and memory, as two browsers would be.
 */

let redis: TestRedis;
let upstash: UpstashRestServer;
const code = 'sync-engine-code-1';
const upstashToken = 'sync-engine-upstash-token';
let prefixCount = 0;
/** Which store the deployment in a test uses: Redis itself, or Upstash's REST API before it. */
let storeKind: 'redis' | 'upstash' = 'redis';

beforeAll(async () => {
  redis = await startTestRedis();
  upstash = await startUpstashRestServer(redis.url, upstashToken);
});
afterAll(async () => {
  await closeSharedStates();
  await upstash?.stop();
  await redis?.stop();
});
afterEach(() => {
  vi.unstubAllEnvs();
  forgetServerConfig();
});

function deployment(extra: Record<string, string> = {}) {
  prefixCount += 1;
  const store =
    storeKind === 'redis'
      ? { REDIS_URL: redis.url }
      : { UPSTASH_REDIS_REST_URL: upstash.url, UPSTASH_REDIS_REST_TOKEN: upstashToken };
  const values = { CODE: code, ...store, STATE_PREFIX: `sync${prefixCount}:`, ...extra };
  for (const [name, value] of Object.entries(values)) vi.stubEnv(name, value);
  forgetServerConfig();
}

function call(space: string, init: RequestInit & { query?: string } = {}, key = code) {
  const headers = new Headers(init.headers);
  if (key) headers.set('x-access-code', key);
  if (init.body) headers.set('content-type', 'application/json');
  return handleSyncRequest(
    new Request(`http://parley.test/api/sync/${space}${init.query ?? ''}`, { ...init, headers }),
    space,
  );
}

class Device implements SyncLocal {
  readonly store = new Map<string, Conversation>();
  memory: SyncMemory = emptyMemory();
  preferences: Record<string, unknown> = { sendKey: 'enter' };
  settingsChangedAt = 0;
  constructor(readonly keys: SyncKeys) {}

  conversations() {
    return [...this.store.values()];
  }
  putConversations(conversations: Conversation[]) {
    for (const conversation of conversations) this.store.set(conversation.id, conversation);
  }
  removeConversations(ids: string[]) {
    for (const id of ids) this.store.delete(id);
  }
  /** Keys, when this device syncs them (undefined: it does not). */
  apiKeys?: { value: Record<string, unknown>; changedAt: number };
  settings(): SettingsRecord[] {
    const records: SettingsRecord[] = [
      { name: 'settings', value: this.preferences, changedAt: this.settingsChangedAt },
    ];
    if (this.apiKeys) records.push({ name: 'keys', ...this.apiKeys });
    return records;
  }
  applySettings({ name, value, changedAt }: SettingsRecord) {
    if (name === 'keys') {
      if (this.apiKeys && changedAt > this.apiKeys.changedAt) this.apiKeys = { value, changedAt };
      return;
    }
    if (changedAt <= this.settingsChangedAt) return;
    this.preferences = value;
    this.settingsChangedAt = changedAt;
  }
  transport(): SyncTransport {
    const space = this.keys.spaceId;
    return {
      changes: async (after) => {
        const response = await call(space, { query: `?after=${after}` });
        if (!response.ok) throw new Error(`read ${response.status}`);
        return response.json();
      },
      records: async (ids) => {
        const response = await call(space, { query: `?ids=${ids.join(',')}` });
        if (!response.ok) throw new Error(`pick ${response.status}`);
        return ((await response.json()) as { records: never }).records;
      },
      write: async (records) => {
        const response = await call(space, { method: 'PUT', body: JSON.stringify({ records }) });
        if (!response.ok) throw new Error(`write ${response.status}`);
        return response.json();
      },
    };
  }
  sync() {
    return runSync(this.keys, this.transport(), this, this.memory);
  }
  /** A conversation as a person would have it after one exchange. */
  chat(id: string, text: string, at: number): Conversation {
    const conversation: Conversation = {
      id,
      title: text,
      titleSource: 'auto',
      model: 'openrouter:mock/plain',
      createdAt: at,
      updatedAt: at,
      messages: [
        message(`${id}-u1`, undefined, 'user', text, at),
        message(`${id}-a1`, `${id}-u1`, 'assistant', `Answer to ${text}`, at + 1),
      ],
      leafId: `${id}-a1`,
    };
    this.store.set(id, conversation);
    return conversation;
  }
}

function message(
  id: string,
  parentId: string | undefined,
  role: ChatMessage['role'],
  content: string,
  createdAt: number,
): ChatMessage {
  return { id, parentId, role, content, status: 'done', createdAt };
}

async function devices(count: number, secret = newSyncSecret()) {
  const keys = await deriveSyncKeys(secret);
  return Array.from({ length: count }, () => new Device(keys));
}

describe.each(['redis', 'upstash'] as const)('sync through %s', (kind) => {
  it('carries create, edit, branch and delete from one device to another', async () => {
    storeKind = kind;
    deployment();
    const [laptop, phone] = await devices(2);
    if (!laptop || !phone) throw new Error('no devices');
    laptop.chat('c1', 'Plan the trip', 1_000);
    laptop.chat('c2', 'Draft the letter', 2_000);
    await laptop.sync();
    await phone.sync();
    expect([...phone.store.keys()].sort()).toEqual(['c1', 'c2']);

    // Edit (rename by hand), branch (a second answer to the same question), delete.
    const c1 = laptop.store.get('c1');
    if (!c1) throw new Error('no c1');
    laptop.store.set('c1', {
      ...c1,
      title: 'Trip to Lisbon',
      titleSource: 'user',
      fieldTimes: { title: 3_000, titleSource: 3_000 },
      messages: [...c1.messages, message('c1-a2', 'c1-u1', 'assistant', 'Another answer', 3_001)],
      leafId: 'c1-a2',
      updatedAt: 3_001,
    });
    laptop.store.delete('c2');
    await laptop.sync();
    await phone.sync();
    const synced = phone.store.get('c1');
    expect(synced?.title).toBe('Trip to Lisbon');
    expect(synced?.messages.map((one) => one.id)).toEqual(['c1-u1', 'c1-a1', 'c1-a2']);
    expect(phone.store.has('c2')).toBe(false);
  });

  afterAll(() => {
    storeKind = 'redis';
  });
});

describe('end-to-end encrypted sync between devices', () => {
  it('loses nothing when both devices edited offline: both edits survive on both', async () => {
    deployment();
    const [laptop, phone] = await devices(2);
    if (!laptop || !phone) throw new Error('no devices');
    laptop.chat('c1', 'Shared chat', 1_000);
    await laptop.sync();
    await phone.sync();

    // Apart: the laptop renames it and continues it; the phone pins it and starts another.
    const onLaptop = laptop.store.get('c1');
    const onPhone = phone.store.get('c1');
    if (!onLaptop || !onPhone) throw new Error('missing');
    laptop.store.set('c1', {
      ...onLaptop,
      title: 'Renamed on the laptop',
      titleSource: 'user',
      fieldTimes: { title: 5_000, titleSource: 5_000 },
      messages: [
        ...onLaptop.messages,
        message('c1-u2', 'c1-a1', 'user', 'Laptop follow-up', 5_001),
      ],
      updatedAt: 5_001,
    });
    phone.store.set('c1', {
      ...onPhone,
      pinned: true,
      fieldTimes: { pinned: 6_000 },
      messages: [...onPhone.messages, message('c1-u3', 'c1-a1', 'user', 'Phone follow-up', 6_001)],
      updatedAt: 6_001,
    });
    phone.chat('c3', 'Only on the phone', 6_500);

    await laptop.sync();
    // The phone's write meets the laptop's: a conflict, merged, written again.
    await phone.sync();
    await laptop.sync();
    await phone.sync();
    for (const device of [laptop, phone]) {
      const c1 = device.store.get('c1');
      expect(c1?.title).toBe('Renamed on the laptop');
      expect(c1?.pinned).toBe(true);
      expect(c1?.messages.map((one) => one.id).sort()).toEqual(
        ['c1-a1', 'c1-u1', 'c1-u2', 'c1-u3'].sort(),
      );
      expect(device.store.get('c3')?.messages).toHaveLength(2);
    }
    // And then they are quiet: nothing left to send on either side.
    expect((await laptop.sync()).pushed).toBe(0);
    expect((await phone.sync()).pushed).toBe(0);
  });

  it('keeps an edit made on one device while another deleted the conversation', async () => {
    deployment();
    const [laptop, phone] = await devices(2);
    if (!laptop || !phone) throw new Error('no devices');
    const chat = laptop.chat('c1', 'Keep me', 1_000);
    await laptop.sync();
    await phone.sync();
    phone.store.delete('c1');
    laptop.store.set(
      'c1',
      mergeConversations(chat, { ...chat, pinned: true, fieldTimes: { pinned: 9 } }),
    );
    await phone.sync();
    await laptop.sync();
    await phone.sync();
    expect(laptop.store.get('c1')?.pinned).toBe(true);
    expect(phone.store.get('c1')?.pinned).toBe(true);
  });

  it('syncs preferences, newest first', async () => {
    deployment();
    const [laptop, phone] = await devices(2);
    if (!laptop || !phone) throw new Error('no devices');
    laptop.preferences = { sendKey: 'modifier-enter' };
    laptop.settingsChangedAt = 10;
    await laptop.sync();
    await phone.sync();
    expect(phone.preferences).toEqual({ sendKey: 'modifier-enter' });
    // A later change on the phone goes back; then both are quiet.
    phone.preferences = { sendKey: 'enter' };
    phone.settingsChangedAt = 20;
    await phone.sync();
    await laptop.sync();
    expect(laptop.preferences).toEqual({ sendKey: 'enter' });
    expect((await laptop.sync()).pushed).toBe(0);
    expect((await phone.sync()).pushed).toBe(0);
  });

  it('leaves a conversation too large to sync on its device, and says so', async () => {
    deployment();
    const [laptop, phone] = await devices(2);
    if (!laptop || !phone) throw new Error('no devices');
    const big = laptop.chat('big', 'A long paste', 1_000);
    laptop.store.set('big', {
      ...big,
      messages: [...big.messages, message('big-u2', 'big-a1', 'user', 'x'.repeat(5_000_000), 2)],
    });
    laptop.chat('small', 'A short one', 3_000);
    const report = await laptop.sync();
    expect(report.tooLarge).toBe(1);
    expect(laptop.store.get('big')?.messages).toHaveLength(3);
    await phone.sync();
    expect([...phone.store.keys()]).toEqual(['small']);
  });

  it('sends keys only between devices that sync keys, also to one that ticks it later', async () => {
    deployment();
    const [laptop, phone] = await devices(2);
    if (!laptop || !phone) throw new Error('no devices');
    laptop.apiKeys = { value: { openrouter: 'sk-or-own' }, changedAt: 50 };
    await laptop.sync();
    await phone.sync();
    expect(phone.apiKeys).toBeUndefined();
    phone.apiKeys = { value: {}, changedAt: 0 };
    await phone.sync();
    expect(phone.apiKeys).toEqual({ value: { openrouter: 'sk-or-own' }, changedAt: 50 });
  });

  it('shows a wrong secret nothing, and the store holds no plain text', async () => {
    deployment();
    const [laptop] = await devices(1);
    if (!laptop) throw new Error('no device');
    laptop.chat('c1', 'The password to the garden is tulip', 1_000);
    await laptop.sync();
    const [stranger] = await devices(1);
    if (!stranger) throw new Error('no device');
    const report = await stranger.sync();
    expect(report.pulled).toBe(0);
    expect(stranger.store.size).toBe(0);
    // Even given the right space id, the wrong keys open nothing.
    const [impostor] = await devices(1);
    if (!impostor) throw new Error('no device');
    const wrong = new Device({ ...impostor.keys, spaceId: laptop.keys.spaceId });
    expect((await wrong.sync()).pulled).toBe(0);

    const dump = [...(await dumpRedis(redis.url))].flat().join('\n');
    expect(dump.length).toBeGreaterThan(100);
    for (const plain of ['tulip', 'garden', 'c1-u1', 'Answer to', 'openrouter', 'conversation:']) {
      expect(dump).not.toContain(plain);
    }
  });
});

describe('the sync API', () => {
  const space = 'A'.repeat(43);

  it('needs a shared store, the access code, and a well-formed space id', async () => {
    vi.stubEnv('CODE', code);
    forgetServerConfig();
    const unavailable = await call(space);
    expect(unavailable.status).toBe(503);
    expect(((await unavailable.json()) as { error: { code: string } }).error.code).toBe(
      'sync:unavailable',
    );
    deployment();
    expect((await call(space, {}, '')).status).toBe(401);
    expect((await call(space, {}, 'wrong-code-here')).status).toBe(401);
    expect((await call('short', {})).status).toBe(400);
    expect((await call(space)).status).toBe(200);
  });

  it('writes conditionally: a stale base is a conflict that returns the stored copy', async () => {
    deployment();
    const write = (base: number, data: string) =>
      call(space, {
        method: 'PUT',
        body: JSON.stringify({ records: [{ id: 'record-id-0000001', base, data }] }),
      }).then((response) => response.json() as Promise<{ outcomes: unknown[] }>);
    expect(await write(0, 'Zmlyc3Q')).toEqual({
      sequenceBefore: 0,
      sequenceAfter: 1,
      outcomes: [{ id: 'record-id-0000001', outcome: 'ok', version: 1 }],
    });
    expect(await write(0, 'c2Vjb25k')).toEqual({
      sequenceBefore: 1,
      sequenceAfter: 1,
      outcomes: [{ id: 'record-id-0000001', outcome: 'conflict', version: 1, data: 'Zmlyc3Q' }],
    });
    const bad = await call(space, {
      method: 'PUT',
      body: JSON.stringify({ records: [{ id: 'x', base: 0, data: 'plain text!' }] }),
    });
    expect(bad.status).toBe(400);
  });

  it('holds the per-space quota and the per-client rate', async () => {
    deployment({ SYNC_MAX_MB: '0.01', SYNC_REQUESTS_PER_MINUTE: '6' });
    const big = 'a'.repeat(6_000);
    const put = (id: string) =>
      call(space, {
        method: 'PUT',
        body: JSON.stringify({ records: [{ id, base: 0, data: big }] }),
      });
    expect((await put('record-id-quota-1')).status).toBe(200);
    const full = await put('record-id-quota-2');
    expect(full.status).toBe(413);
    expect(((await full.json()) as { error: { code: string } }).error.code).toBe(
      'sync:quota_exceeded',
    );
    for (let request = 0; request < 4; request += 1) await call(space);
    const limited = await call(space);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
  });
});
