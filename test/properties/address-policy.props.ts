import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AddressPolicy, checkRangeAllowed } from '../../lambdas/core/targets/address-policy.js';
import { type Cidr, parseCidr } from '../../lambdas/core/targets/cidr.js';
import { inputErrorOr, network, runs, v4Text, v6Text } from './support.js';

/**
 * The special-purpose ranges, written out again here (from the IANA registries), so the test is
 * an independent oracle rather than a copy of the module's private tables.
 */
const REFUSED = [
  '0.0.0.0/8', '192.0.0.0/24', '192.0.2.0/24', '192.88.99.0/24', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/4', '240.0.0.0/4',
  '::/128', '::ffff:0:0/96', '64:ff9b::/96', '100::/64', '2001::/23', '2001:db8::/32', '2002::/16', 'ff00::/8',
].map(parseCidr);
const PRIVATE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16', 'fc00::/7', 'fe80::/10'].map(parseCidr);
const LOOPBACK_V4 = parseCidr('127.0.0.0/8');

const policy: fc.Arbitrary<AddressPolicy> = fc.record({ allowPrivate: fc.boolean(), maxRangePrefixV4: fc.integer({ min: 0, max: 32 }) });

/** A CIDR of `prefix` bits containing a random address of `within` (so it always overlaps it). */
function cidrAround(within: Cidr, prefix: fc.Arbitrary<number>): fc.Arbitrary<Cidr> {
  const bits = within.family === 4 ? 32 : 128;
  return fc.tuple(fc.bigInt({ min: within.first, max: within.last }), prefix).map(([value, p]) => {
    const first = network(value, p, bits);
    return parseCidr(`${within.family === 4 ? v4Text(first) : v6Text(first)}/${p}`);
  });
}

const overlapsAny = (c: Cidr, list: readonly Cidr[]) => list.some((r) => r.family === c.family && r.first <= c.last && c.first <= r.last);

function allowed(cidr: Cidr, p: AddressPolicy): boolean {
  return inputErrorOr(cidr.text, () => checkRangeAllowed(cidr, p)).error === undefined;
}

function refusal(cidr: Cidr, p: AddressPolicy): string {
  const r = inputErrorOr(cidr.text, () => checkRangeAllowed(cidr, p));
  if (!r.error) throw new Error(`${cidr.text} was allowed under ${JSON.stringify(p)}`);
  return r.error.message;
}

describe('address policy properties', () => {
  it('always allows any loopback range (inside 127.0.0.0/8, ::1) within the size cap, whatever the policy; a larger one is refused as too large', () => {
    const loopback = fc.oneof({ weight: 9, arbitrary: cidrAround(LOOPBACK_V4, fc.integer({ min: 8, max: 32 })) }, { weight: 1, arbitrary: fc.constant(parseCidr('::1')) });
    fc.assert(
      fc.property(loopback, policy, (cidr, p) => {
        if (cidr.family === 4 && cidr.prefix < p.maxRangePrefixV4) expect(refusal(cidr, p)).toContain('too large');
        else expect(allowed(cidr, p), `${cidr.text} refused under ${JSON.stringify(p)}`).toBe(true);
      }),
      runs(5000),
    );
  });

  it('always refuses any range overlapping a refused special range, naming the range, whatever the policy', () => {
    const anyOverlapping = fc.oneof(
      ...REFUSED.map((r) => cidrAround(r, fc.integer({ min: 0, max: r.family === 4 ? 32 : 128 }))),
    );
    fc.assert(
      fc.property(anyOverlapping, policy, (cidr, p) => {
        expect(overlapsAny(cidr, REFUSED)).toBe(true);
        expect(refusal(cidr, p)).toContain(cidr.text);
      }),
      runs(5000),
    );
  });

  it('refuses a range of internal address space unless allowPrivate, and allows it with allowPrivate', () => {
    const inside = fc.oneof(
      ...PRIVATE.map((r) => cidrAround(r, fc.integer({ min: r.family === 4 ? Math.max(r.prefix, 16) : 120, max: r.family === 4 ? 32 : 128 }))),
    );
    fc.assert(
      fc.property(inside, fc.integer({ min: 0, max: 16 }), (cidr, max) => {
        const message = refusal(cidr, { allowPrivate: false, maxRangePrefixV4: max });
        expect(message).toContain(cidr.text);
        expect(message).toContain('--allow-private');
        expect(allowed(cidr, { allowPrivate: true, maxRangePrefixV4: max }), `${cidr.text} refused with allowPrivate`).toBe(true);
      }),
      runs(5000),
    );
  });

  it('respects the range-size limit for public IPv4: allowed exactly when prefix >= the limit', () => {
    // Prefixes generated around the limit, on public (non-special) space.
    const around = fc
      .tuple(fc.integer({ min: 8, max: 32 }), fc.integer({ min: -3, max: 3 }), fc.bigInt({ min: 0n, max: 2n ** 32n - 1n }), fc.boolean())
      .map(([max, delta, value, allowPrivate]) => {
        const prefix = Math.min(32, Math.max(0, max + delta));
        const first = network(value, prefix, 32);
        return { p: { allowPrivate, maxRangePrefixV4: max }, cidr: parseCidr(`${v4Text(first)}/${prefix}`) };
      })
      .filter(({ cidr }) => !overlapsAny(cidr, [...REFUSED, ...PRIVATE, LOOPBACK_V4]));
    fc.assert(
      fc.property(around, ({ p, cidr }) => {
        if (cidr.prefix >= p.maxRangePrefixV4) {
          expect(allowed(cidr, p), `${cidr.text} refused under ${JSON.stringify(p)}`).toBe(true);
        } else {
          const message = refusal(cidr, p);
          expect(message).toContain(`${cidr.text} is too large`);
          expect(message).toContain(`/${p.maxRangePrefixV4}`);
        }
      }),
      runs(5000),
    );
  });

  it('refuses any IPv6 range wider than /120, naming it', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 128n - 1n }), fc.integer({ min: 0, max: 119 }), policy, (value, prefix, p) => {
        const cidr = parseCidr(`${v6Text(network(value, prefix, 128))}/${prefix}`);
        expect(refusal(cidr, p)).toContain(cidr.text);
      }),
      runs(3000),
    );
  });

  it('agrees with a model on any IPv4 CIDR and policy (refused, size, loopback mix, private)', () => {
    const cidr = fc.tuple(fc.bigInt({ min: 0n, max: 2n ** 32n - 1n }), fc.integer({ min: 0, max: 32 })).map(([v, prefix]) => parseCidr(`${v4Text(network(v, prefix, 32))}/${prefix}`));
    fc.assert(
      fc.property(cidr, policy, (c, p) => {
        const inLoopback = c.first >= LOOPBACK_V4.first && c.last <= LOOPBACK_V4.last;
        const expected =
          !overlapsAny(c, REFUSED) &&
          c.prefix >= p.maxRangePrefixV4 &&
          (inLoopback || (!overlapsAny(c, [LOOPBACK_V4]) && (p.allowPrivate || !overlapsAny(c, PRIVATE))));
        expect(allowed(c, p), `${c.text} under ${JSON.stringify(p)}`).toBe(expected);
      }),
      runs(10000),
    );
  });
});
