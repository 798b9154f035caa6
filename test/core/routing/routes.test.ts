import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmbeddedDynamo } from '../../../lambdas/adapters/local/embedded-dynamodb.js';
import { ALERT_SCHEMA, type AlertEvent, type Severity } from '../../../lambdas/core/alerts/alert-event.js';
import type { DigestContext } from '../../../lambdas/core/alerts/render-digest.js';
import { deliverAlerts } from '../../../lambdas/core/pipeline/deliver-alerts.js';
import type { AlertSink } from '../../../lambdas/core/ports.js';
import { onRoute, sinkTakes } from '../../../lambdas/core/routing/routed-sink.js';
import { parseLocalRoutes } from '../../../lambdas/core/routing/route-spec.js';
import { buildRouteTable, resolveRoute } from '../../../lambdas/core/routing/route-table.js';
import { freshDynamo } from '../../support/dynalite.js';
import { quiet, steppingClock } from '../../support/monitor.js';

const event = (i: number, severity: Severity, route?: string): AlertEvent => ({
  schema: ALERT_SCHEMA,
  id: `r${String(i).padStart(31, '0')}`,
  type: severity === 'info' ? 'endpoint.new_authenticated' : 'endpoint.new_unauthenticated',
  severity,
  runId: 'run-r',
  at: '2026-11-23T10:00:00.000Z',
  endpoint: { ip: `127.4.0.${i}`, port: 8000, tls: false, service: 'vllm', auth: severity === 'info' ? 'required' : 'none', version: null, range: '127.4.0.0/24' },
  evidence: 'x',
  ...(route ? { route } : {}),
});

describe('route table', () => {
  const table = buildRouteTable([
    { name: 'ml', owners: ['ml@example.test'], floor: 'high' },
    { name: 'data', owners: [], floor: 'medium' },
  ]);

  it('resolves a row by route, then by owner, then by a route named like the owner, else default', () => {
    expect(resolveRoute(table, { route: 'data', owner: 'ml@example.test' })).toEqual({ route: 'data' });
    expect(resolveRoute(table, { owner: 'ml@example.test' })).toEqual({ route: 'ml' });
    expect(resolveRoute(table, { owner: 'data' })).toEqual({ route: 'data' });
    expect(resolveRoute(table, { owner: 'someone-else' })).toEqual({ route: 'default' });
    expect(resolveRoute(table, {})).toEqual({ route: 'default' });
    expect(resolveRoute(table, { route: 'typo' }).route).toBe('default');
    expect(table.routes.map((r) => r.name)).toEqual(['ml', 'data', 'default']);
  });

  it('refuses duplicate names, an owner on two routes, unknown floors and odd names, naming the key', () => {
    expect(() => buildRouteTable([{ name: 'a', owners: [], floor: 'info' }, { name: 'a', owners: [], floor: 'info' }])).toThrow('routes[1].name');
    expect(() => buildRouteTable([{ name: 'a', owners: ['o'], floor: 'info' }, { name: 'b', owners: ['o'], floor: 'info' }])).toThrow('routes[1].owners');
    expect(() => buildRouteTable([{ name: 'a', owners: [], floor: 'urgent' as Severity }])).toThrow('routes[0].floor');
    expect(() => buildRouteTable([{ name: 'Has Space', owners: [], floor: 'info' }])).toThrow('routes[0].name');
  });

  it('parses a routes file and names the key of every mistake without echoing secret values', () => {
    const specs = parseLocalRoutes({ routes: [{ name: 'ml', floor: 'high', owners: ['a'], slack: ['https://hooks.example.test/x'], pagerduty: [{ routingKey: 'abcdef1234567890' }] }] }, 'routes.json');
    expect(specs[0]).toMatchObject({ name: 'ml', floor: 'high', owners: ['a'], slack: ['https://hooks.example.test/x'], teams: [], webhooks: [] });
    expect(() => parseLocalRoutes({ routes: [{ name: 'ml', slack: ['not a url secret-token'] }] }, 'routes.json')).toThrow(/routes\.json: routes\[0\]\.slack\[0\]: not a URL$/);
    expect(() => parseLocalRoutes({ routes: [{ name: 'ml', channel: 'x' }] }, 'f')).toThrow('unknown key "channel"');
    expect(() => parseLocalRoutes({ routes: [{ name: 'ml', pagerduty: [{ routingKey: 'k' }] }] }, 'f')).toThrow('routes[0].pagerduty[0].routingKey');
    expect(() => parseLocalRoutes([], 'f')).toThrow('expected {"routes"');
  });
});

