import type { CatalogEntry, ProbeRequest, Remediation } from './catalog-schema.js';
import { knownVulnerabilities } from '../vulnerabilities/cve-table.js';

/** What the scanner checks for one product, in words and paths: for `catalog` and the README table. */
export interface CatalogSummary {
  readonly service: string;
  readonly name: string;
  readonly category: string;
  readonly ports: readonly number[];
  readonly identifiedBy: readonly string[];
  readonly authChecks: readonly string[];
  readonly versionFrom: readonly string[];
  readonly defaultCredentials: readonly string[];
  readonly knownVulnerabilities: number;
  readonly exposes: string;
  /** How to close an open instance (rendered in every alert about one). */
  readonly remediation: Remediation;
  /** What an open instance is asked to list (`kind: GET path`), e.g. `model: GET /api/tags`. */
  readonly inventory: readonly string[];
  readonly sources: readonly string[];
  /** `recorded <versions>`, `source <release>`, or `unaudited` (see `CatalogEntry.checkedAgainst`). */
  readonly checkedAgainst: string;
}

/** How `catalog` and the README say what an entry was last checked against. */
export function checkedAgainstText(entry: CatalogEntry): string {
  return entry.checkedAgainst ? `${entry.checkedAgainst.evidence} ${entry.checkedAgainst.release}` : 'unaudited';
}

const req = (r: ProbeRequest): string => `${r.method ?? 'GET'} ${r.path}`;

export function describeCatalog(catalog: readonly CatalogEntry[]): CatalogSummary[] {
  return catalog.map((e) => ({
    service: e.service,
    name: e.name,
    category: e.category,
    ports: e.ports,
    identifiedBy: [...new Set(e.identify.map((p) => req(p.request)))],
    authChecks: [...new Set(e.auth.map((a) => `${req(a.request)} => ${a.auth}`))],
    versionFrom: [...new Set((e.version ?? []).map((v) => req(v.request)))],
    defaultCredentials: (e.defaultCredentials ?? []).map((d) => d.credential),
    knownVulnerabilities: knownVulnerabilities.filter((v) => v.service === e.service).length,
    exposes: e.exposes,
    remediation: e.remediation,
    inventory: [...(e.inventory ?? []).map((i) => `${i.kind}: ${req(i.request)}`), ...(e.inventoryProtocol === 'mcp-tools' ? ['tool: MCP tools/list'] : [])],
    sources: e.sources,
    checkedAgainst: checkedAgainstText(e),
  }));
}

/** The README's product table, generated so that it always matches the catalog. */
export function renderCatalogMarkdown(catalog: readonly CatalogEntry[]): string {
  const cell = (s: string): string => s.replace(/\|/g, '\\|');
  const rows = describeCatalog(catalog).map((s) =>
    [
      `\`${s.service}\``,
      cell(s.name),
      s.ports.join(', ') || 'any',
      cell(s.identifiedBy.join(', ')),
      cell([...new Set(s.authChecks)].join('; ')),
      cell(s.versionFrom.join(', ') || '-'),
      cell(s.defaultCredentials.join('; ') || '-'),
      String(s.knownVulnerabilities || '-'),
      cell(s.remediation.settings.map((x) => `\`${x}\``).join(', ')),
      cell(s.inventory.join(', ') || '-'),
      cell(s.checkedAgainst),
    ].join(' | '),
  );
  return [
    '| service | product | ports | identified by | auth decided by | version from | default credential checked (opt-in) | known CVEs | fix (settings; the full fix and doc in `catalog --json` and every alert) | listed when open | checked against (recorded from the running product, or its source at a release) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r} |`),
  ].join('\n');
}
