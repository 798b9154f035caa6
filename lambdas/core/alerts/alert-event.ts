import { createHash } from 'node:crypto';
import type { AuthState, ExposureCapability } from '../fingerprint/catalog-schema.js';
import type { InventoryItem } from '../inventory/inventory.js';

/** The alert event contract (design section 5). Slack, email and the terminal render it. */
export const ALERT_SCHEMA = 'ai-exposure-monitor/alert@1';

export type AlertType =
  | 'endpoint.new_unauthenticated'
  | 'endpoint.auth_regressed'
  | 'endpoint.new_authenticated'
  | 'endpoint.fixed'
  | 'endpoint.gone'
  | 'endpoint.version_changed'
  | 'endpoint.inventory_changed'
  | 'run.incomplete'
  | 'target.unresolved';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

export interface AlertEndpoint {
  readonly ip: string;
  readonly port: number;
  /** The DNS name it was reached by (additive field of alert@1); renderings show it first. */
  readonly host?: string;
  readonly tls: boolean;
  readonly service: string;
  readonly auth: AuthState;
  readonly version: string | null;
  readonly range: string;
  readonly label?: string;
  /** The range row's owner, when it names one. */
  readonly owner?: string;
}

/** A registered name, as a target event names it. */
export interface AlertTarget {
  readonly host: string;
  readonly label?: string;
  readonly owner?: string;
}

/** How to close the exposure, from the product's catalog entry (additive field of alert@1). */
export interface AlertRemediation {
  /** The fix in one or two sentences. */
  readonly fix: string;
  /** The flags, env vars or config keys the fix names. */
  readonly settings: readonly string[];
  /** The product's own doc for it. */
  readonly docs: string;
  /** What the open endpoint lets anyone do. */
  readonly allows: readonly ExposureCapability[];
}

/**
 * What an open endpoint lists without credentials (additive field of alert@1). On a first
 * sighting or a regression: `total` and the first `items`; on `endpoint.inventory_changed`: the
 * `added` and `removed` names (each list capped, names cleaned: still untrusted text).
 */
export interface AlertInventory {
  readonly total: number;
  readonly items?: readonly InventoryItem[];
  readonly added?: readonly InventoryItem[];
  readonly removed?: readonly InventoryItem[];
  /** Capabilities the added items bring, e.g. `run-code` for a shell tool on an MCP server. */
  readonly addsCapabilities?: readonly ExposureCapability[];
}

/** How many known advisories apply to the endpoint's version, and the worst of them. */
export interface AlertAdvisories {
  readonly count: number;
  readonly worst: { readonly id: string; readonly severity: Exclude<Severity, 'info'> };
}

export interface AlertEvent {
  readonly schema: typeof ALERT_SCHEMA;
  /** Deterministic: the same endpoint, transition and run always give the same id. */
  readonly id: string;
  readonly type: AlertType;
  readonly severity: Severity;
  readonly runId: string;
  readonly at: string;
  /** Absent for run-level events (`run.incomplete`) and target events (`target.unresolved`). */
  readonly endpoint?: AlertEndpoint;
  /** On `target.unresolved`: the host row whose name stopped resolving (additive field of alert@1). */
  readonly target?: AlertTarget;
  readonly previous?: { readonly auth: AuthState; readonly version: string | null };
  readonly evidence: string;
  /**
   * Known vulnerabilities of the endpoint's product at its version (an extension of the contract:
   * absent when none are known). Severity is raised to the worst of them.
   */
  readonly vulnerabilities?: readonly { readonly id: string; readonly severity: Exclude<Severity, 'info'> }[];
  /**
   * Those known vulnerabilities summed up: how many, and the worst (the first of `vulnerabilities`,
   * which are worst first). Present exactly when `vulnerabilities` is (an additive field of alert@1).
   */
  readonly advisories?: AlertAdvisories;
  /**
   * On `endpoint.fixed` and `endpoint.gone`: the id of the alert that reported the endpoint open
   * (its `new_unauthenticated` or `auth_regressed`). Lets an incident tool resolve the incident
   * that alert opened (PagerDuty: `dedup_key`).
   */
  readonly resolves?: string;
  /** The route the event is delivered on (see README "Routes"); absent means the default route. */
  readonly route?: string;
  /** How to close the exposure; on every endpoint event except `fixed` and `gone`. */
  readonly remediation?: AlertRemediation;
  readonly inventory?: AlertInventory;
  /** Why the event has its severity, on events above `info` ("open without credentials; raised by CVE-…"). */
  readonly severityReason?: string;
}

/**
 * The deterministic event id: a hash of the transition type, the endpoint (or run) and the run.
 * Receivers can drop repeats by id; the store uses it as the outbox key.
 */
export function alertId(type: AlertType, subject: string, runId: string): string {
  return createHash('sha256').update(`${type}|${subject}|${runId}`).digest('hex').slice(0, 32);
}

/** `203.0.113.7:11434`, `[2001:db8::7]:443`, or `chat.example.com@203.0.113.7:443` for an endpoint reached by name. */
export function endpointKey(endpoint: { ip: string; port: number; host?: string }): string {
  const address = endpoint.ip.includes(':') ? `[${endpoint.ip}]:${endpoint.port}` : `${endpoint.ip}:${endpoint.port}`;
  return endpoint.host ? `${endpoint.host}@${address}` : address;
}

/**
 * How people see an endpoint: `https://203.0.113.7:443`, or name first for one reached by name,
 * `https://chat.example.com:443 (203.0.113.7)`.
 */
export function endpointUrl(endpoint: { ip: string; port: number; host?: string; tls: boolean }): string {
  const scheme = endpoint.tls ? 'https' : 'http';
  if (!endpoint.host) return `${scheme}://${endpointKey(endpoint)}`;
  return `${scheme}://${endpoint.host}:${endpoint.port} (${endpoint.ip})`;
}
