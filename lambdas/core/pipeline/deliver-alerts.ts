import type { AlertEvent } from '../alerts/alert-event.js';
import { digestCounts, orderForDigest } from '../alerts/render-digest.js';
import { SinkError } from '../alerts/sink-error.js';
import type { AlertOutbox, AlertSink, Logger, OutboxItem, RunStore } from '../ports.js';
import type { Clock } from './monitor-settings.js';
import { sinkTakes } from '../routing/routed-sink.js';

export interface DeliveryPolicy {
  /** Tries per sink per delivery pass; after the last one the event is dead-lettered (and retried next pass). */
  readonly attempts: number;
  /** First backoff; doubles each try. */
  readonly backoffMs: number;
  /** Longest wait honoured from a Retry-After. */
  readonly maxRetryAfterMs: number;
  /** How long a claimed delivery stays reserved for the claiming worker. */
  readonly leaseMs: number;
}

/** A sink owes nothing more for an event it delivered, or that its removal withdrew. */
const SETTLED_FOR_SINK: ReadonlySet<string> = new Set(['delivered', 'withdrawn']);

/** The log line of a failed (event, sink) delivery; the CLI reports these itself, per alert. */
export const DELIVERY_FAILED_LOG = 'alert delivery failed';

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = { attempts: 3, backoffMs: 500, maxRetryAfterMs: 30_000, leaseMs: 120_000 };

export interface DeliverDeps {
  readonly outbox: AlertOutbox;
  readonly sinks: readonly AlertSink[];
  readonly clock: Clock;
  readonly logger: Logger;
  /** To hold digests until their run is closed; without it every run counts as closed. */
  readonly runs?: Pick<RunStore, 'getRun'>;
  readonly policy?: DeliveryPolicy;
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * The routes that have destinations here. An event naming a route not in this set (removed
   * from the configuration since) goes to the default route, so it is never silently dropped.
   * Absent: every route an event names is taken as configured.
   */
  readonly routes?: ReadonlySet<string>;
  /**
   * Writes the report of a closed run and returns a link to it for the run's digests (on AWS a
   * presigned URL). Called once per run with digests to send; a failure only leaves the link out.
   */
  readonly reportLink?: (runId: string) => Promise<ReportLink | undefined>;
}

/** A link to a run's report, and how long it works (a presigned URL expires). */
export interface ReportLink {
  readonly url: string;
  readonly validHours?: number;
}

export interface DeliveryReport {
  readonly delivered: AlertEvent[];
  /** Events with at least one sink still failing after the last retry. */
  readonly deadLettered: AlertEvent[];
  /**
   * Events still owed to a sink this pass does not have (it failed earlier and is not configured
   * now): kept undelivered, never settled, and sent when that sink is configured again.
   */
  readonly waitingForSink: { readonly event: AlertEvent; readonly sinks: readonly string[] }[];
}

/**
 * Sends every undelivered outbox event to every sink that takes it (its route, at or above the
 * route's floor: `sinkTakes`) and has not had it. An event no sink takes (below every floor) is
 * settled as delivered: it stays recorded in the outbox and in `findings`. Sinks that take
 * digests get one message per finished run for its non-critical events (critical events go out
 * at once, on their own); the others get one message per event.
 *
 * Each (event, sink) is claimed with a conditional write before sending, so parallel notifiers
 * never both send it, and recorded right after: the only duplicate left is a crash between a send
 * and its record, and the event's deterministic id lets the receiver drop it.
 */
