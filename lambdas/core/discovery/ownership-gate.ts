import type { AlertEvent, AlertType } from '../alerts/alert-event.js';
import type { Logger } from '../ports.js';
import type { EndpointRecord } from '../state/endpoint-record.js';
import type { Transition } from '../state/transitions.js';
import { describeDiscoveryRef, type OwnershipCheck, type OwnershipQuery, type OwnershipVerdict } from './discovered-target.js';

/** The events that announce an exposure: held back when the address is no longer ours. */
export const OWNERSHIP_GATED: ReadonlySet<AlertType> = new Set<AlertType>(['endpoint.new_unauthenticated', 'endpoint.new_authenticated', 'endpoint.auth_regressed']);

/** One verdict per address and name within a block: a retried write does not ask again. */
export type OwnershipCache = Map<string, Promise<OwnershipVerdict>>;

/**
 * The record `decideSighting` should compare against. An endpoint whose alert was withheld
 * because its address had left the inventory is decided as if it were new when it is seen again
 * in a later run: if the address is ours again, the alert that was held back goes out then.
 */
export function previousForDecision(previous: EndpointRecord | undefined, runId: string): EndpointRecord | undefined {
  if (previous?.leftInventoryAt && previous.status === 'open' && previous.lastSeenRunId !== runId) return { ...previous, status: 'gone' };
  return previous;
}

/**
 * Before an endpoint of a discovered row announces itself (new_* or auth_regressed), asks whether
 * its address still belongs to the inventory. `left`: the state is still written, with
 * `leftInventoryAt`, and those events are withheld. `unknown`, or a check that throws: the alert
 * goes out (an alert is never lost to a failed check). Manual rows (no query) are never checked.
 */
export async function gateOnOwnership(
  transition: Transition,
  query: OwnershipQuery | undefined,
  check: OwnershipCheck | undefined,
  ctx: { readonly at: string; readonly logger: Logger; readonly cache?: OwnershipCache },
): Promise<Transition> {
  if (!query || !check || !transition.next || !transition.events.some((e) => OWNERSHIP_GATED.has(e.type))) return transition;
  const key = `${query.host ?? ''}|${query.address}`;
  let pending = ctx.cache?.get(key);
  if (!pending) {
    pending = check.stillOwned(query).catch((err: unknown) => {
      ctx.logger.warn('ownership check failed; alerting anyway', { address: query.address, ...(query.host ? { host: query.host } : {}), resource: describeDiscoveryRef(query), error: (err as Error).message });
      return 'unknown' as const;
    });
    ctx.cache?.set(key, pending);
  }
  const verdict = await pending;
  if (verdict !== 'left') return transition;
  const withheld = transition.events.filter((e) => OWNERSHIP_GATED.has(e.type));
  const events = transition.events.filter((e) => !OWNERSHIP_GATED.has(e.type));
  const { pendingEvents: _p, openAlertId, ...rest } = transition.next;
  const withheldIds = new Set(withheld.map((e) => e.id));
  const next: EndpointRecord = {
    ...rest,
    // The withheld alert was never sent: a later `fixed` must not claim to resolve it.
    ...(openAlertId && !withheldIds.has(openAlertId) ? { openAlertId } : {}),
    leftInventoryAt: ctx.at,
    ...(events.length > 0 ? { pendingEvents: Object.fromEntries(events.map((e): [string, AlertEvent] => [e.id, e])) } : {}),
  };
  ctx.logger.warn('left inventory: alert withheld', {
    address: query.address,
    ...(query.host ? { host: query.host } : {}),
    port: next.port,
    resource: describeDiscoveryRef(query),
    withheld: withheld.map((e) => e.type),
  });
  return { next, events };
}
