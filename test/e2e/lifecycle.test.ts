import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { WebhookSink } from '../../lambdas/adapters/sinks/webhook-sink.js';
import { ALERT_SCHEMA, type AlertEvent } from '../../lambdas/core/alerts/alert-event.js';
import { deliverAlerts } from '../../lambdas/core/pipeline/deliver-alerts.js';
import type { AlertOutbox, StateStore } from '../../lambdas/core/ports.js';
import { Fleet, loadFixture, type ResponseFixture } from '../../lambdas/local/fixture-fleet.js';
import { runLocalCycle } from '../../lambdas/local/run-local-cycle.js';
import { freshDynamo } from '../support/dynalite.js';
import { quiet, steppingClock, testCatalog, testProbe, testSettings } from '../support/monitor.js';
import { SINK_TIMEOUT_MS, startWebhookReceiver, timeoutOnFirstSend } from '../support/webhook-receiver.js';

// The lifecycle fleet lives on 127.0.85.x, on the products' own ports.
const fleet = new Fleet();
const OLLAMA = { host: '127.0.85.10', port: 11434 };
const VLLM = { host: '127.0.85.11', port: 8000 };
const JUPYTER = { host: '127.0.85.12', port: 8888 };

/** The Ollama fixture at another version: 0.1.20 is inside CVE-2024-37032's range (<0.1.34). */
function ollamaAt(version: string): ResponseFixture {
  const base = loadFixture('ollama', 'none');
  return { ...base, responses: base.responses.map((r) => (r.request === 'GET /api/version' ? { ...r, body: { version } } : r)) };
}

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let dynamo: EmbeddedDynamo;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await fleet.close();
  await receiver.close();
});
beforeEach(async () => {
  dynamo = await freshDynamo();
});
afterEach(() => dynamo.close());

function take(): string[] {
  const events = receiver.received.map((r) => JSON.parse(r.body) as AlertEvent);
  receiver.received.length = 0;
  return events.map((e) => `${e.type} ${e.endpoint?.service ?? e.runId.slice(0, 0)}${e.endpoint ? ` ${e.severity}` : ''}`.trim()).sort();
}

describe('endpoint lifecycle over six cycles', () => {
  it('emits exactly the expected events of every type, and nothing when nothing changes', async () => {
    // A version no known advisory covers, so its first alert has the product's own severity.
    await fleet.start({ ...OLLAMA, fixture: ollamaAt('9.0.0') });
    await fleet.start({ ...VLLM, fixture: loadFixture('vllm', 'required') });
    await fleet.start({ ...JUPYTER, fixture: loadFixture('jupyter', 'required') });
    await dynamo.store.putRangeRow({ cidr: '127.0.85.0/27', ports: [8000, 8888, 11434] });
    const clock = steppingClock();
    const cycle = (store: StateStore = dynamo.store) =>
      runLocalCycle({
        store,
        settings: testSettings([8000, 8888, 11434], { goneAfterMisses: 2 }),
        probe: testProbe,
        catalog: testCatalog,
        sinks: [new WebhookSink(receiver.url, { timeoutMs: SINK_TIMEOUT_MS, userAgent: 't' })],
        clock,
        logger: quiet,
        sleep: async () => undefined,
      });

    await cycle();
    expect(take()).toEqual(['endpoint.new_authenticated jupyter info', 'endpoint.new_authenticated vllm info', 'endpoint.new_unauthenticated ollama high']);

    // vLLM loses its key; Jupyter disappears (first miss: not gone yet, flapping is tolerated).
    await fleet.replace({ ...VLLM, fixture: loadFixture('vllm', 'none') });
    await fleet.stop(JUPYTER.host, JUPYTER.port);
    await cycle();
    expect(take()).toEqual(['endpoint.auth_regressed vllm critical']);

    // Jupyter misses a second complete run: gone. Ollama is downgraded into a vulnerable version.
    await fleet.replace({ ...OLLAMA, fixture: ollamaAt('0.1.20') });
    await cycle();
    expect(take()).toEqual(['endpoint.gone jupyter info', 'endpoint.version_changed ollama critical']);

    // vLLM gets its key back: fixed.
    await fleet.replace({ ...VLLM, fixture: loadFixture('vllm', 'required') });
    await cycle();
    expect(take()).toEqual(['endpoint.fixed vllm info']);

    // A cycle whose block dies before it is recorded: run.incomplete, and nothing else.
    const crashing = Object.assign(Object.create(dynamo.store), {
      markBlockDone: async () => {
        throw new Error('prober crashed');
      },
    }) as StateStore;
    await cycle(crashing);
    expect(take()).toEqual(['run.incomplete']);

    // Nothing changed: nothing sent.
    await cycle();
    expect(take()).toEqual([]);
  });
});

