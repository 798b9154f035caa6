import { type AlertEvent, endpointKey, SEVERITY_RANK, type Severity } from '../alerts/alert-event.js';
import { cleanText } from '../alerts/sanitize.js';
import type { CatalogEntry, Remediation } from '../fingerprint/catalog-schema.js';
import type { RunRecord } from '../ports.js';
import { DEFAULT_ROUTE } from '../routing/route-table.js';
import { type EndpointRecord, isOpenAuth, isSuppressed } from '../state/endpoint-record.js';
import { endpointSeverity } from '../state/endpoint-severity.js';
import { toExportFinding } from '../export/export-finding.js';

/** Everything the report shows, computed from state alone (so the HTML is a plain rendering). */
export interface ReportModel {
  readonly generatedAt: string;
  readonly since?: string;
  readonly figures: ReportFigures;
  readonly trend: readonly TrendPoint[];
  readonly byProduct: readonly GroupCount[];
  readonly byOwner: readonly GroupCount[];
  readonly endpoints: readonly ReportEndpoint[];
  readonly runs: readonly ReportRun[];
}

export interface ReportFigures {
  /** Endpoints open without credentials now, by severity (accepted ones included). */
  readonly openBySeverity: Readonly<Record<Severity, number>>;
  readonly openTotal: number;
  /** Of `openTotal`, the accepted (suppressed or muted) ones. */
  readonly openAccepted: number;
  /** Every known AI endpoint not gone, locked ones included. */
  readonly knownTotal: number;
  /** Exposures opened (new unauthenticated or auth regressed) in the 7 days before `generatedAt`. */
  readonly newThisWeek: number;
  /** `endpoint.fixed` in the 7 days before `generatedAt`. */
  readonly fixedThisWeek: number;
  /** Mean hours from the alert that opened an exposure to its `fixed`, over the fixes in the history; null without one. */
  readonly meanHoursToFix: number | null;
  readonly fixesMeasured: number;
}

export interface TrendPoint {
  readonly runId: string;
  readonly at: string;
  readonly unauthenticated: number;
  readonly endpoints: number;
  readonly complete: boolean;
}

export interface GroupCount {
  readonly name: string;
  readonly open: number;
  readonly total: number;
}

export interface ReportEndpoint {
  readonly key: string;
  readonly url: string;
  readonly service: string;
  readonly product: string;
  readonly auth: string;
  readonly version: string;
  readonly severity: Severity;
  readonly advisories: readonly string[];
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly status: 'open' | 'gone';
  readonly range: string;
  readonly label?: string;
  readonly owner?: string;
  readonly route: string;
  readonly accepted?: string;
  readonly lists?: string;
  readonly evidence: string;
  readonly remediation?: Remediation;
  readonly history: readonly { readonly at: string; readonly type: string; readonly severity: Severity; readonly evidence: string }[];
}

export interface ReportRun {
  readonly runId: string;
  readonly status: string;
  readonly startedAt: string;
  readonly durationSeconds: number | null;
  readonly blocksDone: number;
  readonly blocksTotal: number;
  readonly unauthenticated: number | null;
}

export interface ReportInput {
  readonly endpoints: readonly EndpointRecord[];
  readonly runs: readonly RunRecord[];
  readonly alerts: readonly AlertEvent[];
  readonly catalog: readonly CatalogEntry[];
  readonly now: Date;
  /** Only history (events, runs) from this time on; current endpoints are always all shown. */
  readonly since?: Date;
  /** Runs listed in the coverage table. */
  readonly recentRuns?: number;
}

const WEEK_MS = 7 * 86_400_000;
const OPENING = new Set(['endpoint.new_unauthenticated', 'endpoint.auth_regressed']);

