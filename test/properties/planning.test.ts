import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import type { BlockMessage } from '../../lambdas/core/planning/block-message.js';
import { parseBlockMessage } from '../../lambdas/core/planning/parse-block-message.js';
import { planBlocks } from '../../lambdas/core/planning/plan-blocks.js';
import { fromPlannedRange, toPlannedRange } from '../../lambdas/core/planning/planned-range.js';
import { blockTargets } from '../../lambdas/core/pipeline/process-block.js';
import { type AddressPolicy, checkRangeAllowed } from '../../lambdas/core/targets/address-policy.js';
import { type Cidr, parseCidr } from '../../lambdas/core/targets/cidr.js';
import { deduplicateRanges, type MonitoredRange, validateRangeRow } from '../../lambdas/core/targets/range-row.js';
import { network, runs, v4Text, v4Value, v6Text } from './support.js';

/**
 * The key safety property: no address outside a registered range is ever planned or probed.
 *
 * Stated precisely, because overlapping rows are de-duplicated (the most specific row wins):
 *  - every probed address lies inside the CIDR of the row whose block it is in (so inside a
 *    registered range) and is not excluded by that row;
 *  - that row is a most specific one among the rows that would probe the address (no row with a
 *    longer prefix also covers it without excluding it);
 *  - no address is probed twice, and every address some row covers without excluding it is
 *    probed (completeness), so the plan is exactly the union of (row CIDR minus row exclusions).
 * Addresses are read back from the blocks exactly as the prober expands them (`blockTargets`).
 */

interface Family {
  readonly family: 4 | 6;
  readonly bits: number;
  readonly text: (v: bigint) => string;
  readonly value: (host: string) => bigint;
}
const V4: Family = { family: 4, bits: 32, text: v4Text, value: v4Value, [fc.toStringMethod]: () => 'IPv4' } as Family;
const V6: Family = {
  family: 6,
  bits: 128,
  text: v6Text,
  value: (host) => ipaddr.IPv6.parse(host).toByteArray().reduce((acc, b) => (acc << 8n) | BigInt(b), 0n),
  [fc.toStringMethod]: () => 'IPv6',
} as Family;

interface Scenario {
  readonly f: Family;
  readonly rows: Record<string, unknown>[];
  readonly blockSize: number;
  readonly policy: AddressPolicy;
}

const cidrText = (f: Family, value: bigint, prefix: number) => `${f.text(network(value, prefix, f.bits))}/${prefix}`;

/**
 * Random range rows inside one region (so rows overlap, nest, touch and duplicate), each with a
 * unique label (how a block is traced back to its row), random ports in the forms the table
 * holds, and random exclusions inside the row, elsewhere in the region, or far away.
 */
function scenario(f: Family, region: { first: bigint; size: bigint }, prefixes: { min: number; max: number }, policy: AddressPolicy, maxBlock: number): fc.Arbitrary<Scenario> {
  const inRegion = fc.bigInt({ min: region.first, max: region.first + region.size - 1n });
  const prefix = fc.integer(prefixes);
  const ports = fc.oneof(
    fc.constant(undefined),
    fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { minLength: 1, maxLength: 3 }),
    fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { minLength: 1, maxLength: 3 }).map((p) => p.join(',')),
    fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { minLength: 1, maxLength: 3 }).map((p) => new Set(p)),
  );
  const row = fc.tuple(inRegion, prefix).chain(([value, p]) => {
    const first = network(value, p, f.bits);
    const last = first | ((1n << BigInt(f.bits - p)) - 1n);
    const inside = fc.tuple(fc.bigInt({ min: first, max: last }), fc.integer({ min: p, max: f.bits })).map(([v, q]) => cidrText(f, v, q));
    const elsewhere = fc.tuple(inRegion, prefix).map(([v, q]) => cidrText(f, v, q));
    const far = fc.constantFrom('10.0.0.0/8', '198.51.100.0/24', '::1', '127.255.255.255', 'fd00::/120');
    const exclude = fc.array(fc.oneof({ weight: 3, arbitrary: inside }, { weight: 2, arbitrary: elsewhere }, { weight: 1, arbitrary: far }), { maxLength: 3 });
    return fc.record(
      {
        cidr: fc.constant(`${f.text(first)}/${p}`),
        ports,
        exclude: fc.oneof(exclude, exclude.map((e) => e.join(','))),
        muted: fc.boolean(),
        enabled: fc.constant(true),
      },
      { requiredKeys: ['cidr'] },
    );
  });
  return fc.record({
    f: fc.constant(f),
    rows: fc.array(row, { minLength: 1, maxLength: 6 }).map((rows) => rows.map((r, i) => ({ ...r, label: `row-${i}` }))),
    blockSize: fc.integer({ min: 1, max: maxBlock }),
    policy: fc.constant(policy),
  });
}

