import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedVulnerabilities, handWrittenVulnerabilities, keptHandWrittenVulnerabilities, knownVulnerabilities } from '../../lambdas/core/vulnerabilities/cve-table.js';
import { GENERATED_ADVISORY_ROWS } from '../../lambdas/core/vulnerabilities/advisory-table.generated.js';
import { compareVersions, parseVersion, versionInRange } from '../../lambdas/core/vulnerabilities/version-range.js';
import {
  type AdvisoryData,
  buildAdvisoryRows,
  GENERATED_MODULE,
  githubRange,
  loadAdvisoryData,
  type OsvEvent,
  packageKey,
  rangeIntervals,
  renderAdvisoryModule,
  type TrimmedAdvisory,
} from './advisory-records.js';

const root = join(import.meta.dirname, '..', '..');
const { data, problems: loadProblems } = loadAdvisoryData(join(root, 'data', 'advisories'));
const built = buildAdvisoryRows(data);

/**
 * OSV's own reading of one range, written independently of the generator: a version is affected
 * when the last event at or below it (in version order) is `introduced`, or it equals a
 * `last_affected` version. Events of one range are in version order in GitHub's records.
 */
function osvAffects(version: string, events: readonly OsvEvent[]): boolean {
  let affected = false;
  for (const e of events) {
    if (e.introduced !== undefined && (e.introduced === '0' || (compareVersions(version, e.introduced) ?? -1) >= 0)) affected = true;
    if (e.fixed !== undefined && (compareVersions(version, e.fixed) ?? -1) >= 0) affected = false;
    if (e.last_affected !== undefined && (compareVersions(version, e.last_affected) ?? -1) > 0) affected = false;
  }
  return affected;
}

/**
 * GitHub's own reading of a `vulnerableVersionRange` (vuln-list records), written independently of
 * the generator: every comma-separated comparator holds.
 */
