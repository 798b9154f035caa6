import { describe, expect, it } from 'vitest';
import type { MonitorSettings } from '../../lambdas/core/pipeline/monitor-settings.js';
import { readMonitoredRanges } from '../../lambdas/core/pipeline/plan-cycle.js';
import { planBlocks } from '../../lambdas/core/planning/plan-blocks.js';
import { blockTargets } from '../../lambdas/core/pipeline/process-block.js';
import { formatInterval } from '../../lambdas/core/targets/cidr.js';

/**
 * Range rows as someone might leave them after editing the table by hand in the DynamoDB console
 * (values as `unmarshall` returns them: numbers, strings, lists, sets, maps, BigInt for numbers
 * beyond 2^53). Each bad row must become exactly one problem whose error names the field and the
 * value, and every good row must still be planned.
 */
const settings: MonitorSettings = {
  policy: { allowPrivate: false, maxRangePrefixV4: 16 },
  blockSize: 64,
  defaultPorts: [8000, 11434],
  goneAfterMisses: 2,
};
const store = (rows: unknown[]) => ({ listRangeRows: async () => rows });

const GOOD_ROWS: unknown[] = [
  { cidr: '127.0.10.0/24', label: 'lab', owner: 'ml-team', ports: [8000, 8080], exclude: ['127.0.10.128/25'], enabled: true, muted: false, updatedAt: '2026-01-01T00:00:00Z', createdAt: '2025-12-01T00:00:00Z' },
  // More specific than the lab row: keeps its own label and ports for its 16 addresses.
  { cidr: '127.0.10.16/28', label: 'gpu box', ports: '11434' },
  // Ports as a DynamoDB number set, exclusions as a comma string.
  { cidr: '127.0.11.0/28', ports: new Set([7860, 8188]), exclude: '127.0.11.0/30, 127.0.11.15' },
  // Whitespace around the key: a different DynamoDB key, the same range once parsed.
  { cidr: ' 127.0.12.0/30 ' },
  // Disabled rows are skipped before validation, so a broken disabled row is quiet.
  { cidr: 'not-a-range', enabled: false, ports: 'junk' },
];

/** The addresses and ports the good rows plan, as "ip:port" strings. */
const GOOD_PLAN = (() => {
  const out: string[] = [];
  const add = (from: number, to: number, prefix: string, ports: number[], skip: (n: number) => boolean = () => false) => {
    for (let n = from; n <= to; n++) if (!skip(n)) for (const p of ports) out.push(`${prefix}${n}:${p}`);
  };
  add(0, 127, '127.0.10.', [8000, 8080], (n) => n >= 16 && n <= 31);
  add(16, 31, '127.0.10.', [11434]);
  add(4, 14, '127.0.11.', [7860, 8188]);
  add(0, 3, '127.0.12.', [8000, 11434]);
  return out.sort();
})();

async function plannedTargets(rows: unknown[]): Promise<{ targets: string[]; problems: { row: string; error: string }[]; ranges: string[] }> {
  const { ranges, problems } = await readMonitoredRanges(store(rows), settings);
  const targets: string[] = [];
  for (const b of planBlocks(ranges, 'run-1', settings.blockSize)) for (const t of blockTargets(b.start, b.count, b.ports)) targets.push(`${t.host}:${t.port}`);
  return { targets: targets.sort(), problems, ranges: ranges.map((r) => `${r.cidr.text} ${r.intervals.map(formatInterval).join(' ')}`) };
}

