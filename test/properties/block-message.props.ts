import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK_SCHEMA, type BlockMessage } from '../../lambdas/core/planning/block-message.js';
import { MAX_BLOCK_COUNT, parseBlockMessage } from '../../lambdas/core/planning/parse-block-message.js';
import { blockTargets } from '../../lambdas/core/pipeline/process-block.js';
import { parseAddress } from '../../lambdas/core/targets/address.js';
import { parseCidr } from '../../lambdas/core/targets/cidr.js';
import { anyString, inputErrorOr, jsonHasOpaqueObject, mutated, network, runs, safeShow, v4Cidr, v4Text, v6Cidr, v6Text } from './support.js';

/** Everything a message the prober acts on must satisfy; above all, its block lies inside its range. */
function expectSafeMessage(m: BlockMessage, input: unknown): void {
  const shown = () => safeShow(input).slice(0, 300);
  expect(m.schema).toBe(BLOCK_SCHEMA);
  expect(typeof m.runId === 'string' && m.runId.length > 0).toBe(true);
  expect(Number.isInteger(m.blockId) && m.blockId >= 0).toBe(true);
  expect(Number.isInteger(m.count) && m.count >= 1 && m.count <= MAX_BLOCK_COUNT, `count of ${shown()}`).toBe(true);
  expect(m.ports.length).toBeGreaterThan(0);
  for (const p of m.ports) expect(Number.isInteger(p) && p >= 1 && p <= 65535).toBe(true);
  const range = parseCidr(m.range);
  expect(range.text, 'range is canonical').toBe(m.range);
  const first = parseAddress(m.start);
  const last = first.value + BigInt(m.count - 1);
  expect(first.family === range.family && first.value >= range.first && last <= range.last, `block ${m.start} +${m.count} outside ${m.range} accepted from ${shown()}`).toBe(true);
  if (m.label !== undefined) expect(typeof m.label === 'string' && m.label.length > 0).toBe(true);
  if (m.muted !== undefined) expect(m.muted).toBe(true);
  // The prober's expansion ends on that last address (expanded only for small blocks, for speed).
  if (m.count <= 16) {
    let lastHost = '';
    for (const t of blockTargets(m.start, m.count, [m.ports[0] as number])) lastHost = t.host;
    expect(parseAddress(lastHost).value).toBe(last);
  }
}

/** Valid messages: a range, a block inside it, ports, optional label and muted. */
const validMessage: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(fc.oneof(v4Cidr.filter((c) => c.prefix >= 8), v6Cidr.filter((c) => c.prefix >= 100)), fc.bigInt({ min: 0n, max: 2n ** 128n }), fc.integer({ min: 1, max: MAX_BLOCK_COUNT }))
  .chain(([c, r, n]) => {
    const size = c.last - c.first + 1n;
    const start = c.first + (r % size);
    const count = Math.max(1, Math.min(n, Number(c.last - start + 1n)));
    return fc.record(
      {
        schema: fc.constant(BLOCK_SCHEMA),
        runId: fc.string({ minLength: 1, maxLength: 40 }),
        blockId: fc.integer({ min: 0, max: 10_000_000 }),
        range: fc.constant(c.text),
        label: fc.string({ minLength: 1, maxLength: 40 }),
        muted: fc.constant(true),
        start: fc.constant(c.family === 4 ? v4Text(start) : v6Text(start)),
        count: fc.constant(count),
        ports: fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { minLength: 1, maxLength: 8 }).map((p) => p.sort((a, b) => a - b)),
      },
      { requiredKeys: ['schema', 'runId', 'blockId', 'range', 'start', 'count', 'ports'] },
    );
  });

const FIELDS = ['schema', 'runId', 'blockId', 'range', 'label', 'muted', 'start', 'count', 'ports'] as const;

/** A valid message with one field replaced by anything, removed, or nudged (off by one, widened). */
const oneFieldBroken = fc.tuple(validMessage, fc.constantFrom(...FIELDS), fc.oneof(fc.anything(), fc.constant(undefined), fc.integer(), anyString)).map(([m, field, value]) => {
  const copy: Record<string, unknown> = { ...m };
  if (value === undefined) delete copy[field];
  else copy[field] = value;
  return copy;
});

const nudged = fc.tuple(validMessage, fc.integer({ min: -3, max: 3 }), fc.integer({ min: 0, max: 2 })).map(([m, delta, which]) => {
  const copy: Record<string, unknown> = { ...m };
  if (which === 0) copy.count = (m.count as number) + delta;
  else if (which === 1) copy.start = (() => {
    const a = parseAddress(m.start as string);
    const v = a.value + BigInt(delta);
    return v < 0n ? m.start : a.family === 4 ? v4Text(v & (2n ** 32n - 1n)) : v6Text(v & (2n ** 128n - 1n));
  })();
  else {
    const c = parseCidr(m.range as string);
    const bits = c.family === 4 ? 32 : 128;
    const p = Math.min(bits, Math.max(0, c.prefix + delta));
    const first = network(c.first, p, bits);
    copy.range = `${c.family === 4 ? v4Text(first) : v6Text(first)}/${p}`;
  }
  return copy;
});

function check(input: unknown): void {
  fc.pre(!jsonHasOpaqueObject(input));
  const r = inputErrorOr(input, () => parseBlockMessage(input));
  if (r.error) expect(r.error.message.length).toBeGreaterThan(0);
  else expectSafeMessage(r.value, input);
}

describe('parseBlockMessage properties', () => {
  it('accepts and returns every valid message unchanged (as an object and as its JSON body)', () => {
    fc.assert(
      fc.property(validMessage, (m) => {
        expect(parseBlockMessage(m)).toEqual(m);
        expect(parseBlockMessage(JSON.stringify(m))).toEqual(m);
      }),
      runs(3000),
    );
  });

  it('any value (fc.anything) gives an InputError or a message whose block lies inside its range', () => {
    fc.assert(fc.property(fc.anything({ withBoxedValues: true, withSet: true, withMap: true, withDate: true, withTypedArray: true, withSparseArray: true }), check), runs(5000));
  });

  it('any string body (random text, JSON values, mutated valid JSON) gives an InputError or a safe message', () => {
    fc.assert(fc.property(fc.oneof(anyString, fc.json(), mutated(validMessage.map((m) => JSON.stringify(m)))), check), runs(3000));
  });

  it('a valid message with one field replaced by anything (or removed) gives an InputError or a safe message', () => {
    fc.assert(fc.property(oneFieldBroken, check), runs(3000));
    fc.assert(fc.property(oneFieldBroken.map((m) => JSON.stringify(m)), check), runs(1500));
  });

  it('a block nudged off by a little (count, start, range prefix) is refused unless still inside its range', () => {
    fc.assert(fc.property(nudged, check), runs(2000));
  });
});
