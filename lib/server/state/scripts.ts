import { createHash } from 'node:crypto';

/**
 * The shared state's atomic steps, as Lua run by the store, so each is one round trip and no
 * two instances interleave inside one. Time is the store's (`TIME`), never an instance's clock.
 */
export interface StoreScript {
  source: string;
  sha: string;
}

export function script(source: string): StoreScript {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

const now = `local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)`;

/**
 * Admission: refuse an address that is locked out (it sent too many wrong codes), then take a
 * stream slot (a lease in two sorted sets scored by expiry: all slots and this address's).
 * KEYS: failures, all slots, client slots. ARGV: check lockout (0/1), failure limit,
 * take a slot (0/1), total, per client, lease ms, lease id.
 * Returns {0} admitted, {1, ms} locked out for ms, {2} busy.
 */
export const admitScript = script(`${now}
if ARGV[1] == '1' then
  local failures = tonumber(redis.call('GET', KEYS[1]) or '0')
  if failures >= tonumber(ARGV[2]) then
    local wait = redis.call('PTTL', KEYS[1])
    if wait > 0 then return {1, wait} end
  end
end
if ARGV[3] == '1' then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
  redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
  if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[4]) or redis.call('ZCARD', KEYS[3]) >= tonumber(ARGV[5]) then
    return {2, 0}
  end
  local lease = tonumber(ARGV[6])
  redis.call('ZADD', KEYS[2], now + lease, ARGV[7])
  redis.call('ZADD', KEYS[3], now + lease, ARGV[7])
  redis.call('PEXPIRE', KEYS[2], lease)
  redis.call('PEXPIRE', KEYS[3], lease)
end
return {0, 0}`);

/** One wrong code: counts it in a window that starts with the first. KEYS: failures. ARGV: window ms. */
export const failureScript = script(`local count = redis.call('INCR', KEYS[1])
if count == 1 or redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count`);

/**
 * Renews this instance's live leases in one call. KEYS: all slots, then one client-slots key
 * per lease. ARGV: lease ms, then the lease ids in the same order.
 */
export const renewScript = script(`${now}
local lease = tonumber(ARGV[1])
for index = 2, #KEYS do
  redis.call('ZADD', KEYS[1], now + lease, ARGV[index])
  redis.call('ZADD', KEYS[index], now + lease, ARGV[index])
  redis.call('PEXPIRE', KEYS[index], lease)
end
redis.call('PEXPIRE', KEYS[1], lease)
return #KEYS - 1`);

/** Gives a slot back. KEYS: all slots, client slots. ARGV: lease id. */
export const releaseScript = script(`redis.call('ZREM', KEYS[1], ARGV[1])
return redis.call('ZREM', KEYS[2], ARGV[1])`);