describe('delivery per route', () => {
  let dynamo: EmbeddedDynamo;
  beforeEach(async () => {
    dynamo = await freshDynamo();
  });
  afterEach(() => dynamo.close());

  class DigestSink implements AlertSink {
    readonly single: string[] = [];
    readonly digests: string[][] = [];
    readonly digestLimit = 50;
    constructor(readonly name: string) {}
    async send(e: AlertEvent): Promise<void> {
      this.single.push(e.id);
    }
    async sendDigest(events: readonly AlertEvent[], _ctx: DigestContext): Promise<void> {
      this.digests.push(events.map((e) => e.id));
    }
  }

  it('each route gets one digest of its own events at or above its floor; unrouted sinks see all', async () => {
    const events = [event(1, 'high', 'ml'), event(2, 'low', 'ml'), event(3, 'medium', 'data'), event(4, 'info', 'data'), event(5, 'critical', 'ml'), event(6, 'low'), event(7, 'high', 'gone-route')];
    for (const e of events) await dynamo.store.addAlert(e);
    const ml = new DigestSink('slack-ml');
    const data = new DigestSink('slack-data');
    const fallback = new DigestSink('slack-default');
    const everything = new DigestSink('terminal');
    const sinks = [onRoute(ml, 'ml', 'high'), onRoute(data, 'data', 'medium'), onRoute(fallback, 'default', 'info'), everything];
    const report = await deliverAlerts({ outbox: dynamo.store, sinks, clock: steppingClock(), logger: quiet, routes: new Set(['ml', 'data', 'default']) });
    expect(report.delivered).toHaveLength(7);
    expect(ml.single).toEqual([events[4]?.id]);
    expect(ml.digests).toEqual([[events[0]?.id]]);
    expect(data.digests).toEqual([[events[2]?.id]]);
    // Event 7 names a route that is no longer configured: it goes to the default route.
    expect(fallback.digests.flat().sort()).toEqual([events[5]?.id, events[6]?.id].sort());
    expect(everything.digests.flat().length + everything.single.length).toBe(7);
    // Settled in the outbox, with a delivery record only for the sinks that took each event.
    const stored = await dynamo.store.listAlerts(10);
    const below = stored.find((s) => s.event.id === events[1]?.id);
    expect(below?.state).toBe('delivered');
    expect(Object.keys(below?.deliveries ?? {})).toEqual(['terminal']);
  });

  it('a sink on a named route that failed is retried and settles, never reported as owed to an unknown sink', async () => {
    const e = event(1, 'critical', 'ml');
    await dynamo.store.addAlert(e);
    let up = false;
    const flaky: AlertSink = {
      name: 'slack-1',
      send: async () => {
        if (!up) throw new Error('503');
      },
    };
    const sinks = [onRoute(flaky, 'ml', 'info')];
    const deps = { outbox: dynamo.store, sinks, clock: steppingClock(), logger: quiet, routes: new Set(['ml', 'default']), sleep: async () => undefined };
    const first = await deliverAlerts(deps);
    expect(first.deadLettered.map((d) => d.id)).toEqual([e.id]);
    expect(first.waitingForSink).toEqual([]);
    up = true;
    const second = await deliverAlerts(deps);
    expect(second.delivered.map((d) => d.id)).toEqual([e.id]);
    expect(await dynamo.store.listUndelivered()).toEqual([]);
  });

  it('a named route records deliveries as sink@route; the default route keeps the plain sink name', () => {
    expect(onRoute(new DigestSink('slack-1'), 'ml', 'info').name).toBe('slack-1@ml');
    expect(onRoute(new DigestSink('slack-1'), 'default', 'info').name).toBe('slack-1');
    const pd: AlertSink = { name: 'pd', send: async () => undefined, accepts: (e, reaches) => reaches && e.severity === 'critical' };
    const routed = onRoute(pd, 'ml', 'high');
    expect(sinkTakes(routed, event(1, 'critical', 'ml'))).toBe(true);
    expect(sinkTakes(routed, event(1, 'high', 'ml'))).toBe(false);
    expect(sinkTakes(routed, event(1, 'critical', 'data'))).toBe(false);
  });
});
