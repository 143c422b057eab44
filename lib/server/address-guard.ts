import ipaddr from 'ipaddr.js';
import { isIP } from 'node:net';

/**
 * Whether a user-chosen endpoint may not reach an address: anything but global unicast. The
 * classes come from ipaddr.js, which follows the IANA special-purpose registries for both families
 * (loopback, private, link-local where the cloud metadata service lives, CGNAT, multicast,
 * broadcast, unspecified, documentation, benchmarking, reserved), and every IPv6 spelling that
 * embeds an IPv4 address (mapped, IPv4-compatible, translated, NAT64, 6to4, Teredo) is refused
 * rather than decoded. IPv6 must also lie in 2000::/3, the only block IANA allocates globally.
 */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  if (isIP(bare) === 0 || !ipaddr.isValid(bare)) return true;
  const parsed = ipaddr.parse(bare);
  if (parsed.range() !== 'unicast') return true;
  if (parsed.kind() === 'ipv6') return !parsed.match(globalUnicast);
  return false;
}

const globalUnicast = ipaddr.parseCIDR('2000::/3');

/** Host names that only make sense inside a private network. */
const privateNames = /(^|\.)(localhost|local|internal|intranet|lan|home|corp|localdomain)\.?$/i;

export function isPrivateHostName(hostName: string): boolean {
  const bare = hostName.replace(/^\[|\]$/g, '');
  if (isIP(bare) !== 0) return isPrivateAddress(bare);
  return privateNames.test(bare) || !bare.includes('.');
}
