import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { routeSinks } from '../../lambdas/adapters/sinks/route-sinks.js';
import { TerminalSink } from '../../lambdas/adapters/sinks/terminal-sink.js';
import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.js';
import { emptyLocalRoute, type LocalRouteSpec, tableOf } from '../../lambdas/core/routing/route-spec.js';
import { Fleet, loadFixture } from '../../lambdas/local/fixture-fleet.js';
import { runLocalCycle } from '../../lambdas/local/run-local-cycle.js';
import { freshDynamo } from '../support/dynalite.js';
import { quiet, steppingClock, testCatalog, testProbe, testSettings } from '../support/monitor.js';
import { SINK_TIMEOUT_MS, startWebhookReceiver } from '../support/webhook-receiver.js';

// Three owners' ranges on 127.0.88.x: ML (0/28, by owner), data (16/28, by route), the rest (32/28).
const fleet = new Fleet();
const ML_OLLAMA = { host: '127.0.88.2', port: 11434 };
const ML_VLLM = { host: '127.0.88.3', port: 8000 };
const DATA_JUPYTER = { host: '127.0.88.18', port: 8888 };
const OTHER_QDRANT = { host: '127.0.88.34', port: 6333 };
const PORTS = [6333, 8000, 8888, 11434];

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
let ml: Receiver;
let data: Receiver;
let fallback: Receiver;
let mlHealthy = true;
beforeAll(async () => {
  ml = await startWebhookReceiver(() => ({ status: mlHealthy ? 200 : 503 }), '127.0.88.100');
  data = await startWebhookReceiver(undefined, '127.0.88.101');
  fallback = await startWebhookReceiver(undefined, '127.0.88.102');
});
afterAll(async () => {
  await fleet.close();
  await Promise.all([ml.close(), data.close(), fallback.close()]);
});
let dynamo: EmbeddedDynamo;
beforeEach(async () => {
  dynamo = await freshDynamo();
});
afterEach(async () => {
  await dynamo.close();
  await fleet.close();
});

function take(receiver: Receiver): string[] {
  const events = receiver.received.map((r) => JSON.parse(r.body) as AlertEvent);
  receiver.received.length = 0;
  return events.map((e) => `${e.type} ${e.endpoint?.service ?? ''} ${e.severity} @${e.route ?? 'default'}`.replace('  ', ' ')).sort();
}

