import { endpointKey, type Severity } from '../alerts/alert-event.js';
import { describeDiscoveryRef } from '../discovery/discovered-target.js';
import { inventorySummary } from '../alerts/describe-event.js';
import { cleanText } from '../alerts/sanitize.js';
import { catalog } from '../fingerprint/catalog/index.js';
import type { AuthState, CatalogEntry, Remediation } from '../fingerprint/catalog-schema.js';
import { DEFAULT_ROUTE } from '../routing/route-table.js';
import { type EndpointRecord, isOpenAuth, isSuppressed } from '../state/endpoint-record.js';
import { knownVulnerabilities } from '../vulnerabilities/cve-table.js';
import type { KnownVulnerability } from '../vulnerabilities/known-vulnerability.js';
import { endpointSeverity } from '../state/endpoint-severity.js';

/**
 * One endpoint as every export format sees it: the stored record plus what the catalog says about
 * its product (name, fix, what an open instance allows) and the severity the alert rules give it.
 * Text that came from the scanned host (version, evidence, listing names) and operator text
 * (label, owner, suppression reason) is passed through `cleanText`; each format still applies its
 * own escaping.
 */
export interface ExportFinding {
  /** `ip:port` (`[v6]:port`, `name@ip:port` when reached by name): the endpoint's identity, stable across runs. */
  readonly key: string;
  /** `http://1.2.3.4:11434` (`https://` when it answered over TLS; the name instead of the address when reached by name). */
  readonly url: string;
  /** The DNS name it was reached by, when it was. */
  readonly host?: string;
  readonly ip: string;
  readonly port: number;
  readonly tls: boolean;
  /** Catalog service id. */
  readonly service: string;
  /** Product name from the catalog (the service id for a product the catalog no longer has). */
  readonly product: string;
  readonly auth: AuthState;
  /** Anyone can use it: auth `none`, or a documented default credential works. */
  readonly open: boolean;
  readonly version: string | null;
  readonly status: 'open' | 'gone';
  readonly severity: Severity;
  readonly route: string;
  readonly owner?: string;
  readonly range: string;
  readonly label?: string;
  /** The owning cloud resource of a discovered row ("aws:ec2-instance i-0abc (111122223333 eu-west-1)"). */
  readonly resource?: string;
  /** When its address was found to have left the cloud inventory, and its alert was withheld. */
  readonly leftInventoryAt?: string;
  readonly firstSeenAt: string;
  readonly lastSeenAt: string;
  /** Suppressed right now (an unexpired suppression, or a muted range). */
  readonly suppressedNow: boolean;
  /** The stored suppression, expired or not (`active`: it still holds). */
  readonly suppression?: { readonly reason: string; readonly by?: string; readonly until?: string; readonly at: string; readonly active: boolean };
  readonly rangeMuted: boolean;
  /** Known vulnerabilities at its version, worst first, with the advisory each was read from. */
  readonly vulnerabilities: readonly { readonly id: string; readonly severity: Exclude<Severity, 'info'>; readonly source?: string; readonly summary?: string }[];
  /** "3 models: a, b, c" (what it listed without credentials when last seen open), or ''. */
  readonly listing: string;
  readonly evidence: string;
  /** How to close it; only for an open endpoint (a locked one has nothing to close). */
  readonly remediation?: Remediation;
  /** What the product exposes when open ("model list and inference"). */
  readonly exposes?: string;
}

export interface ExportContext {
  /** ISO time the export is made: decides whether a suppression still holds. */
  readonly now: string;
  /** The catalog to read product names and fixes from (default: the built-in catalog). */
  readonly catalog?: readonly CatalogEntry[];
  /** The CVE table to read advisory links from (default: the built-in table). */
  readonly vulnerabilities?: readonly KnownVulnerability[];
}

/** A URL that reaches the endpoint: by its name when it was reached by name. */
function findingUrl(e: { ip: string; port: number; host?: string; tls: boolean }): string {
  return e.host ? `${e.tls ? 'https' : 'http'}://${e.host}:${e.port}` : `${e.tls ? 'https' : 'http'}://${endpointKey(e)}`;
}

export function toExportFinding(record: EndpointRecord, context: ExportContext): ExportFinding {
  const entries = context.catalog ?? catalog;
  const table = context.vulnerabilities ?? knownVulnerabilities;
  const entry = entries.find((c) => c.service === record.service);
  const open = isOpenAuth(record.auth);
  const s = record.suppressed;
  return {
    key: endpointKey(record),
    url: findingUrl(record),
    ...(record.host ? { host: record.host } : {}),
    ip: record.ip,
    port: record.port,
    tls: record.tls,
    service: record.service,
    product: entry?.name ?? record.service,
    auth: record.auth,
    open,
    version: record.version === null ? null : cleanText(record.version, 100),
    status: record.status,
    severity: endpointSeverity(record, entries),
    route: record.route ?? DEFAULT_ROUTE,
    ...(record.owner ? { owner: cleanText(record.owner, 200) } : {}),
    range: record.range,
    ...(record.label ? { label: cleanText(record.label, 200) } : {}),
    ...(record.discovered ? { resource: cleanText(describeDiscoveryRef(record.discovered), 300) } : {}),
    ...(record.leftInventoryAt ? { leftInventoryAt: record.leftInventoryAt } : {}),
    firstSeenAt: record.firstSeenAt,
    lastSeenAt: record.lastSeenAt,
    suppressedNow: isSuppressed(record, context.now),
    ...(s
      ? {
          suppression: {
            reason: cleanText(s.reason, 500),
            ...(s.by ? { by: cleanText(s.by, 100) } : {}),
            ...(s.until ? { until: s.until } : {}),
            at: s.at,
            active: isSuppressed({ suppressed: s }, context.now),
          },
        }
      : {}),
    rangeMuted: record.rangeMuted === true,
    vulnerabilities: (record.vulnerabilities ?? []).map((v) => {
      const known = table.find((k) => k.id === v.id && k.service === record.service);
      return { id: cleanText(v.id, 60), severity: v.severity, ...(known ? { source: known.source, summary: known.summary } : {}) };
    }),
    listing: record.inventory ? cleanText(inventorySummary(record.inventory, 10), 1000) : '',
    evidence: cleanText(record.evidence, 1000),
    ...(open && entry ? { remediation: entry.remediation } : {}),
    ...(entry ? { exposes: entry.exposes } : {}),
  };
}

export function toExportFindings(records: readonly EndpointRecord[], context: ExportContext): ExportFinding[] {
  return records.map((r) => toExportFinding(r, context));
}

/** "no authentication" / "documented default credential accepted" / ...: the auth state in words. */
export const AUTH_WORDS: Readonly<Record<AuthState, string>> = {
  none: 'no authentication',
  'default-credential': 'documented default credential accepted',
  required: 'authentication required',
  unknown: 'authentication not determined',
};
