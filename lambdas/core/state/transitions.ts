import { ALERT_SCHEMA, type AlertAdvisories, type AlertEvent, type AlertInventory, type AlertType, alertId, endpointKey, SEVERITY_RANK, type Severity } from '../alerts/alert-event.js';
import { diffInventory, type InventorySnapshot, MAX_ALERT_ITEMS } from '../inventory/inventory.js';
import type { Observation } from '../probing/probe-targets.js';
import { raiseSeverity } from '../vulnerabilities/match-vulnerabilities.js';
import { type EndpointRecord, isOpenAuth, isSuppressed } from './endpoint-record.js';
import type { DiscoveryRef } from '../discovery/discovered-target.js';

export interface SightingContext {
  readonly runId: string;
  readonly at: string;
  readonly range: string;
  readonly label?: string;
  /** The range row is muted. */
  readonly muted?: boolean;
  readonly owner?: string;
  /** The route the range row resolved to at planning. */
  readonly route?: string;
  /** The owning cloud resource, when the range row was discovered. */
  readonly discovered?: DiscoveryRef;
}

export interface Transition {
  /** The record to write, or undefined when nothing changed and nothing needs writing. */
  readonly next?: EndpointRecord;
  readonly events: AlertEvent[];
}

/**
 * Decides what one sighting means, given what was known before. Pure: the store applies the
 * result with a write conditional on `previous.rev`, so two workers cannot both apply a change.
 *
 * Rules (design section 5): first sighting -> new_unauthenticated (open) or new_authenticated
 * (info); required/unknown -> none is auth_regressed; none -> required is fixed; a new version
 * is version_changed. A second sighting in the same run changes nothing (redelivered block).
 * A suppressed endpoint only alerts when it gets worse (auth_regressed).
 */