const DEFAULT_PORTS = [8000, 11434];

function rowPorts(raw: Record<string, unknown>): number[] {
  const p = raw.ports;
  if (p === undefined) return DEFAULT_PORTS;
  const list = typeof p === 'string' ? p.split(',').map(Number) : [...(p as Iterable<number>)];
  return [...new Set(list)].sort((a, b) => a - b);
}

function rowExclusions(raw: Record<string, unknown>): Cidr[] {
  const e = raw.exclude;
  const list = e === undefined ? [] : typeof e === 'string' ? e.split(',').filter((s) => s !== '') : (e as string[]);
  return list.map(parseCidr);
}

/** The model: does row `raw` (with CIDR `cidr`) ask for `value` to be probed? */
function rowWants(cidr: Cidr, excl: readonly Cidr[], family: 4 | 6, value: bigint): boolean {
  return cidr.first <= value && value <= cidr.last && !excl.some((x) => x.family === family && x.first <= value && value <= x.last);
}

/** Fails the property with a message naming the bad value (plain checks: this runs per address). */
function check(ok: boolean, message: () => string): void {
  if (!ok) throw new Error(message());
}

function checkPlan({ f, rows, blockSize, policy }: Scenario, completeness: boolean): void {
  const validated = rows.map((r) => validateRangeRow(r, policy, DEFAULT_PORTS));
  const ranges = deduplicateRanges(validated);
  const model = rows.map((raw) => ({ label: raw.label as string, cidr: parseCidr(raw.cidr as string), excl: rowExclusions(raw), ports: rowPorts(raw), muted: raw.muted === true }));
  const byLabel = new Map(model.map((m) => [m.label, m]));
  const runId = 'run-prop';
  const blocks: BlockMessage[] = [...planBlocks(ranges, runId, blockSize)];
  const allowedRanges = new Set<string>();

  const seen = new Set<bigint>();
  blocks.forEach((b, i) => {
    const owner = byLabel.get(b.label as string);
    if (!owner) throw new Error(`block ${b.blockId} (${b.start} +${b.count}) names no registered row: ${JSON.stringify(b)}`);
    check(b.blockId === i, () => `block ids are not 0..n-1 in order: block ${i} has id ${b.blockId}`);
    check(b.runId === runId && b.count >= 1 && b.count <= blockSize, () => `bad block ${JSON.stringify(b)} for block size ${blockSize}`);
    check(b.range === owner.cidr.text, () => `block ${JSON.stringify(b)} names range ${b.range}, its row is ${owner.cidr.text}`);
    check(isDeepStrictEqual(b.ports, owner.ports), () => `block ${b.blockId} ports ${b.ports.join(',')} differ from its row's ${owner.ports.join(',')}`);
    check((b.muted === true) === owner.muted, () => `block ${b.blockId} muted=${b.muted} but its row has muted=${owner.muted}`);
    // The prober re-checks the range against the policy; a planned block must pass it.
    if (!allowedRanges.has(b.range)) {
      checkRangeAllowed(parseCidr(b.range), policy);
      allowedRanges.add(b.range);
    }
    // What the queue carries is what the prober reads.
    const parsed = parseBlockMessage(JSON.stringify(b));
    check(isDeepStrictEqual(parsed, b), () => `block message does not round-trip: ${JSON.stringify(b)} -> ${JSON.stringify(parsed)}`);

    let targets = 0;
    let previousHost = '';
    for (const t of blockTargets(b.start, b.count, b.ports)) {
      targets++;
      if (t.host === previousHost) continue;
      previousHost = t.host;
      const v = f.value(t.host);
      const where = () => `address ${t.host} (block ${b.blockId} ${b.start} +${b.count} of row ${owner.label} ${owner.cidr.text}, exclude ${owner.excl.map((x) => x.text).join(',') || '-'})`;
      check(v >= owner.cidr.first && v <= owner.cidr.last, () => `${where()} lies outside its row's CIDR`);
      check(rowWants(owner.cidr, owner.excl, f.family, v), () => `${where()} is excluded by its own row`);
      for (const m of model) {
        check(!(m.cidr.prefix > owner.cidr.prefix && rowWants(m.cidr, m.excl, f.family, v)), () => `${where()} is also covered by the more specific row ${m.label} ${m.cidr.text}`);
      }
      check(!seen.has(v), () => `${where()} is planned twice`);
      seen.add(v);
    }
    check(targets === b.count * b.ports.length, () => `block ${b.blockId} expands to ${targets} targets, expected ${b.count} x ${b.ports.length}`);
  });

  if (completeness) {
    const missing: string[] = [];
    let wanted = 0;
    const counted = new Set<bigint>();
    for (const m of model) {
      for (let v = m.cidr.first; v <= m.cidr.last; v++) {
        if (counted.has(v) || !rowWants(m.cidr, m.excl, f.family, v)) continue;
        counted.add(v);
        wanted++;
        if (!seen.has(v)) missing.push(f.text(v));
      }
    }
    expect(missing, 'covered, non-excluded addresses that were never planned').toEqual([]);
    expect(seen.size).toBe(wanted);
  }

  // The run record stores the plan as PlannedRange (JSON in DynamoDB); finalize recomputes the
  // blocks from it, so the round trip must give back the very same blocks and ids.
  const stored = JSON.parse(JSON.stringify(ranges.map(toPlannedRange))) as ReturnType<typeof toPlannedRange>[];
  const restored: MonitoredRange[] = stored.map(fromPlannedRange);
  expect(restored.map(toPlannedRange)).toEqual(ranges.map(toPlannedRange));
  restored.forEach((r, i) => {
    const original = ranges[i] as MonitoredRange;
    expect(r.cidr).toEqual(original.cidr);
    expect(r.intervals).toEqual(original.intervals.map((iv) => ({ family: iv.family, first: iv.first, last: iv.last })));
  });
  check(isDeepStrictEqual([...planBlocks(restored, runId, blockSize)], blocks), () => 'blocks recomputed from the stored PlannedRanges differ from the planned blocks');
}

