import { script } from '../state/scripts';

/**
 * The sync store's steps, each one script (one round trip, atomic). A space is five keys: the
 * records' ciphertexts (hash), their versions (hash), the order they changed in (sorted set by
 * sequence number), the space's last sequence number, and the bytes it holds. The store never
 * sees anything but ids, versions, sequence numbers and ciphertext.
 */
export const syncKeyNames = ['data', 'versions', 'changes', 'sequence', 'bytes'] as const;

/**
 * Conditional writes. ARGV: quota bytes, expiry ms, then (id, base version, ciphertext) triples.
 * A record is written only where its stored version is the base the client read (else
 * `conflict`, with the stored copy), and only while the space stays within its quota (`quota`).
 * Returns the space's sequence number before and after, then (id, outcome, version, ciphertext
 * of a conflict) quadruples: a client whose cursor was the "before" has seen everything up to
 * the "after" once it has these outcomes.
 */
export const syncWriteScript = script(`local quota = tonumber(ARGV[1])
local used = tonumber(redis.call('GET', KEYS[5]) or '0')
local out = { tonumber(redis.call('GET', KEYS[4]) or '0'), 0 }
for index = 3, #ARGV, 3 do
  local id, base, data = ARGV[index], tonumber(ARGV[index + 1]), ARGV[index + 2]
  local current = tonumber(redis.call('HGET', KEYS[2], id) or '0')
  if current ~= base then
    table.insert(out, id); table.insert(out, 'conflict'); table.insert(out, current)
    table.insert(out, redis.call('HGET', KEYS[1], id) or '')
  else
    local after = used - redis.call('HSTRLEN', KEYS[1], id) + #data
    if after > quota then
      table.insert(out, id); table.insert(out, 'quota'); table.insert(out, current); table.insert(out, '')
    else
      used = after
      redis.call('HSET', KEYS[1], id, data)
      redis.call('HSET', KEYS[2], id, current + 1)
      redis.call('ZADD', KEYS[3], redis.call('INCR', KEYS[4]), id)
      table.insert(out, id); table.insert(out, 'ok'); table.insert(out, current + 1); table.insert(out, '')
    end
  end
end
redis.call('SET', KEYS[5], used)
for key = 1, 5 do redis.call('PEXPIRE', KEYS[key], ARGV[2]) end
out[2] = tonumber(redis.call('GET', KEYS[4]) or '0')
return out`);

/**
 * The records changed after a sequence number, oldest first, up to a count and (past the first)
 * a size. ARGV: after, count, bytes. Returns last sequence, bytes used, then (id, sequence,
 * version, ciphertext) quadruples.
 */
export const syncReadScript =
  script(`local changed = redis.call('ZRANGEBYSCORE', KEYS[3], '(' .. ARGV[1], '+inf', 'WITHSCORES', 'LIMIT', 0, tonumber(ARGV[2]))
local out = { tonumber(redis.call('GET', KEYS[4]) or '0'), tonumber(redis.call('GET', KEYS[5]) or '0') }
local size = 0
for index = 1, #changed, 2 do
  local id = changed[index]
  local data = redis.call('HGET', KEYS[1], id) or ''
  if index > 1 and size + #data > tonumber(ARGV[3]) then break end
  size = size + #data
  table.insert(out, id); table.insert(out, tonumber(changed[index + 1]))
  table.insert(out, tonumber(redis.call('HGET', KEYS[2], id) or '0')); table.insert(out, data)
end
return out`);

/** Named records, as they are now. ARGV: ids. Returns (id, version, ciphertext) triples. */
export const syncPickScript = script(`local out = {}
for index = 1, #ARGV do
  local data = redis.call('HGET', KEYS[1], ARGV[index])
  if data then
    table.insert(out, ARGV[index]); table.insert(out, tonumber(redis.call('HGET', KEYS[2], ARGV[index]) or '0')); table.insert(out, data)
  end
end
return out`);

/** Deletes the space. */
export const syncDeleteScript = script(
  `return redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5])`,
);
