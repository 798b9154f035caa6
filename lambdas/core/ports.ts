import type { AlertEvent, Severity } from './alerts/alert-event.js';
import type { DigestContext } from './alerts/render-digest.js';
import type { BlockMessage } from './planning/block-message.js';
import type { EndpointRecord, Suppression } from './state/endpoint-record.js';
import type { PlannedRange } from './planning/planned-range.js';
import type { RangeRow } from './targets/range-row.js';

/**
 * The interfaces the core needs from the outside world. The DynamoDB adapter implements the
 * stores (on AWS, and locally on dynalite); queues and sinks have AWS and local implementations.
 */

/** The monitored-range table. Rows come back raw: they may have been edited by hand. */
export interface RangeRegistry {
  listRangeRows(): Promise<unknown[]>;
  /**
   * `discoveredOnly` (discovery's writes): never replaces a manual row (one without `source`),
   * even one an operator added after discovery read the table; returns false when it would have.
   */
  putRangeRow(row: RangeRow, options?: { readonly discoveredOnly?: boolean }): Promise<void | boolean>;
  /** Returns false when no such row existed (or, with `discoveredOnly`, when it is a manual row). */
  deleteRangeRow(cidr: string, options?: { readonly discoveredOnly?: boolean }): Promise<boolean>;
}

export type RunStatus = 'running' | 'finalizing' | 'complete' | 'incomplete';

export interface RunRecord {
  readonly runId: string;
  readonly startedAt: string;
  readonly status: RunStatus;
  /** The ranges as planned: finalize re-plans from them to know which addresses a block covered. */
  readonly ranges: readonly PlannedRange[];
  readonly blockSize: number;
  readonly blocksTotal: number;
  readonly blocksDone: number;
  readonly finishedAt?: string;
  /** Counted when the run closed: the report's trend line. */
  readonly tally?: RunTally;
  /** Host rows whose name gave no address in this run: the next run reports only names newly so. */
  readonly unresolvedHosts?: readonly string[];
}

/** What was known when a run closed. */
export interface RunTally {
  /** Endpoints open without credentials (auth `none` or `default-credential`), not gone. */
  readonly unauthenticated: number;
  /** Every AI endpoint not gone. */
  readonly endpoints: number;
}

export interface RunStore {
  createRun(run: RunRecord): Promise<void>;
  getRun(runId: string): Promise<RunRecord | undefined>;
  /** Runs not yet complete or incomplete, oldest first. */
  listOpenRuns(): Promise<RunRecord[]>;
  listRecentRuns(limit: number): Promise<RunRecord[]>;
  /** Idempotent: marking the same block twice counts once. Returns the run's done/total. */
  markBlockDone(runId: string, blockId: number): Promise<{ done: number; total: number }>;
  /** The finished block ids of a run. */
  doneBlocks(runId: string): Promise<Set<number>>;
  /** Moves the run from `running` to `finalizing`; only one caller ever wins. */
  claimFinalize(runId: string): Promise<boolean>;
  closeRun(runId: string, status: 'complete' | 'incomplete', at: string, tally?: RunTally): Promise<void>;
}

/** Result of a conditional endpoint write. `conflict`: someone else wrote first; re-read and retry. */
export type WriteOutcome = 'applied' | 'conflict';

export interface EndpointStore {
  /** `host`: the name an endpoint was reached by (its own endpoint); absent for one reached by address. */
  getEndpoint(ip: string, port: number, host?: string): Promise<EndpointRecord | undefined>;
  listEndpoints(): Promise<EndpointRecord[]>;
  /**
   * Writes `next` only if the stored revision is still `expectedRev` (0: the item must not exist).
   * The record's `pendingEvents` travel in the same write.
   */
  writeEndpoint(next: EndpointRecord, expectedRev: number): Promise<WriteOutcome>;
  /** Removes delivered-to-outbox events from the record's `pendingEvents`. */
  clearPendingEvents(ip: string, port: number, eventIds: readonly string[], host?: string): Promise<void>;
  setSuppression(ip: string, port: number, suppression: Suppression | undefined, host?: string): Promise<boolean>;
}

