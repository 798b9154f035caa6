/**
 * The recorded advisory data under `data/advisories/` and how it becomes the advisory table.
 *
 * Layout (all recorded, committed data):
 * - `data/advisories/packages.json`: which package(s) each catalog product is, kept by hand, each
 *   with the reason (why the version the product reports is that package's version);
 * - `data/advisories/<ecosystem>/<package>.json` (`/` in a name written `__`): the GitHub Advisory
 *   Database records (OSV format, `advisories/github-reviewed/...`) of that package, trimmed to the
 *   fields used here, each with its source path and commit and the date it was fetched.
 *
 * Range semantics (OSV): each `ranges[]` entry of type ECOSYSTEM or SEMVER is a list of events in
 * version order; `introduced` opens an affected interval (`0`: from the first version), `fixed`
 * closes it before that version, `last_affected` closes it at (including) that version. Every
 * closed interval becomes one row (`>=introduced <fixed`, `>=introduced <=last_affected`, the
 * lower bound left out for `0`). An interval that is never closed (no fixed release) is not a row:
 * the table covers advisories with a fixed or last-affected version; those are counted as skipped.
 * GIT ranges (commit hashes) are ignored.
 *
 * Second record kind, for advisories whose OSV file could not be read here: the same GitHub
 * advisory as exported per package by aquasecurity/vuln-list (`ghsa/<ecosystem>/<package>/<GHSA
 * id>.json`, GitHub's GraphQL `securityVulnerabilities` of that package). Its ranges are kept as
 * GitHub wrote them, `vulnerable[].range` (GitHub's `vulnerableVersionRange`, e.g. `>= 0.10.1,
 * < 0.14.0`, `< 1.35.36`, `<= 1.28.11`, `= 2.0.0`), with `affected: []`. Each range is one row,
 * its comparators joined as versionInRange wants them (`>=0.10.1 <0.14.0`); a range with no upper
 * bound (no `<`, `<=` or `=`) has no fixed version and is skipped like an open OSV interval.
 * Where aquasecurity/vuln-list's stored copy lacks a package's newer files, the same export is read
 * from bitfront-se/vuln-list-temp, a copy of vuln-list with the same layout; the source names the
 * repository actually read.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const SEVERITY_CODES = { CRITICAL: 'c', HIGH: 'h', MODERATE: 'm', LOW: 'l' } as const;
export type SeverityCode = (typeof SEVERITY_CODES)[keyof typeof SEVERITY_CODES];

export interface PackageRef {
  readonly ecosystem: string;
  readonly name: string;
}

export interface ProductPackages {
  readonly packages: readonly PackageRef[];
  /** Why this package's versions are the versions the product reports (its source or doc). */
  readonly why: string;
}

export interface OsvEvent {
  readonly introduced?: string;
  readonly fixed?: string;
  readonly last_affected?: string;
}

export interface TrimmedAdvisory {
  readonly id: string;
  readonly aliases: readonly string[];
  readonly summary: string;
  readonly severity: readonly { readonly type: string; readonly score: string }[];
  readonly database_specific: { readonly severity: string };
  readonly affected: readonly {
    readonly package: PackageRef;
    readonly ranges: readonly { readonly type: string; readonly events: readonly OsvEvent[] }[];
  }[];
  /** vuln-list records only: GitHub's vulnerable ranges of this package, as GitHub wrote them. */
  readonly vulnerable?: readonly { readonly range: string; readonly firstPatched: string | null }[];
  readonly published: string;
  readonly modified: string;
  /** `github/advisory-database <path>@<commit>` or `aquasecurity/vuln-list <path>@<commit>`: where the record was read. */
  readonly source: string;
  /** YYYY-MM-DD the record was fetched. */
  readonly fetchedAt: string;
}

export interface PackageFile {
  readonly ecosystem: string;
  readonly name: string;
  readonly records: readonly TrimmedAdvisory[];
}

/** One generated row: [service, GHSA id, CVE id or '', affected range, severity code, summary]. */
export type AdvisoryRowTuple = readonly [string, string, string, string, SeverityCode, string];

export interface AdvisoryData {
  readonly products: Readonly<Record<string, ProductPackages>>;
  /** Package files by `<ecosystem>:<name>`, with the file they came from. */
  readonly files: readonly { readonly file: string; readonly data: PackageFile }[];
}

export interface BuildResult {
  readonly rows: readonly AdvisoryRowTuple[];
  /** Problems with the data, each naming the file and value; the bad item is left out. */
  readonly problems: readonly string[];
  /** Advisories (per product) with no closed interval: no fixed or last-affected version. */
  readonly skippedUnfixed: readonly string[];
  readonly fetchedAt: readonly string[];
}

