/**
 * Which IP addresses a fetch may reach. Everything that is not a public unicast address is
 * refused unless the user allows it: a URL handed to a fact-checking tool must not become a way to
 * probe the machine or its network (SSRF). IPv4-mapped IPv6 forms (::ffff:10.0.0.1) are caught
 * by BlockList, which compares them with the IPv4 ranges.
 */
import { BlockList, isIP } from 'node:net';

/** [what the address is, ranges]; the first match names it. */
const RANGES: readonly [string, readonly [string, number, 'ipv4' | 'ipv6'][]][] = [
  ['an unspecified', [['0.0.0.0', 8, 'ipv4'], ['::', 128, 'ipv6']]],
  ['a loopback', [['127.0.0.0', 8, 'ipv4'], ['::1', 128, 'ipv6']]],
  ['a private', [['10.0.0.0', 8, 'ipv4'], ['172.16.0.0', 12, 'ipv4'], ['192.168.0.0', 16, 'ipv4'], ['fc00::', 7, 'ipv6']]],
  ['a carrier-grade NAT (private)', [['100.64.0.0', 10, 'ipv4']]],
  ['a link-local', [['169.254.0.0', 16, 'ipv4'], ['fe80::', 10, 'ipv6']]],
  ['a multicast', [['224.0.0.0', 4, 'ipv4'], ['ff00::', 8, 'ipv6']]],
  ['a reserved', [['240.0.0.0', 4, 'ipv4'], ['192.0.0.0', 24, 'ipv4'], ['198.18.0.0', 15, 'ipv4']]],
];

const LISTS = RANGES.map(([name, subnets]) => {
  const list = new BlockList();
  for (const [net, prefix, type] of subnets) list.addSubnet(net, prefix, type);
  return [name, list] as const;
});

/**
 * IPv4-compatible (::/96, deprecated) and IPv4-mapped (::ffff:0:0/96) forms: an IPv4 address in
 * IPv6 clothing, which a URL has no reason to use, refused whatever the address inside (checked
 * for IPv6 addresses only: BlockList would match every IPv4 address against the mapped range).
 */
const IPV4_IN_IPV6 = new BlockList();
IPV4_IN_IPV6.addSubnet('::', 96, 'ipv6');
IPV4_IN_IPV6.addSubnet('::ffff:0:0', 96, 'ipv6');

/** 'a private', 'a loopback'... for an address a fetch must not reach, or null for a public one. */
export function restrictedKind(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return 'an invalid';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const [name, list] of LISTS) if (list.check(address, type)) return name;
  if (family === 6 && IPV4_IN_IPV6.check(address, 'ipv6')) return 'an IPv4-compatible or IPv4-mapped IPv6';
  // NAT64 (64:ff9b::/96) embeds an IPv4 address in its last 32 bits: judge that one.
  const nat64 = family === 6 ? embeddedNat64(address) : null;
  return nat64 ? restrictedKind(nat64) : null;
}

function embeddedNat64(address: string): string | null {
  const dotted = /^64:ff9b::(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (dotted) return dotted[1]!;
  const m = /^64:ff9b::(?:ffff:)?([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!m) return null;
  const hi = parseInt(m[1]!, 16);
  const lo = parseInt(m[2]!, 16);
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** The UserError message for a refused address. */
export function refusalMessage(address: string, kind: string): string {
  return `refused: ${address} is ${kind} address (use --allow-private to allow it)`;
}