const LOOPBACK_POLICY: AddressPolicy = { allowPrivate: false, maxRangePrefixV4: 16 };
const PRIVATE_POLICY: AddressPolicy = { allowPrivate: true, maxRangePrefixV4: 16 };

describe('planning safety: no address outside a registered range is ever planned or probed', () => {
  it('small loopback rows (/24../32, heavy overlap): sound, exclusive, complete, round-trips', () => {
    const region = fc.integer({ min: 0, max: 2 ** 14 - 1 }).map((n) => ({ first: v4Value('127.0.0.0') + BigInt(n) * 1024n, size: 1024n }));
    fc.assert(
      fc.property(region.chain((r) => scenario(V4, r, { min: 24, max: 32 }, LOOPBACK_POLICY, 512)), (s) => checkPlan(s, true)),
      runs(600),
    );
  });

  it('loopback rows /20../32 with exclusions inside and outside, block sizes 1..512: sound, exclusive, complete', () => {
    const region = fc.integer({ min: 0, max: 2 ** 11 - 1 }).map((n) => ({ first: v4Value('127.0.0.0') + BigInt(n) * 8192n, size: 8192n }));
    fc.assert(
      fc.property(region.chain((r) => scenario(V4, r, { min: 20, max: 32 }, LOOPBACK_POLICY, 512)), (s) => checkPlan(s, true)),
      runs(200),
    );
  });

  it('IPv6 unique-local rows (/120../128, allowPrivate): sound, exclusive, complete', () => {
    const region = fc.bigInt({ min: 0n, max: 2n ** 100n - 1n }).map((n) => ({ first: (0xfdn << 120n) | (n << 10n), size: 1024n }));
    fc.assert(
      fc.property(region.chain((r) => scenario(V6, r, { min: 120, max: 128 }, PRIVATE_POLICY, 512)), (s) => checkPlan(s, true)),
      runs(200),
    );
  });

  it('plans nothing at all when every row excludes its whole CIDR', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.bigInt({ min: v4Value('127.0.0.0'), max: v4Value('127.255.255.255') }), fc.integer({ min: 16, max: 32 })), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 512 }), (specs, blockSize) => {
        const rows = specs.map(([v, p]) => ({ cidr: cidrText(V4, v, p), exclude: [cidrText(V4, v, Math.max(8, p - (Number(v) % 3)))] }));
        const ranges = deduplicateRanges(rows.map((r) => validateRangeRow(r, LOOPBACK_POLICY, DEFAULT_PORTS)));
        expect([...planBlocks(ranges, 'r', blockSize)]).toEqual([]);
      }),
      runs(2000),
    );
  });
});
