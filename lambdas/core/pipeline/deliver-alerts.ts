import type { AlertEvent } from '../alerts/alert-event.js';
import { SinkError } from '../alerts/sink-error.js';
import type { AlertOutbox, AlertSink, Logger } from '../ports.js';
import type { Clock } from './monitor-settings.js';

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

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = { attempts: 3, backoffMs: 500, maxRetryAfterMs: 30_000, leaseMs: 120_000 };

export interface DeliverDeps {
  readonly outbox: AlertOutbox;
  readonly sinks: readonly AlertSink[];
  readonly clock: Clock;
  readonly logger: Logger;
  readonly policy?: DeliveryPolicy;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface DeliveryReport {
  readonly delivered: AlertEvent[];
  /** Events with at least one sink still failing after the last retry. */
  readonly deadLettered: AlertEvent[];
}

/**
 * Sends every undelivered outbox event to every sink that has not had it. Each (event, sink) is
 * claimed with a conditional write before sending, so parallel notifiers never both send it, and
 * recorded right after: the only duplicate left is a crash between a send and its record, and
 * the event's deterministic id lets the receiver drop it.
 */
export async function deliverAlerts(deps: DeliverDeps): Promise<DeliveryReport> {
  const policy = deps.policy ?? DEFAULT_DELIVERY_POLICY;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const delivered: AlertEvent[] = [];
  const deadLettered: AlertEvent[] = [];
  for (const item of await deps.outbox.listUndelivered()) {
    let allDelivered = true;
    let anyFailed = false;
    for (const sink of deps.sinks) {
      if (item.deliveries[sink.name]?.status === 'delivered') continue;
      const at = deps.clock().toISOString();
      if (!(await deps.outbox.claimDelivery(item.event.id, sink.name, at, policy.leaseMs))) {
        // Another worker holds it (or it was delivered since we read): not ours to settle.
        allDelivered = false;
        continue;
      }
      const error = await sendWithRetry(sink, item.event, policy, sleep);
      const doneAt = deps.clock().toISOString();
      if (error === undefined) {
        await deps.outbox.recordDelivery(item.event.id, sink.name, { ok: true, at: doneAt });
      } else {
        allDelivered = false;
        anyFailed = true;
        deps.logger.warn('alert delivery failed', { sink: sink.name, eventId: item.event.id, error });
        await deps.outbox.recordDelivery(item.event.id, sink.name, { ok: false, at: doneAt, error });
      }
    }
    if (allDelivered) {
      await deps.outbox.settle(item.event.id, 'delivered');
      delivered.push(item.event);
    } else if (anyFailed) {
      if (item.state !== 'dead') await deps.outbox.settle(item.event.id, 'dead');
      deadLettered.push(item.event);
    }
  }
  return { delivered, deadLettered };
}

async function sendWithRetry(
  sink: AlertSink,
  event: AlertEvent,
  policy: DeliveryPolicy,
  sleep: (ms: number) => Promise<void>,
): Promise<string | undefined> {
  let lastError = 'not sent';
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    try {
      await sink.send(event);
      return undefined;
    } catch (err) {
      lastError = `${sink.name}: ${(err as Error).message}`.slice(0, 300);
      if (err instanceof SinkError && err.permanent) break;
      if (attempt === policy.attempts) break;
      const backoff = policy.backoffMs * 2 ** (attempt - 1);
      const wait = err instanceof SinkError && err.retryAfterMs !== undefined ? Math.min(err.retryAfterMs, policy.maxRetryAfterMs) : backoff;
      await sleep(wait);
    }
  }
  return lastError;
}