export async function deliverAlerts(deps: DeliverDeps): Promise<DeliveryReport> {
  const policy = deps.policy ?? DEFAULT_DELIVERY_POLICY;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const items = await deps.outbox.listUndelivered();
  const failed = new Set<string>();
  const unsettled = new Set<string>();
  const closedRuns = await findClosedRuns(items, deps.runs);

  const deliver = async (sink: AlertSink, batch: readonly OutboxItem[], send: (events: AlertEvent[]) => Promise<void>): Promise<void> => {
    const claimed: AlertEvent[] = [];
    const at = deps.clock().toISOString();
    for (const item of batch) {
      if (await deps.outbox.claimDelivery(item.event.id, sink.name, at, policy.leaseMs)) claimed.push(item.event);
      else unsettled.add(item.event.id); // another worker holds it, or it was delivered since we read
    }
    if (claimed.length === 0) return;
    const error = await withRetry(() => send(claimed), policy, sleep);
    const doneAt = deps.clock().toISOString();
    for (const event of claimed) {
      if (error === undefined) {
        await deps.outbox.recordDelivery(event.id, sink.name, { ok: true, at: doneAt });
      } else {
        failed.add(event.id);
        await deps.outbox.recordDelivery(event.id, sink.name, { ok: false, at: doneAt, error });
      }
    }
    if (error !== undefined) deps.logger.warn(DELIVERY_FAILED_LOG, { sink: sink.name, events: claimed.length, error });
  };

  // One report per run and pass, however many sinks and routes send its digest.
  const links = new Map<string, Promise<ReportLink | undefined>>();
  const linkOf = (runId: string): Promise<ReportLink | undefined> => {
    if (!deps.reportLink) return Promise.resolve(undefined);
    let link = links.get(runId);
    if (!link) {
      link = deps.reportLink(runId).catch((err: unknown) => {
        deps.logger.warn('report not written; digests go out without its link', { runId, error: (err as Error).message });
        return undefined;
      });
      links.set(runId, link);
    }
    return link;
  };

  for (const sink of deps.sinks) {
    const takes = (i: OutboxItem): boolean => sinkTakes(sink, i.event, deps.routes);
    const pending = items.filter((i) => !SETTLED_FOR_SINK.has(i.deliveries[sink.name]?.status ?? 'none') && takes(i));
    const sendDigest = sink.sendDigest?.bind(sink);
    if (!sendDigest) {
      for (const item of pending) await deliver(sink, [item], ([event]) => sink.send(event as AlertEvent));
      continue;
    }
    const critical = pending.filter((i) => i.event.severity === 'critical');
    for (const item of critical) await deliver(sink, [item], ([event]) => sink.send(event as AlertEvent));
    const byRun = new Map<string, OutboxItem[]>();
    for (const item of pending) {
      if (item.event.severity === 'critical') continue;
      if (!closedRuns.has(item.event.runId)) {
        unsettled.add(item.event.id); // the digest waits for its run to finish
        continue;
      }
      byRun.set(item.event.runId, [...(byRun.get(item.event.runId) ?? []), item]);
    }
    for (const [runId, unordered] of byRun) {
      const report = await linkOf(runId);
      const sentSeparately = items.filter((i) => i.event.runId === runId && i.event.severity === 'critical' && takes(i)).length;
      const ordered = orderForDigest(unordered.map((i) => i.event));
      const batch = ordered.map((e) => unordered.find((i) => i.event === e) as OutboxItem);
      const limit = Math.max(1, sink.digestLimit ?? batch.length);
      const of = Math.ceil(batch.length / limit);
      const counts = digestCounts(ordered);
      for (let p = 0; p < of; p++) {
        const part = { index: p + 1, of, firstEvent: p * limit + 1, totalEvents: batch.length, counts };
        await deliver(sink, batch.slice(p * limit, (p + 1) * limit), (events) =>
          sendDigest(events, { runId, sentSeparately, part, ...(report ? { reportUrl: report.url, ...(report.validHours ? { reportValidHours: report.validHours } : {}) } : {}) }),
        );
      }
    }
  }

  const delivered: AlertEvent[] = [];
  const deadLettered: AlertEvent[] = [];
  const waitingForSink: DeliveryReport['waitingForSink'] = [];
  const configured = new Set(deps.sinks.map((s) => s.name));
  for (const item of items) {
    const id = item.event.id;
    // A sink that failed this event and is missing from this pass (a run without its flag, a
    // route edited) still owes it: settling it now would lose the alert without a word.
    const owed = Object.entries(item.deliveries)
      .filter(([name, d]) => !SETTLED_FOR_SINK.has(d.status) && !configured.has(name))
      .map(([name]) => name);
    if (owed.length > 0 && !failed.has(id)) {
      if (item.state !== 'dead') await deps.outbox.settle(id, 'dead');
      waitingForSink.push({ event: item.event, sinks: owed });
    } else if (failed.has(id)) {
      if (item.state !== 'dead') await deps.outbox.settle(id, 'dead');
      deadLettered.push(item.event);
    } else if (!unsettled.has(id)) {
      await deps.outbox.settle(id, 'delivered');
      delivered.push(item.event);
    }
  }
  return { delivered, deadLettered, waitingForSink };
}

async function findClosedRuns(items: readonly OutboxItem[], runs: Pick<RunStore, 'getRun'> | undefined): Promise<Set<string>> {
  const ids = new Set(items.map((i) => i.event.runId));
  if (!runs) return ids;
  const closed = new Set<string>();
  for (const id of ids) {
    const run = await runs.getRun(id);
    // A run the store does not know (expired, or a test) cannot finish any more: deliver its events.
    if (!run || run.status === 'complete' || run.status === 'incomplete') closed.add(id);
  }
  return closed;
}

async function withRetry(send: () => Promise<void>, policy: DeliveryPolicy, sleep: (ms: number) => Promise<void>): Promise<string | undefined> {
  let lastError = 'not sent';
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    try {
      await send();
      return undefined;
    } catch (err) {
      // Recorded under the sink's name already (deliveries[sink], the log's `sink`): not repeated here.
      lastError = (err as Error).message.slice(0, 300);
      if (err instanceof SinkError && err.permanent) break;
      if (attempt === policy.attempts) break;
      const backoff = policy.backoffMs * 2 ** (attempt - 1);
      const wait = err instanceof SinkError && err.retryAfterMs !== undefined ? Math.min(err.retryAfterMs, policy.maxRetryAfterMs) : backoff;
      await sleep(wait);
    }
  }
  return lastError;
}