describe('delivery under faults', () => {
  const event = (i: number): AlertEvent => ({
    schema: ALERT_SCHEMA,
    id: `f${String(i).padStart(31, '0')}`,
    type: 'endpoint.new_unauthenticated',
    severity: 'high',
    runId: 'run-f',
    at: '2026-11-23T10:00:00.000Z',
    endpoint: { ip: `127.3.0.${i}`, port: 8000, tls: false, service: 'vllm', auth: 'none', version: null, range: '127.3.0.0/24' },
    evidence: 'x',
  });

  it('a sink that times out, then recovers, receives every event exactly once', async () => {
    const hanging = await startWebhookReceiver((n) => (n === 1 ? { status: 0 } : { status: 200 }));
    try {
      for (let i = 1; i <= 3; i++) await dynamo.store.addAlert(event(i));
      // Only the first send (the one that hangs) has a short timeout: an answered retry is never
      // given up on because the machine is slow, which would deliver it twice.
      const sink = new WebhookSink(hanging.url, timeoutOnFirstSend(300, { userAgent: 't' }));
      const report = await deliverAlerts({ outbox: dynamo.store, sinks: [sink], clock: steppingClock(), logger: quiet, sleep: async () => undefined });
      expect(report.delivered).toHaveLength(3);
      expect(hanging.received.map((r) => JSON.parse(r.body).id).sort()).toEqual([event(1).id, event(2).id, event(3).id]);
      expect(hanging.attempts()).toBe(4);
    } finally {
      await hanging.close();
    }
  });

  it('a crash between "sent" and "recorded" re-sends that one event only, with the same id', async () => {
    for (let i = 1; i <= 3; i++) await dynamo.store.addAlert(event(i));
    const sink = new WebhookSink(receiver.url, { timeoutMs: SINK_TIMEOUT_MS, userAgent: 't' });
    receiver.received.length = 0;
    let crashed = false;
    const dying: AlertOutbox = Object.assign(Object.create(dynamo.store), {
      recordDelivery: async (...args: Parameters<AlertOutbox['recordDelivery']>) => {
        if (!crashed && args[0] === event(2).id) {
          crashed = true;
          throw new Error('process died after sending');
        }
        return dynamo.store.recordDelivery(...args);
      },
    });
    await expect(deliverAlerts({ outbox: dying, sinks: [sink], clock: steppingClock(Date.parse('2026-11-23T10:00:00Z')), logger: quiet })).rejects.toThrow('process died');
    // A restarted notifier, after the 2-minute lease of the dead one ran out.
    await deliverAlerts({ outbox: dynamo.store, sinks: [sink], clock: steppingClock(Date.parse('2026-11-23T10:10:00Z')), logger: quiet });
    const ids = receiver.received.map((r) => JSON.parse(r.body).id as string);
    expect(ids.filter((id) => id === event(2).id)).toHaveLength(2);
    expect(ids.filter((id) => id !== event(2).id).sort()).toEqual([event(1).id, event(3).id]);
    expect(await dynamo.store.listUndelivered()).toEqual([]);
  });
});
