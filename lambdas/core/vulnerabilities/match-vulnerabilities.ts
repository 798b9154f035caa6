import { SEVERITY_RANK, type Severity } from '../alerts/alert-event.js';
import type { KnownVulnerability } from './known-vulnerability.js';
import { versionInRange } from './version-range.js';

/** The known vulnerabilities that apply to a product at a version; none when the version is unknown. */
export function matchVulnerabilities(
  table: readonly KnownVulnerability[],
  service: string,
  version: string | null,
): KnownVulnerability[] {
  if (version === null) return [];
  return table
    .filter((v) => v.service === service && versionInRange(version, v.affected))
    .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.id.localeCompare(b.id));
}

/** Raises a severity to the worst matching vulnerability's, never lowers it. */
export function raiseSeverity(base: Severity, vulnerabilities: readonly { readonly severity: Severity }[]): Severity {
  let result = base;
  for (const v of vulnerabilities) if (SEVERITY_RANK[v.severity] > SEVERITY_RANK[result]) result = v.severity;
  return result;
}
