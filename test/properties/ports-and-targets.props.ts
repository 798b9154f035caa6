import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCidr } from '../../lambdas/core/targets/cidr.js';
import { MAX_PORTS, parsePorts } from '../../lambdas/core/targets/ports.js';
import { parseScanTarget } from '../../lambdas/core/targets/scan-target.js';
import { anyString, grammarString, inputErrorOr, mutated, runs, v4Address, v4Cidr, v4Text, v6Address, v6Cidr, v6Text } from './support.js';

/** What every accepted port list must be: 1..64 ports, each 1..65535, strictly increasing. */
function expectValidPorts(ports: readonly number[]): void {
  expect(ports.length).toBeGreaterThanOrEqual(1);
  expect(ports.length).toBeLessThanOrEqual(MAX_PORTS);
  for (const [i, p] of ports.entries()) {
    expect(Number.isInteger(p), `port ${p}`).toBe(true);
    expect(p).toBeGreaterThanOrEqual(1);
    expect(p).toBeLessThanOrEqual(65535);
    if (i > 0) expect(p, `ports not sorted and unique: ${ports.join(',')}`).toBeGreaterThan(ports[i - 1] as number);
  }
}

const port = fc.integer({ min: 1, max: 65535 });
const portText = fc.oneof(port.map(String), fc.tuple(port, fc.integer({ min: 0, max: 70 })).map(([lo, n]) => `${lo}-${Math.min(65535, lo + n)}`));
const portListText = fc.array(portText, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(','));

describe('parsePorts properties', () => {
  it('any string gives an InputError naming the field, or a valid sorted unique port list', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, mutated(portListText)), (text) => {
        const r = inputErrorOr(text, () => parsePorts(text, 'FIELD'));
        if (r.error) expect(r.error.message.startsWith('FIELD: ')).toBe(true);
        else expectValidPorts(r.value);
      }),
      runs(5000),
    );
  });

  it('any list of strings and numbers gives an InputError or a valid port list', () => {
    const item = fc.oneof(fc.integer({ min: -5, max: 70000 }), fc.double(), anyString, portText);
    fc.assert(
      fc.property(fc.array(item, { maxLength: 10 }), (list) => {
        const r = inputErrorOr(list, () => parsePorts(list, 'FIELD'));
        if (r.error) expect(r.error.message.startsWith('FIELD: ')).toBe(true);
        else expectValidPorts(r.value);
      }),
      runs(5000),
    );
  });

  it('agrees with a model: the accepted list is exactly the set of ports named, sorted', () => {
    const spec = fc.array(fc.oneof(port.map((p) => [p, p] as const), fc.tuple(port, fc.integer({ min: 0, max: 20 })).map(([lo, n]) => [lo, Math.min(65535, lo + n)] as const)), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(spec, fc.constantFrom(',', ', ', ' ,', ',,'), fc.boolean(), (parts, sep, asList) => {
        const expected = new Set<number>();
        for (const [lo, hi] of parts) for (let p = lo; p <= hi; p++) expected.add(p);
        const texts = parts.map(([lo, hi]) => (lo === hi ? String(lo) : `${lo}-${hi}`));
        const input = asList ? texts : texts.join(sep);
        const r = inputErrorOr(input, () => parsePorts(input));
        if (expected.size > MAX_PORTS) {
          expect(r.error?.message).toMatch(/at most 64|spans more than 64/);
        } else {
          expect(r.value).toEqual([...expected].sort((a, b) => a - b));
        }
      }),
      runs(5000),
    );
  });
});

describe('parseScanTarget properties', () => {
  it('any string gives an InputError naming the target, or a well-formed target', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, grammarString.map((s) => `127.0.0.1${s}`), mutated(fc.oneof(v4Cidr.map((c) => c.text), v4Address.map((v) => `${v4Text(v)}:${Number(v % 65536n)}`)))), (text) => {
        const r = inputErrorOr(text, () => parseScanTarget(text));
        if (r.error) {
          expect(r.error.message).toContain(`target "${text}"`);
          return;
        }
        const t = r.value;
        expect(parseCidr(t.cidr.text)).toEqual(t.cidr);
        if (t.port !== undefined) {
          expect(Number.isInteger(t.port)).toBe(true);
          expect(t.port).toBeGreaterThanOrEqual(1);
          expect(t.port).toBeLessThanOrEqual(65535);
        }
      }),
      runs(5000),
    );
  });

  it('reads ip:port and [ipv6]:port as one address and one port', () => {
    fc.assert(
      fc.property(fc.oneof(v4Address.map((v) => ({ v, text: v4Text(v), family: 4 })), v6Address.map((v) => ({ v, text: `[${v6Text(v)}]`, family: 6 }))), port, ({ v, text, family }, p) => {
        const t = parseScanTarget(`${text}:${p}`);
        expect(t.port).toBe(p);
        expect(t.cidr.family).toBe(family);
        expect(t.cidr.first).toBe(v);
        expect(t.cidr.last).toBe(v);
      }),
      runs(3000),
    );
  });

  it('reads a CIDR without a port as the whole range', () => {
    fc.assert(
      fc.property(fc.oneof(v4Cidr, v6Cidr), (c) => {
        expect(parseScanTarget(c.text)).toEqual({ cidr: c });
      }),
      runs(3000),
    );
  });

  // Regression (found by this suite, fixed): "[127.0.0.0/24]:80" is accepted as the whole /24 with port 80, and `scan`
  // then probes only 127.0.0.0:80 (expandTargets uses cidr.first for port targets): the rest of
  // the range the user named is silently dropped. An ip:port target must be one address.
  it('a target with a port always names exactly one address (a bracketed CIDR with a port is refused)', () => {
    fc.assert(
      fc.property(fc.oneof(v4Cidr, v6Cidr).filter((c) => c.first !== c.last), port, (c, p) => {
        const text = `[${c.text}]:${p}`;
        const r = inputErrorOr(text, () => parseScanTarget(text));
        if (r.value) {
          expect(r.value.cidr.first === r.value.cidr.last, `${text} was accepted as ${r.value.cidr.text} with port ${r.value.port}`).toBe(true);
        }
      }),
      runs(1000),
    );
  });
});