export function decideSighting(previous: EndpointRecord | undefined, obs: Observation, ctx: SightingContext): Transition {
  if (previous && previous.status === 'open' && previous.lastSeenRunId === ctx.runId) return { events: [] };

  const base: EndpointRecord = {
    ip: obs.ip,
    port: obs.port,
    ...(obs.host ? { host: obs.host } : {}),
    tls: obs.tls,
    service: obs.service,
    auth: obs.auth,
    version: obs.version,
    evidence: obs.evidence,
    ...(obs.vulnerabilities.length > 0 ? { vulnerabilities: obs.vulnerabilities } : {}),
    range: ctx.range,
    ...(ctx.label ? { label: ctx.label } : {}),
    ...(ctx.owner ? { owner: ctx.owner } : {}),
    ...(ctx.route ? { route: ctx.route } : {}),
    ...(ctx.discovered ? { discovered: ctx.discovered } : {}),
    ...inventoryToKeep(previous, obs),
    ...(previous?.openAlertId && previous.status === 'open' && isOpenAuth(obs.auth) ? { openAlertId: previous.openAlertId } : {}),
    status: 'open',
    firstSeenAt: previous?.firstSeenAt ?? ctx.at,
    lastSeenAt: ctx.at,
    lastSeenRunId: ctx.runId,
    missCount: 0,
    ...(previous?.suppressed ? { suppressed: previous.suppressed } : {}),
    ...(ctx.muted ? { rangeMuted: true } : {}),
    rev: (previous?.rev ?? 0) + 1,
  };
  // Severity rules: open is the product's open severity (high, or critical where the open API runs
  // code); a working default credential is critical; known vulnerabilities raise it to the worst.
  const vulnerable = obs.vulnerabilities;
  const openBase: Severity = obs.auth === 'default-credential' ? 'critical' : obs.openSeverity;
  const openSeverity: Severity = raiseSeverity(openBase, vulnerable);
  const openReason = withAdvisory(
    obs.auth === 'default-credential'
      ? 'a documented default credential works'
      : obs.openSeverity === 'critical'
        ? `open without credentials, and ${obs.name}'s open API runs code on the host`
        : 'open without credentials',
    openBase,
    vulnerable,
  );
  const events: AlertEvent[] = [];
  // The fix goes with events about an open endpoint: a locked one has nothing to close.
  const extras: EventExtras = { ...(obs.remediation && isOpenAuth(obs.auth) ? { remediation: obs.remediation } : {}) };
  const emit = (type: AlertType, severity: Severity, evidence: string, more: EventExtras = {}): AlertEvent => {
    const event = buildEndpointEvent(type, severity, base, previous, ctx, evidence, { ...extras, ...more });
    events.push(event);
    return event;
  };
  let record = base;
  const listing = obs.inventory && isOpenAuth(obs.auth) ? { inventory: listingForAlert(obs.inventory) } : {};

  if (!previous || previous.status === 'gone') {
    if (isOpenAuth(obs.auth)) {
      const opened = emit('endpoint.new_unauthenticated', openSeverity, obs.evidence, { ...listing, severityReason: openReason });
      record = { ...record, openAlertId: opened.id };
    } else emit('endpoint.new_authenticated', 'info', obs.evidence);
  } else {
    const wasOpen = isOpenAuth(previous.auth);
    const isOpen = isOpenAuth(obs.auth);
    if (!wasOpen && isOpen) {
      const opened = emit('endpoint.auth_regressed', openSeverity, obs.evidence, { ...listing, severityReason: openReason });
      record = { ...record, openAlertId: opened.id };
    } else if (wasOpen && obs.auth === 'required') {
      emit('endpoint.fixed', 'info', obs.evidence, { remediation: undefined, ...(previous.openAlertId ? { resolves: previous.openAlertId } : {}) });
    } else if (wasOpen && isOpen && previous.inventory && obs.inventory) {
      const change = diffInventory(previous.inventory, obs.inventory);
      if (change) {
        // Low, unless what was added brings a capability (a tool that runs code): then high.
        const severity: Severity = change.addsCapabilities.length > 0 ? 'high' : 'low';
        const names = (items: readonly { name: string }[]): string => items.slice(0, 5).map((i) => i.name).join(', ') || 'none';
        emit(
          'endpoint.inventory_changed',
          severity,
          `listing changed: ${change.added.length} added (${names(change.added)}), ${change.removed.length} removed (${names(change.removed)}); now ${obs.inventory.total}${change.addsCapabilities.length > 0 ? `; adds ${change.addsCapabilities.join(', ')}` : ''}`,
          {
            severityReason: change.addsCapabilities.length > 0 ? `an added item lets anyone ${change.addsCapabilities.join(', ')}` : 'the listing of an open endpoint changed',
            inventory: {
              total: obs.inventory.total,
              added: change.added.slice(0, MAX_ALERT_ITEMS),
              removed: change.removed.slice(0, MAX_ALERT_ITEMS),
              ...(change.addsCapabilities.length > 0 ? { addsCapabilities: change.addsCapabilities } : {}),
            },
          },
        );
      }
    }
    if (previous.version !== null && obs.version !== null && previous.version !== obs.version) {
      const known = vulnerable.length > 0 ? `; known vulnerabilities: ${vulnerable.map((v) => v.id).join(', ')}` : '';
      emit('endpoint.version_changed', raiseSeverity('low', vulnerable), `version ${previous.version} -> ${obs.version}${known}`, {
        severityReason: withAdvisory('a version change', 'low', vulnerable),
      });
    }
  }

  // An accepted exposure stays quiet unless it got worse: lost its auth, or started serving
  // something that runs code. A muted range is checked on the new record too: a first sighting
  // there is quiet as well.
  const suppressed = (previous !== undefined && isSuppressed(previous, ctx.at)) || ctx.muted === true;
  const worse = (e: AlertEvent): boolean => e.type === 'endpoint.auth_regressed' || (e.type === 'endpoint.inventory_changed' && (e.inventory?.addsCapabilities?.length ?? 0) > 0);
  const kept = suppressed ? events.filter(worse) : events;
  return { next: kept.length > 0 ? { ...record, pendingEvents: indexEvents(kept) } : record, events: kept };
}

/**
 * The listing to keep: this sighting's when it read one; the last one while the endpoint stays
 * open but this read failed (a flaky read must not look like "everything removed"); none once
 * the endpoint is locked (what a locked endpoint lists is nobody's business).
 */
function inventoryToKeep(previous: EndpointRecord | undefined, obs: Observation): { inventory?: InventorySnapshot } {
  if (!isOpenAuth(obs.auth)) return {};
  if (obs.inventory) return { inventory: obs.inventory };
  return previous?.inventory && previous.status === 'open' && isOpenAuth(previous.auth) ? { inventory: previous.inventory } : {};
}

function listingForAlert(snapshot: InventorySnapshot): AlertInventory {
  return { total: snapshot.total, items: snapshot.items.slice(0, MAX_ALERT_ITEMS) };
}

export interface MissContext {
  readonly runId: string;
  readonly at: string;
  /** Complete runs without a sighting before the endpoint counts as gone. */
  readonly goneAfterMisses: number;
}

/**
 * Decides what a miss means: the endpoint's block finished in this run, and the endpoint was not
 * there. It becomes `gone` only after `goneAfterMisses` such runs in a row, so a flapping service
 * does not produce a gone/new pair every cycle.
 */
