import type { AlertEvent } from './alert-event.js';
import { EVENT_TITLES, endpointLabel } from './describe-event.js';
import { inventorySummary } from './describe-event.js';
import { cleanText } from './sanitize.js';

/**
 * Alerts as PagerDuty Events API v2 events (POST https://events.pagerduty.com/v2/enqueue).
 * See https://developer.pagerduty.com/docs/events-api-v2/overview/ and
 * https://developer.pagerduty.com/docs/events-api-v2/trigger-events/ (summary at most 1024
 * characters, dedup_key at most 255, severity one of critical/error/warning/info; a resolve
 * needs only routing_key, event_action and the dedup_key of the trigger).
 *
 * A critical event opens an incident keyed by its own id; the `endpoint.fixed`/`endpoint.gone`
 * event that names it in `resolves` closes it. Everything else is for people, not pagers.
 */

export const PAGERDUTY_CLIENT = 'ai-exposure-monitor';
const SUMMARY_LIMIT = 1024;

export interface PagerDutyTrigger {
  readonly routing_key: string;
  readonly event_action: 'trigger';
  readonly dedup_key: string;
  readonly payload: {
    readonly summary: string;
    readonly source: string;
    readonly severity: 'critical';
    readonly timestamp: string;
    readonly component?: string;
    readonly group?: string;
    readonly class: string;
    readonly custom_details: Record<string, unknown>;
  };
  readonly client: typeof PAGERDUTY_CLIENT;
}

export interface PagerDutyResolve {
  readonly routing_key: string;
  readonly event_action: 'resolve';
  readonly dedup_key: string;
}

export type PagerDutyEvent = PagerDutyTrigger | PagerDutyResolve;

/** A fixed/gone event that names the alert which reported the endpoint open. */
function resolvedAlertId(event: AlertEvent): string | undefined {
  return (event.type === 'endpoint.fixed' || event.type === 'endpoint.gone') && event.resolves ? event.resolves : undefined;
}

/**
 * Critical events that reach the floor page; a resolution always goes through, whatever the
 * floor, because it is `info` and an incident PagerDuty opened must still be closable.
 */
export function pagerDutyAccepts(event: AlertEvent, reachesFloor: boolean): boolean {
  if (event.type === 'endpoint.fixed' || event.type === 'endpoint.gone') return resolvedAlertId(event) !== undefined;
  return OPENING.has(event.type) && event.severity === 'critical' && reachesFloor;
}

/**
 * Only the events that open an exposure page: their ids are what `fixed` and `gone` later name in
 * `resolves`, so every incident this sink opens has an event that closes it. A critical
 * version change or listing change of an endpoint already open is in the other channels.
 */
const OPENING: ReadonlySet<string> = new Set(['endpoint.new_unauthenticated', 'endpoint.auth_regressed']);

/** The Events API v2 body for `event`, or undefined when PagerDuty has no use for it. */
export function renderPagerDutyEvent(event: AlertEvent, routingKey: string): PagerDutyEvent | undefined {
  const resolves = resolvedAlertId(event);
  if (resolves !== undefined) return { routing_key: routingKey, event_action: 'resolve', dedup_key: resolves };
  if (!OPENING.has(event.type) || event.severity !== 'critical') return undefined;
  const e = event.endpoint;
  const source = endpointLabel(event);
  return {
    routing_key: routingKey,
    event_action: 'trigger',
    // The event id is deterministic: a re-sent trigger (crash before it was recorded) joins the same alert.
    dedup_key: event.id,
    payload: {
      summary: cleanText(`${EVENT_TITLES[event.type]}: ${source}${e ? ` ${cleanText(e.service, 60)}` : ''}`, SUMMARY_LIMIT),
      source,
      severity: 'critical',
      timestamp: event.at,
      ...(e ? { component: cleanText(e.service, 60), group: cleanText(e.range, 60) } : {}),
      class: event.type,
      custom_details: customDetails(event),
    },
    client: PAGERDUTY_CLIENT,
  };
}

/** The event's fields for the incident page; host-supplied text cleaned and capped. */
function customDetails(event: AlertEvent): Record<string, unknown> {
  const e = event.endpoint;
  return {
    event_id: event.id,
    run_id: event.runId,
    type: event.type,
    severity: event.severity,
    ...(e
      ? {
          endpoint: endpointLabel(event),
          service: cleanText(e.service, 60),
          auth: e.auth,
          ...(event.previous ? { previous_auth: event.previous.auth, previous_version: cleanText(event.previous.version ?? 'unknown', 60) } : {}),
          version: cleanText(e.version ?? 'unknown', 60),
          range: cleanText(e.range, 60),
          ...(e.label ? { label: cleanText(e.label, 100) } : {}),
        }
      : {}),
    ...(event.advisories ? { advisories_count: event.advisories.count, worst_advisory: `${cleanText(event.advisories.worst.id, 40)} (${event.advisories.worst.severity})` } : {}),
    ...(event.vulnerabilities?.length ? { vulnerabilities: event.vulnerabilities.map((v) => `${cleanText(v.id, 40)} (${v.severity})`) } : {}),
    ...(event.route ? { route: cleanText(event.route, 60) } : {}),
    evidence: cleanText(event.evidence, 1000),
    ...(event.severityReason ? { severity_reason: cleanText(event.severityReason, 200) } : {}),
    ...(event.remediation ? { fix: cleanText(event.remediation.fix, 400), fix_settings: event.remediation.settings.map((x) => cleanText(x, 120)), fix_docs: cleanText(event.remediation.docs, 300), allows: event.remediation.allows } : {}),
    ...(event.inventory ? { lists: inventorySummary(event.inventory) } : {}),
  };
}
