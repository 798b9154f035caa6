import type { AlertEvent } from '../alerts/alert-event.js';
import type { AuthState } from '../fingerprint/catalog-schema.js';
import type { InventorySnapshot } from '../inventory/inventory.js';
import type { DiscoveryRef } from '../discovery/discovered-target.js';

/** An accepted exposure: kept in state and in `findings`, but it alerts only when it gets worse. */
export interface Suppression {
  readonly reason: string;
  readonly at: string;
  /** Who accepted it (the operator's name, `--by`, or the OS user of the CLI). */
  readonly by?: string;
  /** ISO date after which the suppression no longer applies. */
  readonly until?: string;
}

/**
 * What the monitor remembers about one AI endpoint. Only AI endpoints are stored, so the table
 * grows with what is found, not with what is scanned.
 */
export interface EndpointRecord {
  readonly ip: string;
  readonly port: number;
  /**
   * The DNS name it was reached by (HTTP Host and TLS SNI): a host row's name, or a certificate
   * name under a registered domain. Name + address + port is then its identity; absent: by address.
   */
  readonly host?: string;
  readonly tls: boolean;
  readonly service: string;
  readonly auth: AuthState;
  readonly version: string | null;
  readonly evidence: string;
  /** Known vulnerability ids at the current version (see the CVE table). */
  readonly vulnerabilities?: readonly { readonly id: string; readonly severity: 'critical' | 'high' | 'medium' | 'low' }[];
  readonly range: string;
  readonly label?: string;
  readonly owner?: string;
  /** The route its alerts go to, as resolved from its range row when last seen. */
  readonly route?: string;
  /** What it listed without credentials when last seen open (bounded, hashed: see inventory.ts). */
  readonly inventory?: InventorySnapshot;
  /** The id of the alert that reported it open; `fixed` and `gone` carry it as `resolves`. */
  readonly openAlertId?: string;
  /** `gone` after enough complete runs without a sighting; kept so a return counts as new. */
  readonly status: 'open' | 'gone';
  readonly firstSeenAt: string;
  readonly lastSeenAt: string;
  readonly lastSeenRunId: string;
  /** Consecutive complete runs in which the endpoint's block finished but the endpoint was absent. */
  readonly missCount: number;
  readonly lastMissRunId?: string;
  readonly suppressed?: Suppression;
  /** The endpoint's range is muted (range row `muted`): it behaves as suppressed. */
  readonly rangeMuted?: boolean;
  /** The owning cloud resource (instance, load balancer, record), when its range row was discovered. */
  readonly discovered?: DiscoveryRef;
  /**
   * When its address was found to have left the cloud inventory just before it would have alerted:
   * the alert was withheld. Seen again in a later run, it is decided as new (and checked again).
   */
  readonly leftInventoryAt?: string;
  /** Optimistic-concurrency revision: every write is conditional on the revision it read. */
  readonly rev: number;
  /**
   * Events decided together with this state but not yet copied to the outbox. Writing them in
   * the same conditional update as the state makes "decide" and "record the alert" one atomic step.
   */
  readonly pendingEvents?: Readonly<Record<string, AlertEvent>>;
}

export function isSuppressed(record: Pick<EndpointRecord, 'suppressed' | 'rangeMuted'>, now: string): boolean {
  if (record.rangeMuted === true) return true;
  const s = record.suppressed;
  return s !== undefined && (s.until === undefined || s.until > now);
}

export function isOpenAuth(auth: AuthState): boolean {
  return auth === 'none' || auth === 'default-credential';
}
