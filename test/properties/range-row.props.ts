import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AddressPolicy, checkRangeAllowed } from '../../lambdas/core/targets/address-policy.js';
import { parseCidr } from '../../lambdas/core/targets/cidr.js';
import { MAX_PORTS } from '../../lambdas/core/targets/ports.js';
import { type MonitoredRange, validateRangeRow } from '../../lambdas/core/targets/range-row.js';
import { anyString, hasOpaqueObject, inputErrorOr, mutated, runs, v4Cidr, v6Cidr } from './support.js';

const KNOWN = ['cidr', 'label', 'owner', 'ports', 'exclude', 'enabled', 'muted', 'updatedAt', 'createdAt'];
const DEFAULT_PORTS = [8000, 11434];

const policy: fc.Arbitrary<AddressPolicy> = fc.record({ allowPrivate: fc.boolean(), maxRangePrefixV4: fc.integer({ min: 8, max: 32 }) });

const loopbackCidr = fc.tuple(fc.integer({ min: 0, max: 2 ** 24 - 1 }), fc.integer({ min: 8, max: 32 })).map(([n, p]) => {
  const v = (127 * 2 ** 24 + n) >>> 0;
  const first = p === 32 ? v : (v & ~(2 ** (32 - p) - 1)) >>> 0;
  return `${first >>> 24}.${(first >>> 16) & 255}.${(first >>> 8) & 255}.${first & 255}/${p}`;
});
const cidrText = fc.oneof(loopbackCidr, v4Cidr.map((c) => c.text), v6Cidr.map((c) => c.text), fc.constantFrom('0.0.0.0/0', '10.0.0.0/8', '192.0.2.0/24', '::1', '2001:db8::/64', '::ffff:127.0.0.1', ''), mutated(loopbackCidr));
const portsValue = fc.oneof(
  fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { minLength: 0, maxLength: 5 }),
  fc.array(fc.oneof(fc.integer({ min: -10, max: 70000 }), anyString), { maxLength: 5 }),
  fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { maxLength: 5 }).map((p) => p.join(',')),
  fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { maxLength: 5 }).map((p) => new Set(p)),
  fc.constantFrom('1-65535', '80-143', '8000-8063', 8080, 0, null, ''),
  anyString,
);
const excludeValue = fc.oneof(
  fc.array(fc.oneof(loopbackCidr, cidrText), { maxLength: 4 }),
  fc.array(cidrText, { maxLength: 4 }).map((e) => e.join(',')),
  fc.array(fc.oneof(cidrText, fc.integer(), fc.constant(null), fc.object()), { maxLength: 3 }),
  fc.array(loopbackCidr, { maxLength: 3 }).map((e) => new Set(e)),
  fc.constantFrom(5, true, null, '', { a: 1 }),
);
const boolish = fc.oneof(fc.boolean(), fc.constantFrom('true', 'false', 1, 0, null, 'yes'));
const text = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ minLength: 199, maxLength: 210 }), fc.integer(), fc.constant(null));

/** A valid row in every form the table may hold it (ports as list, string or set; exclude as list or string). */
const validRow = fc.record(
  {
    cidr: loopbackCidr,
    label: fc.string({ maxLength: 30 }),
    owner: fc.string({ maxLength: 30 }),
    ports: fc.oneof(
      fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { minLength: 1, maxLength: 5 }),
      fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { minLength: 1, maxLength: 5 }).map((p) => p.join(',')),
      fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { minLength: 1, maxLength: 5 }).map((p) => new Set(p)),
    ),
    exclude: fc.oneof(fc.array(loopbackCidr, { maxLength: 3 }), fc.array(loopbackCidr, { maxLength: 3 }).map((e) => e.join(','))),
    enabled: fc.boolean(),
    muted: fc.boolean(),
    updatedAt: fc.string(),
  },
  { requiredKeys: ['cidr'] },
);

/** Junk for a field: plausible mistakes for that field, or anything at all. */
const junkFor: Record<string, fc.Arbitrary<unknown>> = {
  cidr: cidrText,
  label: text,
  owner: text,
  ports: portsValue,
  exclude: excludeValue,
  enabled: boolish,
  muted: boolish,
};
const strayKey = fc.oneof(fc.constantFrom('port', 'Ports', 'cidrs', 'note', 'excludes', 'enable'), fc.string({ maxLength: 8 }));

/** Row-shaped objects: a valid row with 0..3 fields removed, set to junk of any type, or stray keys added. */
const rowLike = fc
  .tuple(
    validRow,
    fc.array(
      fc.oneof(
        fc.constantFrom(...Object.keys(junkFor)).chain((k) => fc.tuple(fc.constant(k), fc.oneof({ weight: 3, arbitrary: junkFor[k] as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: fc.anything() }, { weight: 1, arbitrary: fc.constant(undefined) }))),
        fc.tuple(strayKey, fc.anything()),
      ),
      { maxLength: 3 },
    ),
  )
  .map(([row, edits]) => {
    const out: Record<string, unknown> = { ...row };
    for (const [k, v] of edits) {
      if (v === undefined) delete out[k];
      else out[k] = v;
    }
    return out;
  });

