import { describe, expect, it } from 'vitest';
import { InputError } from '../../../lambdas/core/targets/address.js';
import { checkRangeAllowed, DEFAULT_POLICY } from '../../../lambdas/core/targets/address-policy.js';
import { parseCidr } from '../../../lambdas/core/targets/cidr.js';

const allowed = (text: string, allowPrivate = false): void =>
  checkRangeAllowed(parseCidr(text), { ...DEFAULT_POLICY, allowPrivate });

describe('address policy (design section 6)', () => {
  it.each(['127.0.0.0/24', '127.0.0.0/16', '127.44.3.2', '::1'])('always allows loopback %s', (text) => {
    expect(() => allowed(text)).not.toThrow();
  });

  it('applies the size cap to loopback like any row: a /8 would make every run too large to track', () => {
    expect(() => allowed('127.0.0.0/8')).toThrowError(/127\.0\.0\.0\/8 is too large/);
    expect(() => checkRangeAllowed(parseCidr('127.0.0.0/8'), { ...DEFAULT_POLICY, maxRangePrefixV4: 8 })).not.toThrow();
  });

  it.each(['10.1.0.0/24', '172.16.5.0/24', '192.168.1.0/24', '100.64.0.0/16', '169.254.1.0/24', 'fd00::/120'])(
    'needs --allow-private for %s',
    (text) => {
      expect(() => allowed(text)).toThrowError(/--allow-private/);
      expect(() => allowed(text, true)).not.toThrow();
    },
  );

  it.each([
    ['0.0.0.0/8', /"this network"/],
    ['0.0.0.0/0', /refused/],
    ['192.0.2.0/24', /documentation/],
    ['198.51.100.7', /documentation/],
    ['203.0.113.0/24', /documentation/],
    ['224.0.0.1', /multicast/],
    ['255.255.255.255', /reserved/],
    ['198.18.0.0/16', /benchmarking/],
    ['2001:db8::/120', /documentation/],
    ['ff02::1', /multicast/],
  ])('always refuses %s', (text, reason) => {
    expect(() => allowed(text, true)).toThrowError(InputError);
    expect(() => allowed(text, true)).toThrowError(reason);
  });

  it('refuses ranges larger than the configured limit, naming the size', () => {
    expect(() => allowed('11.0.0.0/15')).toThrowError(/too large: 131072 addresses; a range may be at most \/16/);
    expect(() => allowed('11.0.0.0/16')).not.toThrow();
    expect(() => checkRangeAllowed(parseCidr('11.0.0.0/16'), { allowPrivate: false, maxRangePrefixV4: 20 })).toThrowError(/at most \/20/);
  });

  it('accepts IPv6 only as /120 or smaller and says why', () => {
    expect(() => allowed('2a00:1450::/64')).toThrowError(/only as single addresses or \/120 and smaller/);
    expect(() => allowed('2a00:1450::100/120')).not.toThrow();
  });
});
