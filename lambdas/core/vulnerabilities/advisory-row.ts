import type { KnownVulnerability } from './known-vulnerability.js';

/** One generated advisory row: [service, GHSA id, CVE id or '', affected range, severity code, summary]. */
export type AdvisoryRow = readonly [string, string, string, string, 'c' | 'h' | 'm' | 'l', string];

const SEVERITY = { c: 'critical', h: 'high', m: 'medium', l: 'low' } as const;

/** A generated row as a table row: named by its CVE where it has one, citing its GitHub advisory. */
export function advisoryRowToVulnerability([service, ghsa, cve, affected, severity, summary]: AdvisoryRow): KnownVulnerability {
  return {
    service,
    id: cve || ghsa,
    ghsa,
    affected,
    severity: SEVERITY[severity],
    summary,
    source: `https://github.com/advisories/${ghsa}`,
  };
}