function githubAffects(version: string, range: string): boolean {
  return range.split(',').every((part) => {
    const m = /^\s*(<=|>=|<|>|=)\s*(\S+)\s*$/.exec(part);
    if (!m) throw new Error(`unreadable range ${range}`);
    const c = compareVersions(version, m[2] as string) ?? Number.NaN;
    return { '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0, '=': c === 0 }[m[1] as '<'];
  });
}

/** A version just below `v` (the last non-zero part minus one, later parts high) and one just above. */
function neighbours(v: string): string[] {
  const p = parseVersion(v);
  if (!p) return [];
  const parts = [...p.parts];
  const above = [...parts, 1].join('.');
  let i = parts.length - 1;
  while (i > 0 && parts[i] === 0) i--;
  if ((parts[i] as number) === 0) return [above];
  parts[i] = (parts[i] as number) - 1;
  for (let j = i + 1; j < parts.length; j++) parts[j] = 999;
  return [parts.join('.'), above];
}

/** Every recorded advisory of every product, with its ranges for all of that product's packages. */
const records: { service: string; rec: TrimmedAdvisory; ranges: { type: string; events: readonly OsvEvent[] }[]; githubRanges: string[] }[] = [];
for (const [service, product] of Object.entries(data.products)) {
  const keys = new Set(product.packages.map(packageKey));
  for (const file of data.files.filter((f) => keys.has(packageKey(f.data)))) {
    for (const rec of file.data.records) {
      const ranges = rec.affected.filter((a) => keys.has(packageKey(a.package))).flatMap((a) => a.ranges.filter((r) => r.type === 'ECOSYSTEM' || r.type === 'SEMVER'));
      const githubRanges = (rec.vulnerable ?? []).map((v) => v.range);
      const known = records.find((r) => r.service === service && r.rec.id === rec.id);
      if (known) {
        known.ranges.push(...ranges);
        known.githubRanges.push(...githubRanges);
      } else records.push({ service, rec, ranges: [...ranges], githubRanges });
    }
  }
}

describe('the generated advisory table', () => {
  it('is exactly what the generator makes from the recorded data (run npm run advisories)', () => {
    const committed = readFileSync(join(root, GENERATED_MODULE), 'utf8');
    expect(committed).toBe(renderAdvisoryModule(built));
  });

  it('has no problem in the recorded data', () => {
    expect([...loadProblems, ...built.problems]).toEqual([]);
  });

  it('imports the same rows as the generator builds', () => {
    expect(GENERATED_ADVISORY_ROWS).toEqual(built.rows);
  });

  it('names every recorded advisory of every mapped package', () => {
    const rowIds = new Set(GENERATED_ADVISORY_ROWS.map((r) => `${r[0]} ${r[1]}`));
    const skipped = new Set(built.skippedUnfixed.map((s) => s.split(' (')[0]));
    for (const { service, rec } of records) expect(rowIds.has(`${service} ${rec.id}`) || skipped.has(`${service} ${rec.id}`), `${service} ${rec.id}`).toBe(true);
  });

  it.each(records.map((r) => [`${r.service} ${r.rec.id}`, r] as const))('%s: its rows match its record at every boundary', (_name, { service, rec, ranges, githubRanges }) => {
    const rows = GENERATED_ADVISORY_ROWS.filter((r) => r[0] === service && r[1] === rec.id);
    const boundaries = [
      ...ranges.flatMap((r) => r.events.flatMap((e) => Object.values(e) as string[])),
      ...githubRanges.flatMap((r) => r.split(',').map((p) => p.replace(/^\s*(<=|>=|<|>|=)\s*/, '').trim())),
    ].filter((v) => v !== '0');
    const candidates = [...new Set([...boundaries, ...boundaries.flatMap(neighbours), '0.0.1'])];
    expect(candidates.length).toBeGreaterThan(0);
    for (const version of candidates) {
      const expected = ranges.some((r) => osvAffects(version, r.events)) || githubRanges.some((r) => githubAffects(version, r));
      const got = rows.some((r) => versionInRange(version, r[3]));
      expect(got, `${version} in ${rows.map((r) => r[3]).join(' | ')}`).toBe(expected);
    }
    // Severity is GitHub's reviewed severity, and the row names the advisory's CVE when it has one.
    const severity = { CRITICAL: 'c', HIGH: 'h', MODERATE: 'm', LOW: 'l' }[rec.database_specific.severity];
    for (const row of rows) {
      expect(row[4]).toBe(severity);
      expect(row[2]).toBe(rec.aliases.filter((a) => a.startsWith('CVE-')).sort()[0] ?? '');
    }
  });

  it('replaces a hand row by the generated row for the same advisory, and keeps the rest', () => {
    const replaced = handWrittenVulnerabilities.filter((h) => !keptHandWrittenVulnerabilities.includes(h));
    for (const h of replaced) expect(generatedVulnerabilities.some((g) => g.service === h.service && (g.id === h.id || g.ghsa === h.id)), `${h.service} ${h.id}`).toBe(true);
    expect(knownVulnerabilities.length).toBe(generatedVulnerabilities.length + keptHandWrittenVulnerabilities.length);
    const gradio = knownVulnerabilities.find((v) => v.service === 'gradio' && v.id === 'CVE-2023-51449');
    expect(gradio).toMatchObject({ ghsa: 'GHSA-6qm2-wpxq-7qh2', affected: '<4.11.0', source: 'https://github.com/advisories/GHSA-6qm2-wpxq-7qh2' });
  });
});

describe('OSV ranges to table ranges', () => {
  it('turns introduced/fixed pairs into half-open intervals, with no lower bound for 0', () => {
    expect(rangeIntervals([{ introduced: '0' }, { fixed: '1.2.0' }])).toEqual({ intervals: ['<1.2.0'], open: false });
    expect(rangeIntervals([{ introduced: '1.0.0' }, { fixed: '1.2.0' }, { introduced: '2.0.0' }, { fixed: '2.0.3' }])).toEqual({
      intervals: ['>=1.0.0 <1.2.0', '>=2.0.0 <2.0.3'],
      open: false,
    });
  });

  it('includes last_affected, and reports a range that never closes as open', () => {
    expect(rangeIntervals([{ introduced: '0' }, { last_affected: '0.13.5' }])).toEqual({ intervals: ['<=0.13.5'], open: false });
    expect(rangeIntervals([{ introduced: '3.0.0' }])).toEqual({ intervals: [], open: true });
    expect(rangeIntervals([{ introduced: '0' }, { fixed: '1.0' }, { introduced: '2.0' }])).toEqual({ intervals: ['<1.0'], open: true });
  });

  it('refuses an event it cannot read, naming it', () => {
    expect(rangeIntervals([{ fixed: '1.0' }]).bad).toContain('without introduced');
    expect(rangeIntervals([{ introduced: '0', fixed: '1.0' }]).bad).toContain('"fixed":"1.0"');
    expect(rangeIntervals([{ introduced: '0' }, { fixed: '1.0 || 2.0' }]).bad).toContain('1.0 || 2.0');
  });
});

describe('GitHub vulnerable ranges (vuln-list records) to table ranges', () => {
  it('joins the comparators, and reports a range with no upper bound as open', () => {
    expect(githubRange('>= 0.10.1, < 0.14.0')).toEqual({ range: '>=0.10.1 <0.14.0', open: false });
    expect(githubRange('< 1.35.36')).toEqual({ range: '<1.35.36', open: false });
    expect(githubRange('<= 1.28.11')).toEqual({ range: '<=1.28.11', open: false });
    expect(githubRange('= 2.0.0')).toEqual({ range: '=2.0.0', open: false });
    expect(githubRange('>= 3.0.0')).toEqual({ open: true });
  });

  it('refuses a range it cannot read, naming it', () => {
    expect(githubRange('< 1.0 || >= 2.0').bad).toContain('1.0 || >= 2.0');
    expect(githubRange('').bad).toBe('""');
  });

  it('makes one row per vulnerable range of a vuln-list record, and checks that the source names the record', () => {
    const rec = (id: string, path: string, vulnerable: TrimmedAdvisory['vulnerable']): TrimmedAdvisory => ({
      id,
      aliases: [],
      summary: 'demo',
      severity: [],
      database_specific: { severity: 'LOW' },
      affected: [],
      vulnerable,
      published: '2024-01-01T00:00:00Z',
      modified: '2024-01-01T00:00:00Z',
      source: `aquasecurity/vuln-list ghsa/pip/demo/${path}.json@${'b'.repeat(40)}`,
      fetchedAt: '2026-12-02',
    });
    const result = buildAdvisoryRows({
      products: { demo: { packages: [{ ecosystem: 'PyPI', name: 'demo' }], why: 'test' } },
      files: [
        {
          file: 'PyPI/demo.json',
          data: {
            ecosystem: 'PyPI',
            name: 'demo',
            records: [
              rec('GHSA-2222-3333-4444', 'GHSA-2222-3333-4444', [
                { range: '< 1.2.3', firstPatched: '1.2.3' },
                { range: '>= 2.0.0, < 2.0.4', firstPatched: '2.0.4' },
              ]),
              rec('GHSA-2222-3333-5555', 'GHSA-2222-3333-4444', [{ range: '< 1.0', firstPatched: '1.0' }]),
              rec('GHSA-2222-3333-6666', 'GHSA-2222-3333-6666', [{ range: '>= 3.0', firstPatched: null }]),
            ],
          },
        },
      ],
    });
    expect(result.rows).toEqual([
      ['demo', 'GHSA-2222-3333-4444', '', '<1.2.3', 'l', 'demo'],
      ['demo', 'GHSA-2222-3333-4444', '', '>=2.0.0 <2.0.4', 'l', 'demo'],
      ['demo', 'GHSA-2222-3333-5555', '', '<1.0', 'l', 'demo'],
    ]);
    expect(result.problems).toEqual([
      `PyPI/demo.json GHSA-2222-3333-5555: source "aquasecurity/vuln-list ghsa/pip/demo/GHSA-2222-3333-4444.json@${'b'.repeat(40)}" names another advisory`,
    ]);
    expect(result.skippedUnfixed).toEqual(['demo GHSA-2222-3333-6666 (no fixed version)']);
  });
});

describe('bad advisory data', () => {
  const record = (over: Partial<TrimmedAdvisory>): TrimmedAdvisory => ({
    id: 'GHSA-2222-3333-4444',
    aliases: ['CVE-2024-0001'],
    summary: 'demo advisory',
    severity: [],
    database_specific: { severity: 'HIGH' },
    affected: [{ package: { ecosystem: 'PyPI', name: 'demo' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.0.0' }] }] }],
    published: '2024-01-01T00:00:00Z',
    modified: '2024-01-01T00:00:00Z',
    source: `github/advisory-database advisories/github-reviewed/2024/01/GHSA-2222-3333-4444/GHSA-2222-3333-4444.json@${'a'.repeat(40)}`,
    fetchedAt: '2026-12-02',
    ...over,
  });
  const dataWith = (recs: TrimmedAdvisory[], products: AdvisoryData['products'] = { demo: { packages: [{ ecosystem: 'PyPI', name: 'demo' }], why: 'test' } }): AdvisoryData => ({
    products,
    files: [{ file: 'PyPI/demo.json', data: { ecosystem: 'PyPI', name: 'demo', records: recs } }],
  });

  it('leaves out a bad record, names its file, id and value, and keeps the others', () => {
    const result = buildAdvisoryRows(
      dataWith([
        record({}),
        record({ id: 'GHSA-2222-3333-5555', database_specific: { severity: 'SEVERE' } }),
        record({ id: 'GHSA-2222-3333-6666', affected: [{ package: { ecosystem: 'PyPI', name: 'demo' }, ranges: [{ type: 'ECOSYSTEM', events: [{ fixed: '2.0' }] }] }] }),
        record({ id: 'not-a-ghsa' }),
      ]),
    );
    expect(result.rows).toEqual([['demo', 'GHSA-2222-3333-4444', 'CVE-2024-0001', '<1.0.0', 'h', 'demo advisory']]);
    expect(result.problems).toEqual([
      'PyPI/demo.json GHSA-2222-3333-5555: database_specific.severity "SEVERE" is not LOW, MODERATE, HIGH or CRITICAL',
      'PyPI/demo.json GHSA-2222-3333-6666: range event {"fixed":"2.0"} without introduced is not one introduced/fixed/last_affected version',
      'PyPI/demo.json: record id "not-a-ghsa" is not a GHSA id',
    ]);
  });

  it('says which product names a package with no records, and which records no product uses', () => {
    const result = buildAdvisoryRows(dataWith([record({})], { other: { packages: [{ ecosystem: 'npm', name: 'other' }], why: 'test' } }));
    expect(result.rows).toEqual([]);
    expect(result.problems).toEqual([
      'packages.json: other names npm:other, which has no file (npm/other.json)',
      'PyPI/demo.json: package PyPI:demo is not named by any product in packages.json',
    ]);
  });

  it('counts an advisory with no fixed version as skipped, not as a row', () => {
    const result = buildAdvisoryRows(dataWith([record({ affected: [{ package: { ecosystem: 'PyPI', name: 'demo' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }] }] })]));
    expect(result.rows).toEqual([]);
    expect(result.skippedUnfixed).toEqual(['demo GHSA-2222-3333-4444 (no fixed version)']);
  });
});

describe('version comparison for advisory ranges', () => {
  it('orders PEP 440 pre-, dev- and post-releases around their release', () => {
    const ordered = ['1.0.0.dev1', '1.0.0a1', '1.0.0a2', '1.0.0b1', '1.0.0rc1', '1.0.0rc2', '1.0.0rc10', '1.0.0', '1.0.0.post1', '1.0.1'];
    for (let i = 0; i + 1 < ordered.length; i++) expect(compareVersions(ordered[i] as string, ordered[i + 1] as string), `${ordered[i]} < ${ordered[i + 1]}`).toBe(-1);
  });

  it('orders semver pre-releases by their identifiers, numbers as numbers', () => {
    expect(compareVersions('1.0.0-alpha', '1.0.0-beta')).toBe(-1);
    expect(compareVersions('1.0.0-rc.2', '1.0.0-rc.10')).toBe(-1);
    expect(compareVersions('1.0.0-rc.1', '1.0.0')).toBe(-1);
    expect(compareVersions('2.0.0-next.3', '2.0.0')).toBe(-1);
    expect(compareVersions('1.0.0+build.5', '1.0.0')).toBe(0);
  });

  it('counts a pre-release of the fixed version as affected and the release as fixed', () => {
    expect(versionInRange('4.11.0rc1', '<4.11.0')).toBe(true);
    expect(versionInRange('4.11.0-beta.2', '<4.11.0')).toBe(true);
    expect(versionInRange('4.11.0', '<4.11.0')).toBe(false);
    expect(versionInRange('4.11.0.post1', '<4.11.0')).toBe(false);
  });

  it('reads introduced 0 as every version and last_affected as inclusive', () => {
    expect(osvAffects('0.0.0', [{ introduced: '0' }, { fixed: '0.1.34' }])).toBe(true);
    expect(versionInRange('0.0.1', '<0.1.34')).toBe(true);
    expect(versionInRange('0.13.5', '<=0.13.5')).toBe(true);
    expect(versionInRange('0.13.6', '<=0.13.5')).toBe(false);
    expect(versionInRange('1.120.9', '>=0.211.0 <1.120.4')).toBe(false);
    expect(versionInRange('1.121.0', '>=1.121.0 <1.121.1')).toBe(true);
  });

  it('takes Go module versions with their v prefix', () => {
    expect(versionInRange('v0.1.33', '<0.1.34')).toBe(true);
    expect(versionInRange('0.1.34', '<v0.1.34')).toBe(false);
  });
});
