import { describe, expect, it } from 'vitest';
import { InputError } from '../../../lambdas/core/targets/address.js';
import { formatInterval, mergeIntervals, parseCidr, subtractIntervals } from '../../../lambdas/core/targets/cidr.js';
import { parsePorts } from '../../../lambdas/core/targets/ports.js';
import { parseScanTarget } from '../../../lambdas/core/targets/scan-target.js';

describe('parseCidr', () => {
  it.each([
    ['127.0.0.0/24', '127.0.0.0/24', 256n],
    ['127.0.0.5', '127.0.0.5/32', 1n],
    ['127.1.0.0/16', '127.1.0.0/16', 65536n],
    ['::1', '::1/128', 1n],
    ['2001:db8::100/120', '2001:db8::100/120', 256n],
  ])('parses %s', (text, canonical, size) => {
    const cidr = parseCidr(text);
    expect(cidr.text).toBe(canonical);
    expect(cidr.last - cidr.first + 1n).toBe(size);
  });

  it.each([
    ['192.0.2.0/33', /prefix length must be 0..32/],
    ['10.0.0.5/8', /host bits set: did you mean 10.0.0.0\/8/],
    ['300.1.1.1/24', /not an IPv4 or IPv6 address/],
    ['1.2.3/24', /not an IPv4 or IPv6 address/],
    ['', /empty range/],
    ['10.0.0.0/abc', /prefix length/],
    ['fe80::1%eth0', /not an IPv4 or IPv6 address/],
  ])('refuses %s and names the problem', (text, message) => {
    expect(() => parseCidr(text)).toThrowError(InputError);
    expect(() => parseCidr(text)).toThrowError(message);
  });
});

describe('interval arithmetic', () => {
  it('merges overlapping and adjacent ranges', () => {
    const merged = mergeIntervals([parseCidr('127.0.1.0/24'), parseCidr('127.0.0.0/24'), parseCidr('127.0.0.128/25')]);
    expect(merged.map(formatInterval)).toEqual(['127.0.0.0-127.0.1.255']);
  });

  it('subtracts exclusions, splitting ranges around them', () => {
    const left = subtractIntervals([parseCidr('127.0.0.0/24')], [parseCidr('127.0.0.16/28'), parseCidr('127.0.0.255')]);
    expect(left.map(formatInterval)).toEqual(['127.0.0.0-127.0.0.15', '127.0.0.32-127.0.0.254']);
  });

  it('returns nothing when everything is excluded', () => {
    expect(subtractIntervals([parseCidr('127.0.0.0/28')], [parseCidr('127.0.0.0/24')])).toEqual([]);
  });
});

describe('parsePorts', () => {
  it('parses lists and ranges, sorted and unique', () => {
    expect(parsePorts('8080, 80,8000-8002,80')).toEqual([80, 8000, 8001, 8002, 8080]);
    expect(parsePorts([11434, '8000'])).toEqual([8000, 11434]);
  });
  it.each(['0', '65536', 'http', '9000-8000', '', '1-100'])('refuses %j', (text) => {
    expect(() => parsePorts(text)).toThrowError(InputError);
  });
});

describe('parseScanTarget', () => {
  it('reads address, CIDR and ip:port forms', () => {
    expect(parseScanTarget('127.0.0.1:8080')).toMatchObject({ port: 8080, cidr: { text: '127.0.0.1/32' } });
    expect(parseScanTarget('127.0.0.0/30').port).toBeUndefined();
    expect(parseScanTarget('[::1]:11434')).toMatchObject({ port: 11434, cidr: { text: '::1/128' } });
  });
  it('names the bad target', () => {
    expect(() => parseScanTarget('127.0.0.1:0')).toThrowError(/target "127.0.0.1:0"/);
  });
});
