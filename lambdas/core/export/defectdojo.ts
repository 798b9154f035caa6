import type { Severity } from '../alerts/alert-event.js';
import { allowsText } from '../alerts/describe-event.js';
import type { EndpointRecord } from '../state/endpoint-record.js';
import { AUTH_WORDS, type ExportContext, type ExportFinding, toExportFindings } from './export-finding.js';

/**
 * DefectDojo "Generic Findings Import" JSON: `{"findings": [...]}`, one finding
 * per endpoint. Field names and rules are those of DefectDojo's parser,
 * dojo/tools/generic/json_parser.py (GenericJSONParser._get_test_json), read at
 * github.com/DefectDojo/django-DefectDojo commit 7cfa159a6767b0ac6e66f3b1597a997e607e7308:
 * - required: `title`, `severity`, `description`; any key outside its allowed list fails the import;
 * - `severity` is one of Finding's SEVERITY_CHOICES: Info, Low, Medium, High, Critical;
 * - `date` is parsed with dateutil; `endpoints` entries with `://` go through Endpoint.from_uri;
 * - `cve` also becomes a vulnerability id; `vulnerability_ids` adds more;
 * - `tags` must hold no space, comma or quote (dojo/validators.py) and are stored lower-case;
 * - lengths (dojo/finding/models.py): title 511, cve 50, component_name 500,
 *   component_version 100, unique_id_from_tool and vuln_id_from_tool 500.
 * Its documentation: docs/content/supported_tools/parsers/file/generic.md in the same repository.
 * `unique_id_from_tool` is the endpoint key (`ip:port`), stable across exports, for DefectDojo's
 * unique-id de-duplication; title and description are kept stable too, for its default one.
 */
export const DEFECTDOJO_SEVERITY: Readonly<Record<Severity, 'Critical' | 'High' | 'Medium' | 'Low' | 'Info'>> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

/** The first tag of every finding. */
export const DEFECTDOJO_TAG = 'ai-exposure-monitor';

function cap(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A DefectDojo tag: lower-case, no space, comma or quote. */
export function dojoTag(text: string): string {
  return cap(text.toLowerCase().replace(/[\s,'"]+/g, '-'), 100);
}

/**
 * Kept to what identifies the finding: DefectDojo's default de-duplication for this scan type
 * hashes the title and the description (Finding.compute_hash_code_legacy), so anything that changes
 * between exports (evidence, listing, last seen) goes in `steps_to_reproduce` instead.
 */
function description(f: ExportFinding): string {
  return [`${f.product} (${f.service}) at ${f.url}: ${AUTH_WORDS[f.auth]}.`, ...(f.open && f.exposes ? [`It exposes ${f.exposes}.`] : []), `Range: ${f.range}.`].join('\n\n');
}

/** What was seen, as of this export. */
function steps(f: ExportFinding): string {
  const lines = [
    `- Endpoint: ${f.url} (${f.status}; first seen ${f.firstSeenAt}, last seen ${f.lastSeenAt})`,
    `- Evidence: ${f.evidence || 'none recorded'}`,
    ...(f.version ? [`- Version: ${f.version}`] : []),
    ...(f.listing ? [`- Lists without credentials: ${f.listing}`] : []),
    ...(f.vulnerabilities.length > 0 ? [`- Known vulnerabilities: ${f.vulnerabilities.map((v) => `${v.id} (${v.severity})${v.summary ? `: ${v.summary}` : ''}`).join('; ')}`] : []),
    `- Range: ${f.range}${f.label ? ` (${f.label})` : ''}; route ${f.route}${f.owner ? `; owner ${f.owner}` : ''}`,
  ];
  if (f.suppressedNow) {
    const s = f.suppression?.active ? f.suppression : undefined;
    lines.push(`- Suppressed: ${s ? `${s.reason}${s.by ? ` (accepted by ${s.by})` : ''}${s.until ? ` until ${s.until}` : ''}` : 'range muted'}`);
  }
  return lines.join('\n');
}

function mitigation(f: ExportFinding): string | undefined {
  const r = f.remediation;
  if (!r) return undefined;
  return [r.fix, ...(r.settings.length > 0 ? [`Settings: ${r.settings.join(', ')}`] : []), `Docs: ${r.docs}`].join('\n');
}

function impact(f: ExportFinding): string | undefined {
  const r = f.remediation;
  if (!r) return undefined;
  return `Anyone who can reach ${f.url} can ${allowsText(r.allows)}${f.exposes ? ` (it exposes ${f.exposes})` : ''}.`;
}

function references(f: ExportFinding): string | undefined {
  const refs = [...(f.remediation ? [f.remediation.docs] : []), ...f.vulnerabilities.flatMap((v) => (v.source ? [`${v.id}: ${v.source}`] : []))];
  return refs.length > 0 ? refs.join('\n') : undefined;
}

export function dojoFinding(f: ExportFinding): Record<string, unknown> {
  const cve = f.vulnerabilities.find((v) => /^CVE-\d{4}-\d+$/.test(v.id))?.id;
  const otherIds = f.vulnerabilities.map((v) => v.id).filter((id) => id !== cve);
  const title = f.open ? `${f.product} without authentication at ${f.url}` : `${f.product} at ${f.url} (${AUTH_WORDS[f.auth]})`;
  const mit = mitigation(f);
  const imp = impact(f);
  const refs = references(f);
  return {
    title: cap(title, 511),
    description: description(f),
    steps_to_reproduce: steps(f),
    severity: DEFECTDOJO_SEVERITY[f.severity],
    ...(mit ? { mitigation: mit } : {}),
    ...(imp ? { impact: imp } : {}),
    ...(refs ? { references: refs } : {}),
    date: f.firstSeenAt.slice(0, 10),
    active: f.status === 'open',
    verified: false,
    unique_id_from_tool: f.key,
    vuln_id_from_tool: f.service,
    component_name: cap(f.product, 500),
    ...(f.version ? { component_version: cap(f.version, 100) } : {}),
    endpoints: [f.url],
    ...(cve ? { cve } : {}),
    ...(otherIds.length > 0 ? { vulnerability_ids: otherIds } : {}),
    tags: [
      ...new Set(
        [DEFECTDOJO_TAG, f.service, `auth-${f.auth}`, `route-${f.route}`, f.status, ...(f.owner ? [`owner-${f.owner}`] : []), ...(f.suppressedNow ? ['suppressed'] : [])].map(dojoTag),
      ),
    ],
  };
}

export function defectDojoReport(records: readonly EndpointRecord[], context: ExportContext): { findings: Record<string, unknown>[] } {
  return { findings: toExportFindings(records, context).map(dojoFinding) };
}

export function renderDefectDojo(records: readonly EndpointRecord[], context: ExportContext): string {
  return `${JSON.stringify(defectDojoReport(records, context), null, 2)}\n`;
}
