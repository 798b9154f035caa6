import type { Severity } from '../alerts/alert-event.js';
import { allowsText } from '../alerts/describe-event.js';
import { catalog } from '../fingerprint/catalog/index.js';
import type { EndpointRecord } from '../state/endpoint-record.js';
import { AUTH_WORDS, type ExportContext, type ExportFinding, toExportFindings } from './export-finding.js';

/**
 * SARIF 2.1.0 (OASIS, https://docs.oasis-open.org/sarif/sarif/v2.1.0/): one run of the tool
 * `ai-exposure-monitor`, one rule per product found (rule id = catalog service id), one result per
 * endpoint. The endpoint is the result's location: `physicalLocation.artifactLocation.uri` is its
 * URL (`http://1.2.3.4:11434`) and a logical location of kind `resource` names its `ip:port` key.
 * `partialFingerprints["endpoint/v1"]` is that key, so a consumer sees the same endpoint across
 * exports as one result. An endpoint suppressed now carries an accepted external suppression.
 * test/export/sarif.test.ts validates the output against the OASIS schema.
 */
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const SARIF_TOOL_NAME = 'ai-exposure-monitor';
export const SARIF_FINGERPRINT = 'endpoint/v1';

export type SarifLevel = 'error' | 'warning' | 'note';

export function sarifLevel(severity: Severity): SarifLevel {
  if (severity === 'critical' || severity === 'high') return 'error';
  if (severity === 'medium' || severity === 'low') return 'warning';
  return 'note';
}

/**
 * `security-severity` on a rule is the number GitHub code scanning ranks results by (over 9.0
 * critical, 7.0 to 8.9 high): the product's severity when open.
 */
const SECURITY_SEVERITY: Readonly<Record<'critical' | 'high', string>> = { critical: '9.5', high: '8.0' };

function rule(service: string, findings: readonly ExportFinding[], context: ExportContext): Record<string, unknown> {
  const entry = (context.catalog ?? catalog).find((c) => c.service === service);
  const product = findings[0]?.product ?? service;
  if (!entry) return { id: service, shortDescription: { text: product } };
  const r = entry.remediation;
  const openSeverity = entry.openSeverity ?? 'high';
  return {
    id: service,
    shortDescription: { text: product },
    fullDescription: {
      text: `${entry.name} reachable without authentication. It exposes ${entry.exposes}; anyone who can reach it can ${allowsText(r.allows)}.`,
    },
    help: { text: `${r.fix}${r.settings.length > 0 ? ` Settings: ${r.settings.join(', ')}.` : ''} Docs: ${r.docs}` },
    helpUri: r.docs,
    defaultConfiguration: { level: sarifLevel(openSeverity) },
    properties: {
      tags: ['security', 'ai-exposure', entry.category],
      'security-severity': SECURITY_SEVERITY[openSeverity],
    },
  };
}

function message(f: ExportFinding): string {
  const parts = [`${f.product} at ${f.url}: ${AUTH_WORDS[f.auth]}${f.version ? `, version ${f.version}` : ''}.`];
  if (f.status === 'gone') parts.push(`Not seen since ${f.lastSeenAt} (gone).`);
  parts.push(`Evidence: ${f.evidence || 'none recorded'}.`);
  if (f.listing) parts.push(`Lists without credentials: ${f.listing}.`);
  if (f.vulnerabilities.length > 0) parts.push(`Known vulnerabilities: ${f.vulnerabilities.map((v) => `${v.id} (${v.severity})`).join(', ')}.`);
  if (f.remediation) parts.push(`Fix: ${f.remediation.fix}`);
  return parts.join(' ');
}

function result(f: ExportFinding, ruleIndex: number): Record<string, unknown> {
  const justification = f.suppression?.active
    ? `${f.suppression.reason}${f.suppression.by ? ` (accepted by ${f.suppression.by})` : ''}${f.suppression.until ? ` until ${f.suppression.until}` : ''}`
    : 'range muted';
  return {
    ruleId: f.service,
    ruleIndex,
    level: sarifLevel(f.severity),
    message: { text: message(f) },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: f.url } },
        logicalLocations: [{ name: f.key, fullyQualifiedName: f.url, kind: 'resource' }],
      },
    ],
    partialFingerprints: { [SARIF_FINGERPRINT]: f.key },
    ...(f.suppressedNow ? { suppressions: [{ kind: 'external', status: 'accepted', justification }] } : {}),
    properties: {
      severity: f.severity,
      status: f.status,
      auth: f.auth,
      route: f.route,
      ...(f.owner ? { owner: f.owner } : {}),
      range: f.range,
      ...(f.label ? { label: f.label } : {}),
      ...(f.version ? { version: f.version } : {}),
      firstSeen: f.firstSeenAt,
      lastSeen: f.lastSeenAt,
      ...(f.vulnerabilities.length > 0 ? { vulnerabilities: f.vulnerabilities.map((v) => v.id) } : {}),
    },
  };
}

/** The SARIF log as an object (what `renderSarif` serialises). */
export function sarifLog(records: readonly EndpointRecord[], context: ExportContext): Record<string, unknown> {
  const findings = toExportFindings(records, context);
  const services = [...new Set(findings.map((f) => f.service))].sort();
  const ruleIndex = new Map(services.map((s, i) => [s, i]));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: SARIF_TOOL_NAME,
            rules: services.map((s) => rule(s, findings.filter((f) => f.service === s), context)),
          },
        },
        results: findings.map((f) => result(f, ruleIndex.get(f.service) ?? 0)),
      },
    ],
  };
}

export function renderSarif(records: readonly EndpointRecord[], context: ExportContext): string {
  return `${JSON.stringify(sarifLog(records, context), null, 2)}\n`;
}