function expectValidRange(range: MonitoredRange, raw: Record<string, unknown>, p: AddressPolicy): void {
  expect(() => checkRangeAllowed(range.cidr, p)).not.toThrow();
  expect(parseCidr(range.cidr.text)).toEqual(range.cidr);
  expect(range.ports.length).toBeGreaterThanOrEqual(1);
  expect(range.ports.length).toBeLessThanOrEqual(MAX_PORTS);
  range.ports.forEach((port, i) => {
    expect(Number.isInteger(port) && port >= 1 && port <= 65535).toBe(true);
    if (i > 0) expect(port).toBeGreaterThan(range.ports[i - 1] as number);
  });
  for (const interval of range.intervals) {
    expect(interval.first >= range.cidr.first && interval.last <= range.cidr.last && interval.first <= interval.last, `interval outside ${range.cidr.text}`).toBe(true);
    for (const x of range.exclude) {
      expect(x.family === interval.family && x.first <= interval.last && interval.first <= x.last, `${range.cidr.text} keeps excluded ${x.text}`).toBe(false);
    }
  }
  if (range.label !== undefined) expect(range.label).toBe(raw.label);
  if (range.owner !== undefined) expect(range.owner).toBe(raw.owner);
  expect(range.muted === true).toBe(raw.muted === true);
}

/** The error must name a field the row has (or "cidr", which every row needs), or say it is not an object. */
function expectNamesField(message: string, raw: unknown): void {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    expect(message).toMatch(/expected an object/);
    return;
  }
  const fields = ['cidr', ...Object.keys(raw)];
  const named = fields.find((k) => message.includes(`field "${k}"`));
  expect(named, `error names none of the row's fields (${fields.join(', ')}): ${message}`).toBeDefined();
  if (message.includes('unknown field')) {
    const stray = Object.keys(raw).filter((k) => !KNOWN.includes(k));
    expect(stray.some((k) => message.includes(`unknown field "${k}"`)), `unknown-field error for known fields: ${message}`).toBe(true);
  }
}

describe('validateRangeRow properties', () => {
  it('row-shaped objects with random field types: an InputError naming a field, or a valid range', () => {
    fc.assert(
      fc.property(rowLike, policy, (raw, p) => {
        fc.pre(!hasOpaqueObject(raw));
        const r = inputErrorOr(raw, () => validateRangeRow(raw, p, DEFAULT_PORTS));
        if (r.error) expectNamesField(r.error.message, raw);
        else expectValidRange(r.value, raw, p);
      }),
      runs(3000),
    );
  });

  it('any value at all (fc.anything, fc.object): an InputError naming a field, or a valid range', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything({ withSet: true, withMap: true, withDate: true, withBoxedValues: true }), fc.object()), policy, (raw, p) => {
        fc.pre(!hasOpaqueObject(raw));
        const r = inputErrorOr(raw, () => validateRangeRow(raw, p, DEFAULT_PORTS));
        if (r.error) expectNamesField(r.error.message, raw);
        else expectValidRange(r.value, raw as Record<string, unknown>, p);
      }),
      runs(5000),
    );
  });

  it('a valid loopback row within the size cap is accepted whatever the policy, with the default ports when it names none', () => {
    fc.assert(
      fc.property(loopbackCidr, policy, (cidr, p) => {
        fc.pre(Number(cidr.split('/')[1]) >= p.maxRangePrefixV4);
        const range = validateRangeRow({ cidr }, p, DEFAULT_PORTS);
        expect(range.cidr.text).toBe(cidr);
        expect(range.ports).toEqual(DEFAULT_PORTS);
        expect(range.intervals).toEqual([{ family: 4, first: range.cidr.first, last: range.cidr.last }]);
      }),
      runs(3000),
    );
  });

  // Regression (found by this suite, fixed): the error text is built with String(value), which itself throws a TypeError
  // ("Cannot convert object to primitive value") for an object without a usable toString, e.g.
  // Object.create(null) or a DynamoDB map attribute that has a key named "toString". The row is
  // then reported without naming the field. validateRangeRow promises "any shape".
  it('objects without a usable toString in any field still give an InputError naming the field', () => {
    const opaque = fc.oneof(
      fc.constant(Object.create(null) as object),
      fc.constantFrom('toString', 'valueOf').map((k) => ({ [k]: 'x' })),
      fc.anything({ withNullPrototype: true }).filter((v) => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === null),
    );
    const field = fc.constantFrom('label', 'owner', 'ports', 'exclude', 'enabled', 'muted');
    fc.assert(
      fc.property(field, opaque, fc.boolean(), (name, value, inList) => {
        const raw = { cidr: '127.0.0.0/24', [name]: inList && name === 'exclude' ? [value] : value };
        const r = inputErrorOr(raw, () => validateRangeRow(raw, { allowPrivate: false, maxRangePrefixV4: 16 }, DEFAULT_PORTS));
        expect(r.error, `{ cidr, ${name}: <object without toString> } was accepted`).toBeDefined();
        expect(r.error?.message).toContain(`field "${name}"`);
      }),
      runs(300),
    );
  });
});