export type DeliveryState = 'pending' | 'dead';

export interface OutboxItem {
  readonly event: AlertEvent;
  /** Per sink: delivered, or the failure so far. */
  readonly deliveries: Readonly<Record<string, SinkDelivery>>;
  readonly state: DeliveryState | 'delivered';
}

export interface SinkDelivery {
  /** `withdrawn`: the operator removed the sink while it still owed the event; nothing more is owed. */
  readonly status: 'delivered' | 'failed' | 'sending' | 'withdrawn';
  readonly attempts: number;
  readonly at: string;
  readonly error?: string;
  readonly leaseUntil?: string;
}

export interface AlertOutbox {
  /** Idempotent on `event.id`: adding the same event twice keeps one. */
  addAlert(event: AlertEvent): Promise<void>;
  /** Events not yet delivered to every sink (pending first, then dead-lettered), oldest first. */
  listUndelivered(): Promise<OutboxItem[]>;
  listAlerts(limit: number): Promise<OutboxItem[]>;
  /** Claims a sink delivery for `leaseMs`; false when it is delivered or claimed by someone else. */
  claimDelivery(eventId: string, sink: string, at: string, leaseMs: number): Promise<boolean>;
  recordDelivery(eventId: string, sink: string, result: { ok: true; at: string } | { ok: false; at: string; error: string }): Promise<void>;
  /** Records that a removed sink no longer owes the event (unless it was delivered meanwhile). */
  withdrawDelivery(eventId: string, sink: string, at: string): Promise<void>;
  /** Sets the outbox state once all sinks are settled (`delivered`, or `dead` after the last retry). */
  settle(eventId: string, state: DeliveryState | 'delivered'): Promise<void>;
}

export type StateStore = RangeRegistry & RunStore & EndpointStore & AlertOutbox;

/** Carries block messages from the planner to probers. */
export interface BlockQueue {
  sendBlocks(blocks: readonly BlockMessage[]): Promise<void>;
}

/** A destination for alert events (terminal, generic webhook, Slack, SNS). */
export interface AlertSink {
  /** Stable name: delivery records are kept per sink name. */
  readonly name: string;
  /**
   * The route this sink serves (see `routing/route-table.ts`): it gets only that route's events
   * at or above `floor`. Absent: a sink of the operator's own (the terminal) that sees every event.
   */
  readonly route?: string;
  readonly floor?: Severity;
  /** Delivers one event; throws on failure (the caller retries and records). */
  send(event: AlertEvent): Promise<void>;
  /**
   * Sinks read by people (Slack, email) take a run's non-critical events as one digest message;
   * critical events still come one by one through `send`. Called with at most `digestLimit`
   * events, so each call is one message and a failed part is retried alone.
   */
  sendDigest?(events: readonly AlertEvent[], ctx: DigestContext): Promise<void>;
  readonly digestLimit?: number;
  /**
   * Which events this sink takes, given whether the event reaches its route's severity floor.
   * Absent: exactly the events that reach the floor. PagerDuty, for one, takes critical events
   * and the resolutions of the incidents it opened (which are `info`, below any paging floor).
   */
  accepts?(event: AlertEvent, reachesFloor: boolean): boolean;
}

/** Structured log lines; the AWS adapter is Powertools Logger, the local one writes to stderr. */
export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Resolves a DNS name to its addresses (A and AAAA). The system resolver in production, so
 * `/etc/hosts` works; a fixed map in tests and for `--resolve`, so no test sends a DNS query off
 * the machine. Resolves to `[]` when the name does not exist; throws on a resolver failure.
 */
export interface HostResolver {
  resolve(name: string): Promise<readonly string[]>;
}

/**
 * The request headers an owner's proxy requires, by secret name (see RangeRow.headersSecret):
 * Secrets Manager on AWS, the state directory's header-secrets file locally. Values never leave
 * the prober's requests: not in messages, logs, state or alerts. Throws when the secret cannot be
 * read or is not a header map, so the block fails and is retried rather than probed without it.
 */
export interface HeaderSecrets {
  headers(secretName: string): Promise<Readonly<Record<string, string>>>;
}
