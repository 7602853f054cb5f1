import { describe, expect, it } from 'vitest';
import { refusalMessage, restrictedKind } from './address.js';

describe('restrictedKind', () => {
  it.each([
    ['127.0.0.1', 'a loopback'],
    ['::1', 'a loopback'],
    ['10.0.0.1', 'a private'],
    ['172.31.255.1', 'a private'],
    ['192.168.1.10', 'a private'],
    ['100.64.0.1', 'a carrier-grade NAT (private)'],
    ['169.254.169.254', 'a link-local'],
    ['fe80::1', 'a link-local'],
    ['0.0.0.0', 'an unspecified'],
    ['::', 'an unspecified'],
    ['224.0.0.1', 'a multicast'],
    ['ff02::1', 'a multicast'],
    ['fd12:3456::1', 'a private'],
    ['::ffff:10.0.0.1', 'a private'],
    ['::ffff:7f00:1', 'a loopback'],
    ['64:ff9b::a00:1', 'a private'],
    ['not-an-ip', 'an invalid'],
    // Issue 18: missing from the refused ranges
    ['::ffff:8.8.8.8', 'an IPv4-compatible or IPv4-mapped IPv6'],
    ['::8.8.8.8', 'an IPv4-compatible or IPv4-mapped IPv6'],
  ])('%s is %s address', (address, kind) => {
    expect(restrictedKind(address)).toBe(kind);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700::1111', '172.32.0.1', '100.128.0.1'])('%s is public', (address) => {
    expect(restrictedKind(address)).toBeNull();
  });

  it('words the refusal with the way out', () => {
    expect(refusalMessage('10.0.0.1', 'a private')).toBe('refused: 10.0.0.1 is a private address (use --allow-private to allow it)');
  });
});