/** `<ecosystem>:<name>`; PyPI names compare normalised (PEP 503: case, and runs of -, _ and . alike). */
export const packageKey = (p: PackageRef): string => `${p.ecosystem}:${p.ecosystem === 'PyPI' ? p.name.toLowerCase().replace(/[-_.]+/g, '-') : p.name}`;
export const packageFileName = (name: string): string => `${name.replace(/\//g, '__')}.json`;

function listJson(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listJson(path));
    else if (name.endsWith('.json') && name !== 'packages.json') out.push(path);
  }
  return out;
}

/** Reads `packages.json` and every package file under `dir`; a file that does not parse is a problem. */
export function loadAdvisoryData(dir: string): { data: AdvisoryData; problems: string[] } {
  const problems: string[] = [];
  const productsDoc = JSON.parse(readFileSync(join(dir, 'packages.json'), 'utf8')) as { products: Record<string, ProductPackages> };
  const files: { file: string; data: PackageFile }[] = [];
  for (const path of listJson(dir)) {
    const file = relative(dir, path);
    try {
      files.push({ file, data: JSON.parse(readFileSync(path, 'utf8')) as PackageFile });
    } catch (err) {
      problems.push(`${file}: not JSON (${(err as Error).message})`);
    }
  }
  return { data: { products: productsDoc.products, files }, problems };
}

const VERSION = /^[0-9A-Za-z][0-9A-Za-z.+_-]*$/;

/** The closed intervals of one OSV range, in versionInRange syntax; `open` when one never closes. */
export function rangeIntervals(events: readonly OsvEvent[]): { intervals: string[]; open: boolean; bad?: string } {
  const intervals: string[] = [];
  let start: string | undefined;
  for (const e of events) {
    const keys = Object.keys(e);
    if (keys.length !== 1) return { intervals, open: false, bad: JSON.stringify(e) };
    const value = (e.introduced ?? e.fixed ?? e.last_affected) as string | undefined;
    if (typeof value !== 'string' || !VERSION.test(value)) return { intervals, open: false, bad: JSON.stringify(e) };
    if (e.introduced !== undefined) start = value;
    else {
      if (start === undefined) return { intervals, open: false, bad: `${JSON.stringify(e)} without introduced` };
      const lower = start === '0' ? '' : `>=${start} `;
      intervals.push(`${lower}${e.fixed !== undefined ? '<' : '<='}${value}`);
      start = undefined;
    }
  }
  return { intervals, open: start !== undefined };
}

const GITHUB_COMPARATOR = /^(<=|>=|<|>|=)\s*([0-9A-Za-z][0-9A-Za-z.+_-]*)$/;

/** GitHub's `vulnerableVersionRange` (`>= 1.0, < 1.2`) in versionInRange syntax (`>=1.0 <1.2`); `open` without an upper bound. */
export function githubRange(range: string): { range?: string; open: boolean; bad?: string } {
  const parts = range.split(',').map((p) => p.trim());
  const comparators: string[] = [];
  let upper = false;
  for (const part of parts) {
    const m = GITHUB_COMPARATOR.exec(part);
    if (!m) return { open: false, bad: JSON.stringify(range) };
    const op = m[1] as string;
    if (op === '<' || op === '<=' || op === '=') upper = true;
    comparators.push(`${op}${m[2]}`);
  }
  return upper ? { range: comparators.join(' '), open: false } : { open: true };
}

const OSV_SOURCE = /^github\/advisory-database advisories\/github-reviewed\/\d{4}\/\d{2}\/GHSA-[^/]+\/GHSA-[^/]+\.json@[0-9a-f]{40}$/;
const VULN_LIST_SOURCE = /^(?:aquasecurity\/vuln-list|bitfront-se\/vuln-list-temp) ghsa\/(pip|npm|go|rust|composer|maven|nuget|rubygems)\/\S+\/(GHSA-[^/]+)\.json@[0-9a-f]{40}$/;

