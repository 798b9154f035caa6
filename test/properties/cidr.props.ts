import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAddress, InputError, parseAddress } from '../../lambdas/core/targets/address.js';
import { type Cidr, parseCidr } from '../../lambdas/core/targets/cidr.js';
import { anyString, inputErrorOr, mutated, network, runs, v4Address, v4Cidr, v4Text, v6Address, v6Cidr, v6Text } from './support.js';

/** Invariants every accepted CIDR must satisfy, whatever text it came from. */
function expectWellFormed(cidr: Cidr): void {
  const bits = cidr.family === 4 ? 32 : 128;
  expect(cidr.prefix).toBeGreaterThanOrEqual(0);
  expect(cidr.prefix).toBeLessThanOrEqual(bits);
  const hostMask = (1n << BigInt(bits - cidr.prefix)) - 1n;
  expect(cidr.first & hostMask).toBe(0n);
  expect(cidr.last).toBe(cidr.first | hostMask);
  expect(cidr.last).toBeLessThan(1n << BigInt(bits));
  expect(cidr.text).toBe(`${formatAddress({ family: cidr.family, value: cidr.first })}/${cidr.prefix}`);
}

describe('parseCidr properties', () => {
  it('round-trips every IPv4 network address and prefix: parse(format(c)) == c', () => {
    fc.assert(
      fc.property(v4Cidr, (c) => {
        expect(parseCidr(c.text)).toEqual(c);
      }),
      runs(4000),
    );
  });

  it('round-trips every IPv6 network address and prefix', () => {
    fc.assert(
      fc.property(v6Cidr, (c) => {
        expect(parseCidr(c.text)).toEqual(c);
      }),
      runs(3000),
    );
  });

  it('reads a bare address as a single-address range (/32, /128) and tolerates surrounding blanks', () => {
    fc.assert(
      fc.property(fc.oneof(v4Address.map((v) => [4, v] as const), v6Address.map((v) => [6, v] as const)), fc.constantFrom('', ' ', '\t', '  \n'), ([family, value], pad) => {
        const text = family === 4 ? v4Text(value) : v6Text(value);
        const cidr = parseCidr(`${pad}${text}${pad}`);
        expect(cidr).toEqual({ family, first: value, last: value, prefix: family === 4 ? 32 : 128, text: `${text}/${family === 4 ? 32 : 128}` });
        expect(parseAddress(text)).toEqual({ family, value });
      }),
      runs(3000),
    );
  });

  it('refuses any CIDR with host bits set, with an InputError naming the value and the network meant', () => {
    const v4WithHostBits = fc
      .tuple(v4Address, fc.integer({ min: 0, max: 31 }))
      .filter(([value, prefix]) => network(value, prefix, 32) !== value)
      .map(([value, prefix]) => ({ text: `${v4Text(value)}/${prefix}`, meant: `${v4Text(network(value, prefix, 32))}/${prefix}` }));
    const v6WithHostBits = fc
      .tuple(v6Address, fc.integer({ min: 0, max: 127 }))
      .filter(([value, prefix]) => network(value, prefix, 128) !== value)
      .map(([value, prefix]) => ({ text: `${v6Text(value)}/${prefix}`, meant: `${v6Text(network(value, prefix, 128))}/${prefix}` }));
    fc.assert(
      fc.property(fc.oneof(v4WithHostBits, v6WithHostBits), ({ text, meant }) => {
        let thrown: unknown;
        try {
          parseCidr(text);
        } catch (err) {
          thrown = err;
        }
        expect(thrown, `${text} was accepted`).toBeInstanceOf(InputError);
        expect((thrown as Error).message).toContain(`"${text}"`);
        expect((thrown as Error).message).toContain(`did you mean ${meant}?`);
      }),
      runs(4000),
    );
  });

  it('refuses prefixes longer than the family allows, naming the value', () => {
    fc.assert(
      fc.property(fc.oneof(v4Address.map(v4Text), v6Address.map(v6Text)), fc.integer({ min: 0, max: 100_000 }), (address, extra) => {
        const bits = address.includes(':') ? 128 : 32;
        const text = `${address}/${bits + 1 + extra}`;
        expect(() => parseCidr(text)).toThrowError(InputError);
        expect(() => parseCidr(text)).toThrowError(`"${text}"`);
      }),
      runs(2000),
    );
  });

  it('never throws anything but an InputError for arbitrary strings; the error names the value', () => {
    fc.assert(
      fc.property(anyString, (text) => {
        const r = inputErrorOr(text, () => parseCidr(text));
        if (r.error) {
          if (text.trim() === '') expect(r.error.message).toMatch(/empty range/);
          else expect(r.error.message).toContain(`"${text}"`);
        } else {
          expectWellFormed(r.value);
        }
      }),
      runs(5000),
    );
  });

  it('never throws anything but an InputError for mutated CIDR strings; accepted results are canonical and stable', () => {
    fc.assert(
      fc.property(mutated(fc.oneof(v4Cidr, v6Cidr).map((c) => c.text)), (text) => {
        const r = inputErrorOr(text, () => parseCidr(text));
        if (r.error) {
          if (text.trim() !== '') expect(r.error.message).toContain(`"${text}"`);
          return;
        }
        expectWellFormed(r.value);
        // Canonical text parses back to the same range (what the range table and block messages rely on).
        expect(parseCidr(r.value.text)).toEqual(r.value);
      }),
      runs(5000),
    );
  });
});
