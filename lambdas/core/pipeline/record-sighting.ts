import type { AlertEvent } from '../alerts/alert-event.js';
import type { AlertOutbox, EndpointStore } from '../ports.js';
import type { EndpointRecord } from '../state/endpoint-record.js';
import type { Transition } from '../state/transitions.js';

const MAX_CONFLICT_RETRIES = 8;

/**
 * Applies a transition to one endpoint with optimistic concurrency, then moves its events into
 * the outbox. `decide` is called again on every conflict with the freshly read record, so parallel
 * workers converge on one transition and one set of events.
 *
 * Crash safety: the events are written in the same conditional write as the state
 * (`pendingEvents`). If the process dies before they reach the outbox, the next reader of the
 * endpoint (a redelivered block, or finalize) flushes them; the outbox is idempotent by event id.
 */
export async function applyEndpointTransition(
  store: EndpointStore & AlertOutbox,
  ip: string,
  port: number,
  /** The name it was reached by; undefined for an endpoint reached by address. */
  host: string | undefined,
  decide: (previous: EndpointRecord | undefined) => Transition | Promise<Transition>,
): Promise<AlertEvent[]> {
  for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
    let previous = await store.getEndpoint(ip, port, host);
    if (previous?.pendingEvents) {
      await flushPendingEvents(store, previous);
      previous = await store.getEndpoint(ip, port, host);
    }
    const transition = await decide(previous);
    if (!transition.next) return [];
    const outcome = await store.writeEndpoint(transition.next, previous?.rev ?? 0);
    if (outcome === 'conflict') continue;
    await flushPendingEvents(store, transition.next);
    return transition.events;
  }
  throw new Error(`endpoint ${host ? `${host} ` : ''}${ip}:${port}: gave up after ${MAX_CONFLICT_RETRIES} conflicting concurrent writes`);
}

/** Copies a record's pending events into the outbox (idempotent), then clears them from the record. */
export async function flushPendingEvents(store: EndpointStore & AlertOutbox, record: EndpointRecord): Promise<void> {
  const pending = Object.values(record.pendingEvents ?? {});
  if (pending.length === 0) return;
  for (const event of pending) await store.addAlert(event);
  await store.clearPendingEvents(record.ip, record.port, pending.map((e) => e.id), record.host);
}