describe('three routes over several cycles', () => {
  it('each event reaches exactly its route, once, only at or above the floor, and after a sink fails', async () => {
    await fleet.start({ ...ML_OLLAMA, fixture: loadFixture('ollama', 'none') });
    await fleet.start({ ...ML_VLLM, fixture: loadFixture('vllm', 'required') });
    await fleet.start({ ...DATA_JUPYTER, fixture: loadFixture('jupyter', 'required') });
    await fleet.start({ ...OTHER_QDRANT, fixture: loadFixture('qdrant', 'none') });
    await dynamo.store.putRangeRow({ cidr: '127.0.88.0/28', owner: 'ml-platform@example.test', ports: PORTS });
    await dynamo.store.putRangeRow({ cidr: '127.0.88.16/28', route: 'data', ports: PORTS });
    await dynamo.store.putRangeRow({ cidr: '127.0.88.32/28', ports: PORTS });
    const routes: LocalRouteSpec[] = [
      { ...emptyLocalRoute('ml', 'high'), owners: ['ml-platform@example.test'], webhooks: [ml.url] },
      { ...emptyLocalRoute('data', 'medium'), webhooks: [data.url] },
      { ...emptyLocalRoute('default', 'info'), webhooks: [fallback.url] },
    ];
    const options = { timeoutMs: SINK_TIMEOUT_MS, userAgent: 't' };
    const terminal = new TerminalSink();
    const sinks = [terminal, ...routes.flatMap((r) => routeSinks(r, options))];
    const clock = steppingClock();
    const cycle = () =>
      runLocalCycle({
        store: dynamo.store,
        settings: testSettings(PORTS, { routes: tableOf(routes, 'test routes') }),
        probe: testProbe,
        catalog: testCatalog,
        sinks,
        clock,
        logger: quiet,
        sleep: async () => undefined,
      });

    // 1: ML gets its open Ollama (critical: 0.5.7 has a known advisory) but not its locked vLLM (info, below "high"); data's
    // locked Jupyter (info) is below "medium"; the default route takes everything of its own.
    await cycle();
    expect(take(ml)).toEqual(['endpoint.new_unauthenticated ollama critical @ml']);
    expect(take(data)).toEqual([]);
    expect(take(fallback)).toEqual(['endpoint.new_unauthenticated qdrant high @default']);
    // Below the floor is still recorded: in the outbox (settled), in state, and on the terminal.
    const recorded = (await dynamo.store.listAlerts(50)).map((a) => `${a.event.type} ${a.event.endpoint?.service} @${a.event.route} ${a.state}`).sort();
    expect(recorded).toEqual([
      'endpoint.new_authenticated jupyter @data delivered',
      'endpoint.new_authenticated vllm @ml delivered',
      'endpoint.new_unauthenticated ollama @ml delivered',
      'endpoint.new_unauthenticated qdrant @default delivered',
    ]);
    expect(terminal.events).toHaveLength(4);
    expect((await dynamo.store.getEndpoint(ML_VLLM.host, ML_VLLM.port))?.route).toBe('ml');

    // 2: both locked endpoints lose their auth, and the ML receiver is down.
    mlHealthy = false;
    await fleet.replace({ ...ML_VLLM, fixture: loadFixture('vllm', 'none') });
    await fleet.replace({ ...DATA_JUPYTER, fixture: loadFixture('jupyter', 'none') });
    const second = await cycle();
    expect(second.delivery.deadLettered.map((e) => `${e.type} ${e.route}`)).toEqual(['endpoint.auth_regressed ml']);
    expect(take(ml)).toEqual([]);
    expect(take(data)).toEqual(['endpoint.auth_regressed jupyter critical @data']);
    expect(take(fallback)).toEqual([]);

    // 3: nothing changed, the ML receiver is back: the dead-lettered event arrives, once, only there.
    mlHealthy = true;
    const third = await cycle();
    expect(third.events).toEqual([]);
    expect(take(ml)).toEqual(['endpoint.auth_regressed vllm critical @ml']);
    expect(take(data)).toEqual([]);
    expect(take(fallback)).toEqual([]);

    // 4: vLLM is fixed (info: below ML's floor, not sent there), Qdrant goes away (info: default sends it).
    await fleet.replace({ ...ML_VLLM, fixture: loadFixture('vllm', 'required') });
    await fleet.stop(OTHER_QDRANT.host, OTHER_QDRANT.port);
    await cycle();
    expect(take(ml)).toEqual([]);
    expect(take(data)).toEqual([]);
    expect(take(fallback)).toEqual(['endpoint.gone qdrant info @default']);

    // 5: nothing changes: nothing anywhere.
    await cycle();
    expect([...take(ml), ...take(data), ...take(fallback)]).toEqual([]);
  });

  it('a row naming an unknown route still alerts, on the default route, and the run says why', async () => {
    await fleet.start({ ...OTHER_QDRANT, fixture: loadFixture('qdrant', 'none') });
    await dynamo.store.putRangeRow({ cidr: '127.0.88.32/28', route: 'no-such-team', ports: PORTS });
    const routes = [{ ...emptyLocalRoute('default'), webhooks: [fallback.url] }];
    const result = await runLocalCycle({
      store: dynamo.store,
      settings: testSettings(PORTS, { routes: tableOf(routes, 'test routes') }),
      probe: testProbe,
      catalog: testCatalog,
      sinks: routes.flatMap((r) => routeSinks(r, { timeoutMs: SINK_TIMEOUT_MS, userAgent: 't' })),
      clock: steppingClock(),
      logger: quiet,
    });
    expect(result.plan.routeProblems).toEqual([{ row: '127.0.88.32/28', error: 'route "no-such-team" is not configured; its alerts go to the default route' }]);
    expect(take(fallback)).toEqual(['endpoint.new_unauthenticated qdrant high @default']);
  });
});