/** One line, at most `max` characters. */
export function oneLine(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** Turns the recorded data into table rows, sorted by service, advisory id and range. */
export function buildAdvisoryRows(data: AdvisoryData): BuildResult {
  const problems: string[] = [];
  const skippedUnfixed: string[] = [];
  const fetchedAt = new Set<string>();
  const byPackage = new Map<string, { file: string; data: PackageFile }>();
  for (const f of data.files) {
    const key = packageKey(f.data);
    if (byPackage.has(key)) problems.push(`${f.file}: package ${key} is also recorded in ${byPackage.get(key)?.file}`);
    else byPackage.set(key, f);
  }
  const used = new Set<string>();
  const rows: AdvisoryRowTuple[] = [];
  // One advisory recorded under two packages of one product (Open WebUI is published to PyPI and
  // npm) gives each range once.
  const seen = new Set<string>();
  for (const service of Object.keys(data.products).sort()) {
    const product = data.products[service] as ProductPackages;
    for (const pkg of product.packages) {
      const key = packageKey(pkg);
      const f = byPackage.get(key);
      if (!f) {
        problems.push(`packages.json: ${service} names ${key}, which has no file (${pkg.ecosystem}/${packageFileName(pkg.name)})`);
        continue;
      }
      used.add(key);
      for (const rec of f.data.records) {
        const where = `${f.file} ${rec.id}`;
        if (!/^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/.test(rec.id)) {
          problems.push(`${f.file}: record id "${rec.id}" is not a GHSA id`);
          continue;
        }
        const sev = SEVERITY_CODES[rec.database_specific?.severity as keyof typeof SEVERITY_CODES];
        if (!sev) {
          problems.push(`${where}: database_specific.severity "${rec.database_specific?.severity}" is not LOW, MODERATE, HIGH or CRITICAL`);
          continue;
        }
        if (!/^\d{4}-\d{2}-\d{2}$/.test(rec.fetchedAt ?? '')) problems.push(`${where}: fetchedAt "${rec.fetchedAt}" is not a date`);
        else fetchedAt.add(rec.fetchedAt);
        const vulnList = VULN_LIST_SOURCE.exec(rec.source ?? '');
        if (!OSV_SOURCE.test(rec.source ?? '') && !vulnList) {
          problems.push(`${where}: source "${rec.source}" is not a github-reviewed path with its commit`);
        }
        if (vulnList && vulnList[2] !== rec.id) problems.push(`${where}: source "${rec.source}" names another advisory`);
        const cve = rec.aliases.filter((a) => /^CVE-\d{4}-\d{4,}$/.test(a)).sort()[0] ?? '';
        const summary = oneLine(rec.summary);
        let closed = 0;
        let open = false;
        for (const affected of rec.affected.filter((a) => packageKey(a.package) === key)) {
          for (const range of affected.ranges) {
            if (range.type !== 'ECOSYSTEM' && range.type !== 'SEMVER') continue;
            const r = rangeIntervals(range.events);
            if (r.bad) {
              problems.push(`${where}: range event ${r.bad} is not one introduced/fixed/last_affected version`);
              continue;
            }
            open ||= r.open;
            for (const affectedRange of r.intervals) {
              closed++;
              const key = `${service} ${rec.id} ${affectedRange}`;
              if (seen.has(key)) continue;
              seen.add(key);
              rows.push([service, rec.id, cve, affectedRange, sev, summary]);
            }
          }
        }
        // A vuln-list record is one package's file: its ranges are that package's.
        for (const v of vulnList ? (rec.vulnerable ?? []) : []) {
          const r = githubRange(v.range);
          if (r.bad) {
            problems.push(`${where}: vulnerable range ${r.bad} is not comparators joined by commas`);
            continue;
          }
          open ||= r.open;
          if (!r.range) continue;
          closed++;
          const key = `${service} ${rec.id} ${r.range}`;
          if (seen.has(key)) continue;
          seen.add(key);
          rows.push([service, rec.id, cve, r.range, sev, summary]);
        }
        if (closed === 0) skippedUnfixed.push(`${service} ${rec.id}${open ? ' (no fixed version)' : ' (no range for this package)'}`);
      }
    }
  }
  for (const f of data.files) {
    if (!used.has(packageKey(f.data))) problems.push(`${f.file}: package ${packageKey(f.data)} is not named by any product in packages.json`);
  }
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return { rows, problems, skippedUnfixed, fetchedAt: [...fetchedAt].sort() };
}

export const GENERATED_MODULE = 'lambdas/core/vulnerabilities/advisory-table.generated.ts';

/** The TypeScript data module: one compact array row per line. */
export function renderAdvisoryModule(result: BuildResult): string {
  const services = new Set(result.rows.map((r) => r[0]));
  const advisories = new Set(result.rows.map((r) => `${r[0]} ${r[1]}`));
  return [
    '// GENERATED FILE: do not edit. Written by `npm run advisories` (test/advisories/generate-advisory-table.ts)',
    '// from the GitHub Advisory Database records recorded under data/advisories/ (fetched',
    `// ${result.fetchedAt.join(', ') || '-'}). ${advisories.size} advisories, ${result.rows.length} rows, ${services.size} products.`,
    "import type { AdvisoryRow } from './advisory-row.js';",
    '',
    '/** [service, GHSA id, CVE id or "", affected range, severity (c/h/m/l), summary]. */',
    'export const GENERATED_ADVISORY_ROWS: readonly AdvisoryRow[] = [',
    ...result.rows.map((r) => `  ${JSON.stringify(r)},`),
    '];',
    '',
  ].join('\n');
}
