import { createHash } from 'node:crypto';
import type { AuthState } from '../fingerprint/catalog-schema.js';

/** The alert event contract (design section 5). Slack, email and the terminal render it. */
export const ALERT_SCHEMA = 'ai-exposure-monitor/alert@1';

export type AlertType =
  | 'endpoint.new_unauthenticated'
  | 'endpoint.auth_regressed'
  | 'endpoint.new_authenticated'
  | 'endpoint.fixed'
  | 'endpoint.gone'
  | 'endpoint.version_changed'
  | 'run.incomplete';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

export interface AlertEndpoint {
  readonly ip: string;
  readonly port: number;
  readonly tls: boolean;
  readonly service: string;
  readonly auth: AuthState;
  readonly version: string | null;
  readonly range: string;
  readonly label?: string;
}

export interface AlertEvent {
  readonly schema: typeof ALERT_SCHEMA;
  /** Deterministic: the same endpoint, transition and run always give the same id. */
  readonly id: string;
  readonly type: AlertType;
  readonly severity: Severity;
  readonly runId: string;
  readonly at: string;
  /** Absent for run-level events (`run.incomplete`). */
  readonly endpoint?: AlertEndpoint;
  readonly previous?: { readonly auth: AuthState; readonly version: string | null };
  readonly evidence: string;
  /**
   * Known vulnerabilities of the endpoint's product at its version (an extension of the contract:
   * absent when none are known). Severity is raised to the worst of them.
   */
  readonly vulnerabilities?: readonly { readonly id: string; readonly severity: Exclude<Severity, 'info'> }[];
  /**
   * On `endpoint.fixed` and `endpoint.gone`: the id of the alert that reported the endpoint open
   * (its `new_unauthenticated` or `auth_regressed`). Lets an incident tool resolve the incident
   * that alert opened (PagerDuty: `dedup_key`).
   */
  readonly resolves?: string;
}

/**
 * The deterministic event id: a hash of the transition type, the endpoint (or run) and the run.
 * Receivers can drop repeats by id; the store uses it as the outbox key.
 */
export function alertId(type: AlertType, subject: string, runId: string): string {
  return createHash('sha256').update(`${type}|${subject}|${runId}`).digest('hex').slice(0, 32);
}

export function endpointKey(endpoint: { ip: string; port: number }): string {
  return endpoint.ip.includes(':') ? `[${endpoint.ip}]:${endpoint.port}` : `${endpoint.ip}:${endpoint.port}`;
}
