/**
 * Version comparison for known-vulnerability ranges. Products here use dotted numeric versions,
 * sometimes with a `v` prefix or a pre-release/post-release suffix (`0.1.32`, `v2.9.3`,
 * `1.0.0rc1`, `0.8.5.post1`, `b4567` for llama.cpp builds). Numeric parts compare as numbers; a
 * pre-release sorts before its release, a post-release after it.
 */
export function parseVersion(text: string): { parts: number[]; pre: string } | undefined {
  const m = /^[vb]?(\d+(?:\.\d+)*)(?:[-+._]?([0-9A-Za-z.-]*))?$/.exec(text.trim());
  if (!m) return undefined;
  return { parts: (m[1] as string).split('.').map(Number), pre: m[2] ?? '' };
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
  // Same numbers: a pre-release (`rc1`) sorts before the release, a post-release (`post1`,
  // PEP 440) after it.
  const rank = (pre: string): number => (pre === '' ? 0 : /^post/i.test(pre) ? 1 : -1);
  const r = rank(va.pre) - rank(vb.pre);
  if (r !== 0) return Math.sign(r);
  if (va.pre === vb.pre) return 0;
  return va.pre < vb.pre ? -1 : 1;
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