export function decideMiss(previous: EndpointRecord, ctx: MissContext): Transition {
  if (previous.status !== 'open' || previous.lastSeenRunId === ctx.runId || previous.lastMissRunId === ctx.runId) {
    return { events: [] };
  }
  const missCount = previous.missCount + 1;
  const base: EndpointRecord = {
    ...withoutPending(previous),
    missCount,
    lastMissRunId: ctx.runId,
    rev: previous.rev + 1,
  };
  if (missCount < ctx.goneAfterMisses) return { next: base, events: [] };
  const gone: EndpointRecord = { ...base, status: 'gone' };
  const event = buildEndpointEvent(
    'endpoint.gone',
    'info',
    gone,
    previous,
    ctx,
    `not seen in ${missCount} complete run${missCount === 1 ? '' : 's'} (last seen ${previous.lastSeenAt})`,
    previous.openAlertId ? { resolves: previous.openAlertId } : {},
  );
  if (isSuppressed(previous, ctx.at)) return { next: gone, events: [] };
  return { next: { ...gone, pendingEvents: indexEvents([event]) }, events: [event] };
}

export function buildRunIncompleteEvent(runId: string, at: string, evidence: string): AlertEvent {
  return {
    schema: ALERT_SCHEMA,
    id: alertId('run.incomplete', 'run', runId),
    type: 'run.incomplete',
    severity: 'medium',
    severityReason: 'part of the registered ranges was not scanned in this run',
    runId,
    at,
    evidence,
  };
}

type EventExtras = Partial<Pick<AlertEvent, 'remediation' | 'inventory' | 'resolves' | 'severityReason'>>;

/** "<reason>; raised by CVE-… (critical)" when an advisory raised the severity above `base`. */
function withAdvisory(reason: string, base: Severity, vulnerabilities: Observation['vulnerabilities']): string {
  const worst = [...vulnerabilities].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity])[0];
  return worst && SEVERITY_RANK[worst.severity] > SEVERITY_RANK[base] ? `${reason}; raised by ${worst.id} (${worst.severity})` : reason;
}

/** The count and the worst of an endpoint's known vulnerabilities (worst first; ties by id). */
export function advisoriesSummary(vulnerabilities: NonNullable<EndpointRecord['vulnerabilities']>): AlertAdvisories {
  const [first, ...rest] = vulnerabilities;
  if (!first) throw new Error('advisoriesSummary: no vulnerabilities');
  const worst = rest.reduce((w, v) => (SEVERITY_RANK[v.severity] > SEVERITY_RANK[w.severity] || (v.severity === w.severity && v.id < w.id) ? v : w), first);
  return { count: vulnerabilities.length, worst: { id: worst.id, severity: worst.severity } };
}

function buildEndpointEvent(
  type: AlertType,
  severity: Severity,
  record: EndpointRecord,
  previous: EndpointRecord | undefined,
  ctx: { runId: string; at: string },
  evidence: string,
  extras: EventExtras = {},
): AlertEvent {
  return {
    schema: ALERT_SCHEMA,
    id: alertId(type, endpointKey(record), ctx.runId),
    type,
    severity,
    runId: ctx.runId,
    at: ctx.at,
    endpoint: {
      ip: record.ip,
      port: record.port,
      ...(record.host ? { host: record.host } : {}),
      tls: record.tls,
      service: record.service,
      auth: record.auth,
      version: record.version,
      range: record.range,
      ...(record.label ? { label: record.label } : {}),
      ...(record.owner ? { owner: record.owner } : {}),
    },
    ...(previous && previous.status === 'open' ? { previous: { auth: previous.auth, version: previous.version } } : {}),
    evidence,
    ...(record.vulnerabilities && record.vulnerabilities.length > 0 && type !== 'endpoint.gone'
      ? { vulnerabilities: record.vulnerabilities, advisories: advisoriesSummary(record.vulnerabilities) }
      : {}),
    ...(record.route ? { route: record.route } : {}),
    ...(extras.remediation && type !== 'endpoint.fixed' && type !== 'endpoint.gone' ? { remediation: extras.remediation } : {}),
    ...(extras.inventory ? { inventory: extras.inventory } : {}),
    ...(extras.resolves ? { resolves: extras.resolves } : {}),
    ...(extras.severityReason ? { severityReason: extras.severityReason } : {}),
  };
}

function indexEvents(events: readonly AlertEvent[]): Record<string, AlertEvent> {
  return Object.fromEntries(events.map((e) => [e.id, e]));
}

function withoutPending(record: EndpointRecord): EndpointRecord {
  const { pendingEvents: _pending, ...rest } = record;
  return rest;
}
