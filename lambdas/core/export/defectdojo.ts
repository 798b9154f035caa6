import type { Severity } from '../alerts/alert-event.js';
import { allowsText } from '../alerts/describe-event.js';
import type { EndpointRecord } from '../state/endpoint-record.js';
import { AUTH_WORDS, type ExportContext, type ExportFinding, toExportFindings } from './export-finding.js';

/**
 * DefectDojo "Generic Findings Import" JSON: `{"name", "type", "findings": [...]}`, one finding
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
 * `type` names the test type DefectDojo creates: "ai-exposure-monitor Scan (Generic Findings Import)".
 * `unique_id_from_tool` is the endpoint key (`ip:port`), stable across exports, so re-imports
 * update the same finding.
 */
export const DEFECTDOJO_SEVERITY: Readonly<Record<Severity, 'Critical' | 'High' | 'Medium' | 'Low' | 'Info'>> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

export const DEFECTDOJO_TOOL_TYPE = 'ai-exposure-monitor';

function cap(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A DefectDojo tag: lower-case, no space, comma or quote. */
export function dojoTag(text: string): string {
  return cap(text.toLowerCase().replace(/[\s,'"]+/g, '-'), 100);
}

function description(f: ExportFinding): string {
  const lines = [
    `${f.product} at ${f.url}: ${AUTH_WORDS[f.auth]}.`,
    '',
    `- Endpoint: ${f.url}`,
    `- Product: ${f.product} (${f.service})${f.version ? `, version ${f.version}` : ''}`,
    `- Auth: ${f.auth}`,
    `- Status: ${f.status}, first seen ${f.firstSeenAt}, last seen ${f.lastSeenAt}`,
    `- Range: ${f.range}${f.label ? ` (${f.label})` : ''}`,
    `- Route: ${f.route}${f.owner ? `, owner ${f.owner}` : ''}`,
    `- Evidence: ${f.evidence || 'none recorded'}`,
  ];
  if (f.listing) lines.push(`- Lists without credentials: ${f.listing}`);
  if (f.vulnerabilities.length > 0) {
    lines.push(`- Known vulnerabilities: ${f.vulnerabilities.map((v) => `${v.id} (${v.severity})${v.summary ? `: ${v.summary}` : ''}`).join('; ')}`);
  }
  if (f.suppression?.active || f.rangeMuted) {
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
        [DEFECTDOJO_TOOL_TYPE, f.service, `auth-${f.auth}`, `route-${f.route}`, f.status, ...(f.owner ? [`owner-${f.owner}`] : []), ...(f.suppressedNow ? ['suppressed'] : [])].map(dojoTag),
      ),
    ],
  };
}

export function defectDojoReport(records: readonly EndpointRecord[], context: ExportContext): Record<string, unknown> {
  return {
    name: 'ai-exposure-monitor findings',
    type: DEFECTDOJO_TOOL_TYPE,
    findings: toExportFindings(records, context).map(dojoFinding),
  };
}

export function renderDefectDojo(records: readonly EndpointRecord[], context: ExportContext): string {
  return `${JSON.stringify(defectDojoReport(records, context), null, 2)}\n`;
}
