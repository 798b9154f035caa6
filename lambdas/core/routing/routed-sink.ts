import type { AlertEvent, Severity } from '../alerts/alert-event.js';
import type { DigestContext } from '../alerts/render-digest.js';
import type { AlertSink } from '../ports.js';
import { DEFAULT_ROUTE, eventRoute, reachesFloor } from './route-table.js';

/**
 * Puts a destination on a route. Delivery records are kept per sink name, so a destination on a
 * named route is `<sink>@<route>`; on the default route it keeps its plain name, which is what
 * deployments without routes have always recorded under.
 */
export function onRoute(sink: AlertSink, route: string, floor: Severity): AlertSink {
  const routed: AlertSink = {
    name: routedSinkName(sink.name, route),
    route,
    floor,
    send: (event: AlertEvent) => sink.send(event),
    ...(sink.sendDigest ? { sendDigest: (events: readonly AlertEvent[], ctx: DigestContext) => (sink.sendDigest as NonNullable<AlertSink['sendDigest']>).call(sink, events, ctx) } : {}),
    ...(sink.digestLimit !== undefined ? { digestLimit: sink.digestLimit } : {}),
    ...(sink.accepts ? { accepts: (event: AlertEvent, reaches: boolean) => (sink.accepts as NonNullable<AlertSink['accepts']>).call(sink, event, reaches) } : {}),
  };
  return routed;
}

/** The name delivery records use for a sink on a route. */
export function routedSinkName(sinkName: string, route: string): string {
  return route === DEFAULT_ROUTE ? sinkName : `${sinkName}@${route}`;
}

/**
 * Whether a sink takes an event: the event's route is the sink's (unrouted sinks take every
 * route), and the event reaches the route's floor, or the sink's own `accepts` says so.
 */
export function sinkTakes(sink: AlertSink, event: AlertEvent, configuredRoutes?: ReadonlySet<string>): boolean {
  if (sink.route !== undefined && sink.route !== eventRoute(event, configuredRoutes)) return false;
  const reaches = reachesFloor(event.severity, sink.floor ?? 'info');
  return sink.accepts ? sink.accepts(event, reaches) : reaches;
}
