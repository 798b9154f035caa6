import type { EndpointRecord } from '../state/endpoint-record.js';
import { type ExportContext, type ExportFinding, toExportFindings } from './export-finding.js';

/**
 * CSV (RFC 4180): a header row, then one row per endpoint; fields holding a comma, a double quote
 * or a line break are quoted, quotes doubled; rows end with CRLF.
 *
 * Values come from scanned hosts, so a cell could hold a spreadsheet formula
 * (`=HYPERLINK("http://evil","click")`): a cell starting with `=`, `+`, `-`, `@`, tab or CR gets a
 * leading apostrophe, which makes spreadsheet programs show it as text (OWASP "CSV Injection").
 */
export const CSV_COLUMNS = [
  'endpoint',
  'ip',
  'port',
  'tls',
  'service',
  'product',
  'auth',
  'version',
  'status',
  'severity',
  'route',
  'owner',
  'range',
  'label',
  'first_seen',
  'last_seen',
  'suppressed',
  'suppressed_by',
  'suppressed_reason',
  'suppressed_until',
  'vulnerabilities',
  'listing',
  'evidence',
  'fix',
  'settings',
  'docs',
] as const;

type Column = (typeof CSV_COLUMNS)[number];

/** One field: formula-guarded, then quoted when RFC 4180 requires it. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

function suppressedState(f: ExportFinding): string {
  if (f.suppressedNow) return 'yes';
  return f.suppression ? 'expired' : 'no';
}

function cells(f: ExportFinding): Record<Column, string | number | boolean> {
  return {
    endpoint: f.url,
    ip: f.ip,
    port: f.port,
    tls: f.tls,
    service: f.service,
    product: f.product,
    auth: f.auth,
    version: f.version ?? '',
    status: f.status,
    severity: f.severity,
    route: f.route,
    owner: f.owner ?? '',
    range: f.range,
    label: f.label ?? '',
    first_seen: f.firstSeenAt,
    last_seen: f.lastSeenAt,
    suppressed: suppressedState(f),
    suppressed_by: f.suppression?.by ?? '',
    suppressed_reason: f.suppression?.reason ?? (f.rangeMuted ? 'range muted' : ''),
    suppressed_until: f.suppression?.until ?? '',
    vulnerabilities: f.vulnerabilities.map((v) => `${v.id} (${v.severity})`).join('; '),
    listing: f.listing,
    evidence: f.evidence,
    fix: f.remediation?.fix ?? '',
    settings: f.remediation?.settings.join('; ') ?? '',
    docs: f.remediation?.docs ?? '',
  };
}

export function renderCsv(records: readonly EndpointRecord[], context: ExportContext): string {
  const rows = toExportFindings(records, context).map((f) => {
    const row = cells(f);
    return csvRow(CSV_COLUMNS.map((c) => row[c]));
  });
  return csvRow(CSV_COLUMNS) + rows.join('');
}