/** [what was done by hand, the row, the field the error must name, the value it must show] */
const BAD_ROWS: [string, Record<string, unknown>, string, string][] = [
  ['ports typed as a number', { cidr: '127.0.20.0/24', ports: 8080 }, 'ports', '8080'],
  ['ports list with a junk string', { cidr: '127.0.21.0/24', ports: ['8000', 'http', '443'] }, 'ports', '"http"'],
  ['ports list with a port out of range', { cidr: '127.0.22.0/24', ports: [80, 70000] }, 'ports', '70000'],
  ['ports list with a port 0', { cidr: '127.0.22.0/25', ports: [0] }, 'ports', '0'],
  ['ports list with a number too big for JS (BigInt)', { cidr: '127.0.23.0/24', ports: [99999999999999999999n] }, 'ports', '99999999999999999999'],
  ['ports list with a fractional number', { cidr: '127.0.23.0/25', ports: [8080.5] }, 'ports', '8080.5'],
  ['ports as a map', { cidr: '127.0.24.0/24', ports: { http: 80 } }, 'ports', 'object'],
  ['ports as a boolean', { cidr: '127.0.24.0/25', ports: true }, 'ports', 'true'],
  ['ports as an empty list', { cidr: '127.0.25.0/24', ports: [] }, 'ports', 'no port'],
  ['ports range too wide', { cidr: '127.0.25.0/25', ports: '8000-9000' }, 'ports', '"8000-9000"'],
  ['ports range reversed', { cidr: '127.0.25.128/25', ports: '9000-8000' }, 'ports', '"9000-8000"'],
  ['enabled as the string "true"', { cidr: '127.0.26.0/24', enabled: 'true' }, 'enabled', '"true"'],
  ['enabled as the string "false"', { cidr: '127.0.26.0/25', enabled: 'false' }, 'enabled', '"false"'],
  ['enabled as a number', { cidr: '127.0.26.128/25', enabled: 1 }, 'enabled', 'number 1'],
  ['muted as "yes"', { cidr: '127.0.27.0/24', muted: 'yes' }, 'muted', '"yes"'],
  ['exclude as a number', { cidr: '127.0.28.0/24', exclude: 5 }, 'exclude', 'number 5'],
  ['exclude as a map', { cidr: '127.0.28.0/25', exclude: { cidr: '127.0.28.0/30' } }, 'exclude', 'object'],
  ['exclude list with a number', { cidr: '127.0.29.0/24', exclude: ['127.0.29.0/30', 42] }, 'exclude', 'number 42'],
  ['exclude list with junk', { cidr: '127.0.29.0/25', exclude: ['127.0.29.0/30', 'printer'] }, 'exclude', '"printer"'],
  ['exclude with host bits set', { cidr: '127.0.30.0/24', exclude: ['127.0.30.5/24'] }, 'exclude', '"127.0.30.5/24"'],
  ['exclude with a bad prefix', { cidr: '127.0.30.0/25', exclude: '127.0.30.0/33' }, 'exclude', '"127.0.30.0/33"'],
  ['label as a number', { cidr: '127.0.31.0/24', label: 5 }, 'label', 'number 5'],
  ['owner over 200 characters', { cidr: '127.0.31.0/25', owner: 'o'.repeat(201) }, 'owner', 'longer than 200'],
  ['an extra field (typo for ports)', { cidr: '127.0.32.0/24', port: 80 }, 'port', 'unknown field "port"'],
  ['an extra field (capitalised)', { cidr: '127.0.32.0/25', Enabled: false }, 'Enabled', 'unknown field "Enabled"'],
  ['missing cidr', { label: 'forgot the key', ports: [80] }, 'cidr', 'nothing'],
  ['cidr as a number', { cidr: 2130706432 }, 'cidr', '2130706432'],
  ['cidr as a list', { cidr: ['127.0.33.0/24'] }, 'cidr', 'a list'],
  ['the whole internet', { cidr: '0.0.0.0/0' }, 'cidr', '0.0.0.0/0'],
  ['an IPv6 /64', { cidr: '2001:4860:4860::/64' }, 'cidr', '2001:4860:4860::/64'],
  ['documentation range TEST-NET-1', { cidr: '192.0.2.0/24' }, 'cidr', '192.0.2.0/24'],
  ['documentation range TEST-NET-3', { cidr: '203.0.113.0/25' }, 'cidr', '203.0.113.0/25'],
  ['IPv6 documentation range', { cidr: '2001:db8::/120' }, 'cidr', '2001:db8::/120'],
  ['reserved class E', { cidr: '240.0.0.0/16' }, 'cidr', '240.0.0.0/16'],
  ['multicast', { cidr: '224.0.0.0/24' }, 'cidr', '224.0.0.0/24'],
  ['benchmarking', { cidr: '198.18.0.0/16' }, 'cidr', '198.18.0.0/16'],
  ['"this network"', { cidr: '0.0.0.0/16' }, 'cidr', '0.0.0.0/16'],
  ['IPv4-mapped IPv6', { cidr: '::ffff:8.8.8.8' }, 'cidr', '::ffff:808:808/128'],
  ['private range without allowPrivate', { cidr: '10.20.0.0/16' }, 'cidr', '10.20.0.0/16'],
  ['public range wider than /16', { cidr: '8.0.0.0/8' }, 'cidr', '8.0.0.0/8'],
  ['loopback mixed with other space', { cidr: '126.0.0.0/7' }, 'cidr', '126.0.0.0/7'],
  ['host bits set', { cidr: '127.0.34.1/24' }, 'cidr', '"127.0.34.1/24"'],
  ['a wildcard name', { cidr: '*.lab.example.com' }, 'cidr', '"*.lab.example.com"'],
  ['a name with a bad label', { cidr: 'lab_1.example.com' }, 'cidr', '"lab_1.example.com"'],
  ['an address range with a dash', { cidr: '127.0.35.0-127.0.35.255' }, 'cidr', '"127.0.35.0-127.0.35.255"'],
  ['an empty cidr', { cidr: '' }, 'cidr', 'empty range'],
];