export function buildReportModel(input: ReportInput): ReportModel {
  const now = input.now.toISOString();
  const since = input.since?.toISOString();
  const inWindow = (at: string): boolean => since === undefined || at >= since;
  const alerts = input.alerts.filter((a) => inWindow(a.at));
  const weekAgo = new Date(input.now.getTime() - WEEK_MS).toISOString();
  const current = input.endpoints.filter((e) => e.status === 'open');
  const open = current.filter((e) => isOpenAuth(e.auth));

  const openBySeverity: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const e of open) openBySeverity[endpointSeverity(e, input.catalog)]++;

  // Time to fix: from the alert that opened the exposure to the `fixed` that names it.
  const byId = new Map(input.alerts.map((a) => [a.id, a]));
  const fixHours: number[] = [];
  for (const a of alerts) {
    if (a.type !== 'endpoint.fixed' || !a.resolves) continue;
    const opened = byId.get(a.resolves);
    if (opened) fixHours.push((Date.parse(a.at) - Date.parse(opened.at)) / 3_600_000);
  }

  const product = (service: string): string => input.catalog.find((c) => c.service === service)?.name ?? service;
  const group = (records: readonly EndpointRecord[], name: (e: EndpointRecord) => string): GroupCount[] => {
    const groups = new Map<string, { open: number; total: number }>();
    for (const e of records) {
      const g = groups.get(name(e)) ?? { open: 0, total: 0 };
      g.total++;
      if (isOpenAuth(e.auth)) g.open++;
      groups.set(name(e), g);
    }
    return [...groups].map(([n, g]) => ({ name: n, ...g })).sort((a, b) => b.open - a.open || b.total - a.total || a.name.localeCompare(b.name));
  };

  const history = new Map<string, ReportEndpoint['history'][number][]>();
  for (const a of [...alerts].sort((x, y) => x.at.localeCompare(y.at))) {
    if (!a.endpoint) continue;
    const key = endpointKey(a.endpoint);
    history.set(key, [...(history.get(key) ?? []), { at: a.at, type: a.type, severity: a.severity, evidence: cleanText(a.evidence, 300) }]);
  }

  const endpoints: ReportEndpoint[] = input.endpoints
    .filter((e) => e.status === 'open' || inWindow(e.lastSeenAt))
    // The same per-endpoint view the exports use (product, severity, route, suppression, listing, fix).
    .map((e) => {
      const f = toExportFinding(e, { now, catalog: input.catalog });
      const held = f.suppression?.active ? f.suppression : undefined;
      const accepted = held ? `${held.by ? `by ${held.by}: ` : ''}${held.reason}${held.until ? ` (until ${held.until.slice(0, 10)})` : ''}` : f.rangeMuted ? 'range muted' : undefined;
      return {
        key: f.key,
        url: f.url,
        service: f.service,
        product: f.product,
        auth: f.auth,
        version: f.version ?? 'unknown',
        severity: f.status === 'open' ? f.severity : 'info',
        advisories: f.vulnerabilities.map((v) => `${v.id} (${v.severity})`),
        firstSeen: f.firstSeenAt,
        lastSeen: f.lastSeenAt,
        status: f.status,
        range: f.range,
        ...(f.label ? { label: f.label } : {}),
        ...(f.owner ? { owner: f.owner } : {}),
        route: f.route,
        ...(accepted ? { accepted } : {}),
        ...(f.listing && f.open ? { lists: f.listing } : {}),
        evidence: f.evidence,
        ...(f.remediation ? { remediation: f.remediation } : {}),
        history: history.get(f.key) ?? [],
      };
    })
    .sort(
      (a, b) =>
        Number(b.status === 'open') - Number(a.status === 'open') ||
        SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
        a.key.localeCompare(b.key, 'en', { numeric: true }),
    );

  const runs = input.runs.filter((r) => inWindow(r.startedAt)).sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  return {
    generatedAt: now,
    ...(since ? { since } : {}),
    figures: {
      openBySeverity,
      openTotal: open.length,
      openAccepted: open.filter((e) => isSuppressed(e, now)).length,
      knownTotal: current.length,
      newThisWeek: alerts.filter((a) => OPENING.has(a.type) && a.at >= weekAgo).length,
      fixedThisWeek: alerts.filter((a) => a.type === 'endpoint.fixed' && a.at >= weekAgo).length,
      meanHoursToFix: fixHours.length > 0 ? fixHours.reduce((s, h) => s + h, 0) / fixHours.length : null,
      fixesMeasured: fixHours.length,
    },
    trend: runs
      .filter((r) => r.tally !== undefined && r.finishedAt !== undefined)
      .map((r) => ({ runId: r.runId, at: r.finishedAt as string, unauthenticated: r.tally?.unauthenticated ?? 0, endpoints: r.tally?.endpoints ?? 0, complete: r.status === 'complete' })),
    byProduct: group(current, (e) => product(e.service)),
    byOwner: group(current, (e) => cleanText(e.owner ?? (e.route && e.route !== DEFAULT_ROUTE ? `route ${e.route}` : `range ${e.range}`), 80)),
    endpoints,
    runs: runs
      .slice(-(input.recentRuns ?? 20))
      .reverse()
      .map((r) => ({
        runId: r.runId,
        status: r.status,
        startedAt: r.startedAt,
        durationSeconds: r.finishedAt ? Math.round((Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 100) / 10 : null,
        blocksDone: r.blocksDone,
        blocksTotal: r.blocksTotal,
        unauthenticated: r.tally?.unauthenticated ?? null,
      })),
  };
}
