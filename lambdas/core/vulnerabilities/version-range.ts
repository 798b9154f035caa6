/**
 * Version comparison for known-vulnerability ranges. Products here use dotted numeric versions,
 * sometimes with a `v` prefix or a pre-release/post-release suffix (`0.1.32`, `v2.9.3`,
 * `1.0.0rc1`, `0.8.5.post1`, `1.0.0-beta.2`, `b4567` for llama.cpp builds). Numeric parts compare
 * as numbers (missing parts are zero: `1.2` = `1.2.0`).
 *
 * Suffixes follow PEP 440 and semver closely enough for the advisories of these products:
 * - a post-release (`post1`, `.post0`, `-post2`) sorts after its release;
 * - every other suffix is a pre-release and sorts before its release. Pre-releases order
 *   `dev` < `a`/`alpha` < `b`/`beta` < `rc`/`c`/`pre`/`preview` (PEP 440), and by their number
 *   within a kind (`rc2` < `rc10`); suffixes of no known kind (`-next.3`, Go pseudo-versions)
 *   sort after the known kinds, among themselves part by part (numbers as numbers);
 * - build metadata after `+` (semver) and a local version after `+` (PEP 440) is ignored.
 *
 * Not modelled (no advisory of these products needs them): PEP 440 epochs (`1!2.0`), a dev
 * release of a pre-release (`1.0rc1.dev1`, ordered as `rc1`), and post-releases of pre-releases.
 */
export function parseVersion(text: string): { parts: number[]; pre: string } | undefined {
  const m = /^[vb]?(\d+(?:\.\d+)*)(?:[-._]?([0-9A-Za-z.-]*))?(?:\+[0-9A-Za-z.-]*)?$/.exec(text.trim());
  if (!m) return undefined;
  return { parts: (m[1] as string).split('.').map(Number), pre: m[2] ?? '' };
}

/** Release = 0; post-release = 1; pre-releases below 0, by kind. */
function suffixRank(pre: string): { rank: number; rest: string } {
  if (pre === '') return { rank: 0, rest: '' };
  const m = /^(dev|alpha|a|beta|b|rc|c|pre|preview|post)[-._]?(.*)$/i.exec(pre);
  if (!m) return { rank: -1, rest: pre };
  const kind = (m[1] as string).toLowerCase();
  const rank = kind === 'post' ? 1 : kind === 'dev' ? -5 : kind === 'a' || kind === 'alpha' ? -4 : kind === 'b' || kind === 'beta' ? -3 : -2;
  return { rank, rest: m[2] ?? '' };
}

/** Dot/dash separated identifiers: numbers as numbers (and below words), words by code unit. */
function compareIdentifiers(a: string, b: string): number {
  const pa = a.split(/[.-]/).filter((p) => p !== '');
  const pb = b.split(/[.-]/).filter((p) => p !== '');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) {
      const d = Number(x) - Number(y);
      if (d !== 0) return Math.sign(d);
    } else if (nx !== ny) return nx ? -1 : 1;
    else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export function compareVersions(a: string, b: string): number | undefined {
  const va = parseVersion(a);
  const vb = parseVersion(b);
  if (!va || !vb) return undefined;
  const n = Math.max(va.parts.length, vb.parts.length);
  for (let i = 0; i < n; i++) {
    const d = (va.parts[i] ?? 0) - (vb.parts[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  const sa = suffixRank(va.pre);
  const sb = suffixRank(vb.pre);
  if (sa.rank !== sb.rank) return Math.sign(sa.rank - sb.rank);
  return compareIdentifiers(sa.rest, sb.rest);
}

/**
 * Whether `version` lies in `range`: space-separated comparators that must all hold, e.g.
 * `<0.1.34`, `>=2.0.0 <2.3.1`, `<=1.4.2`. An unparseable version matches nothing.
 */
export function versionInRange(version: string, range: string): boolean {
  const comparators = range.trim().split(/\s+/);
  return comparators.every((c) => {
    const m = /^(<=|>=|<|>|=)?(.+)$/.exec(c);
    if (!m) return false;
    const cmp = compareVersions(version, m[2] as string);
    if (cmp === undefined) return false;
    switch (m[1]) {
      case '<':
        return cmp < 0;
      case '<=':
        return cmp <= 0;
      case '>':
        return cmp > 0;
      case '>=':
        return cmp >= 0;
      default:
        return cmp === 0;
    }
  });
}