describe('range rows edited by hand: each bad row is one problem naming field and value; the rest is planned', () => {
  it('the good rows alone plan exactly the expected targets, with overlaps resolved and exclusions honoured', async () => {
    const { targets, problems } = await plannedTargets(GOOD_ROWS);
    expect(problems).toEqual([]);
    expect(targets).toEqual(GOOD_PLAN);
  });

  it.each(BAD_ROWS)('%s', async (_what, row, field, value) => {
    const { targets, problems } = await plannedTargets([...GOOD_ROWS.slice(0, 2), row, ...GOOD_ROWS.slice(2)]);
    expect(problems, `problems for ${JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))}`).toHaveLength(1);
    const [problem] = problems;
    expect(problem?.error).toContain(`field "${field}"`);
    expect(problem?.error).toContain(value);
    // The problem is reported under the row's key, so the operator can find the row.
    if (typeof row.cidr === 'string' && row.cidr !== '') expect(problem?.row).toBe(row.cidr);
    expect(targets).toEqual(GOOD_PLAN);
  });

  it('all the bad rows at once: one problem each, in table order, and the good rows still planned', async () => {
    const rows = [...BAD_ROWS.map(([, row]) => row), ...GOOD_ROWS];
    const { targets, problems } = await plannedTargets(rows);
    expect(problems).toHaveLength(BAD_ROWS.length);
    problems.forEach((p, i) => {
      const [, , field, value] = BAD_ROWS[i] as (typeof BAD_ROWS)[number];
      expect(p.error).toContain(`field "${field}"`);
      expect(p.error).toContain(value);
    });
    expect(targets).toEqual(GOOD_PLAN);
  });

  it('rows that are not objects at all are problems too', async () => {
    const { targets, problems } = await plannedTargets([...GOOD_ROWS, '127.0.40.0/24', 42, null, ['127.0.41.0/24']]);
    expect(problems.map((p) => p.error)).toEqual(Array(4).fill('range row: expected an object with at least "cidr"'));
    expect(problems.map((p) => p.row)).toEqual(['"127.0.40.0/24"', '42', 'null', '["127.0.41.0/24"]']);
    expect(targets).toEqual(GOOD_PLAN);
  });

  it('overlapping and duplicate rows are not problems: each address is planned once, with one row\'s ports', async () => {
    const { targets, problems } = await plannedTargets([...GOOD_ROWS, { cidr: '127.0.10.0/25', label: 'again' }, { cidr: '127.0.11.0/28 ', exclude: ['127.0.11.0/30', '127.0.11.15'] }]);
    expect(problems).toEqual([]);
    expect(new Set(targets).size, 'a target is planned twice').toBe(targets.length);
    // A /25 inside the lab /24 is more specific: it takes over 127.0.10.0-127 with the default
    // ports, except the /28 "gpu box", more specific still.
    const lastOctet = (t: string) => Number(/^127\.0\.10\.(\d+):/.exec(t)?.[1] ?? -1);
    const taken = (n: number) => n >= 0 && n <= 127 && (n < 16 || n > 31);
    const expected = GOOD_PLAN.filter((t) => !taken(lastOctet(t)));
    for (let n = 0; n <= 127; n++) if (taken(n)) for (const p of [8000, 11434]) expected.push(`127.0.10.${n}:${p}`);
    expect(targets).toEqual(expected.sort());
  });

  it('with allowPrivate, a private row is planned and a refused one still is not', async () => {
    const { ranges, problems } = await readMonitoredRanges(store([{ cidr: '10.20.30.0/30' }, { cidr: '192.0.2.0/30' }]), { ...settings, policy: { ...settings.policy, allowPrivate: true } });
    expect(ranges.map((r) => r.cidr.text)).toEqual(['10.20.30.0/30']);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.error).toContain('192.0.2.0/30');
  });

  // Regression (found by this suite, fixed): when a row has no usable cidr, readMonitoredRanges names it with
  // JSON.stringify(row), which throws a TypeError on a BigInt (what unmarshall returns for a
  // number beyond 2^53). The TypeError escapes the catch block, so the whole read fails and no
  // range at all is planned, instead of one problem for that row.
  it('a row without cidr holding a number too large for JS is one problem, not a failed read', async () => {
    const bad = { label: 'typed by hand', ports: [99999999999999999999n] };
    const read = readMonitoredRanges(store([...GOOD_ROWS, bad]), settings);
    await expect(read, 'readMonitoredRanges rejected for { label, ports: [99999999999999999999n] }').resolves.toBeDefined();
    const { problems } = await read.catch(() => ({ problems: [] as { error: string }[] }));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.error).toContain('field "cidr"');
  });

  // Regression (found by this suite, fixed): String(value) in the error text throws for a map that has a "toString" key.
  it('a ports map with a "toString" key is one problem naming the field', async () => {
    const { problems, targets } = await plannedTargets([...GOOD_ROWS, { cidr: '127.0.42.0/24', ports: { toString: '80' } }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.error).toContain('field "ports"');
    expect(targets).toEqual(GOOD_PLAN);
  });
});
