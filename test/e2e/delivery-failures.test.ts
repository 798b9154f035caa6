import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { WebhookSink } from '../../lambdas/adapters/sinks/webhook-sink.js';
import { TerminalSink } from '../../lambdas/adapters/sinks/terminal-sink.js';
import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.js';
import { Fleet, loadFixture } from '../../lambdas/local/fixture-fleet.js';
import { runLocalCycle } from '../../lambdas/local/run-local-cycle.js';
import { freshDynamo } from '../support/dynalite.js';
import { quiet, steppingClock, testCatalog, testProbe, testSettings } from '../support/monitor.js';
import { SINK_TIMEOUT_MS, startWebhookReceiver } from '../support/webhook-receiver.js';

// Servers on 127.0.51.x.
const fleet = new Fleet();
let port: number;
beforeAll(async () => {
  port = (await fleet.start({ host: '127.0.51.9', port: 0, fixture: loadFixture('ollama', 'none') })).member.port;
});
afterAll(() => fleet.close());
let dynamo: EmbeddedDynamo;
beforeEach(async () => {
  dynamo = await freshDynamo();
  await dynamo.store.putRangeRow({ cidr: '127.0.51.0/28', ports: [port] });
});
afterEach(() => dynamo.close());

const waits: number[] = [];
const recordWait = async (ms: number) => {
  waits.push(ms);
};

describe('alert delivery when a sink fails', () => {
  it('retries a failing webhook, honours Retry-After, and delivers once when it recovers', async () => {
    // 500, then 429 with Retry-After: 2, then success.
    const receiver = await startWebhookReceiver((n) => (n === 1 ? { status: 500 } : n === 2 ? { status: 429, headers: { 'retry-after': '2' } } : { status: 200 }));
    waits.length = 0;
    try {
      const clock = steppingClock();
      const sinks = [new WebhookSink(receiver.url, { timeoutMs: SINK_TIMEOUT_MS, userAgent: 'test' })];
      const result = await runLocalCycle({ store: dynamo.store, settings: testSettings([port]), probe: testProbe, catalog: testCatalog, sinks, clock, logger: quiet, sleep: recordWait });
      expect(result.delivery.delivered).toHaveLength(1);
      expect(receiver.attempts()).toBe(3);
      expect(receiver.received).toHaveLength(1);
      expect(waits).toEqual([500, 2000]);
      const body = JSON.parse(receiver.received[0]?.body ?? '{}') as AlertEvent;
      expect(body.type).toBe('endpoint.new_unauthenticated');
    } finally {
      await receiver.close();
    }
  });

  it('dead-letters after the last retry, shows it, and delivers it exactly once on a later cycle', async () => {
    let healthy = false;
    const receiver = await startWebhookReceiver(() => ({ status: healthy ? 200 : 503 }));
    try {
      const clock = steppingClock();
      const terminal = new TerminalSink();
      const sinks = [terminal, new WebhookSink(receiver.url, { timeoutMs: SINK_TIMEOUT_MS, userAgent: 'test' })];
      const deps = { store: dynamo.store, settings: testSettings([port]), probe: testProbe, catalog: testCatalog, sinks, clock, logger: quiet, sleep: recordWait };
      const first = await runLocalCycle(deps);
      expect(first.delivery.deadLettered.map((e) => e.type)).toEqual(['endpoint.new_unauthenticated']);
      expect(receiver.received).toHaveLength(0);
      const undelivered = await dynamo.store.listUndelivered();
      expect(undelivered.map((u) => u.state)).toEqual(['dead']);
      expect(Object.values(undelivered[0]?.deliveries ?? {}).map((d) => d.status).sort()).toEqual(['delivered', 'failed']);

      healthy = true;
      const second = await runLocalCycle(deps);
      expect(second.events).toEqual([]);
      expect(receiver.received).toHaveLength(1);
      expect(terminal.events).toHaveLength(1);
      expect(await dynamo.store.listUndelivered()).toEqual([]);
      await runLocalCycle(deps);
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });
});

describe('alert delivery when the configured sinks change', () => {
  it('a sink down for a run, the next run without it, a later run with it back: the alert arrives once', async () => {
    let healthy = false;
    const receiver = await startWebhookReceiver(() => ({ status: healthy ? 200 : 503 }));
    try {
      const clock = steppingClock();
      const base = { store: dynamo.store, settings: testSettings([port]), probe: testProbe, catalog: testCatalog, clock, logger: quiet, sleep: recordWait };
      const webhook = () => new WebhookSink(receiver.url, { timeoutMs: 2_000, userAgent: 'test' });

      const first = await runLocalCycle({ ...base, sinks: [new TerminalSink(), webhook()] });
      expect(first.delivery.deadLettered.map((e) => e.type)).toEqual(['endpoint.new_unauthenticated']);

      // The next run names only the terminal: the webhook still owes the alert; nothing settles it.
      const second = await runLocalCycle({ ...base, sinks: [new TerminalSink()] });
      expect(second.delivery.delivered).toEqual([]);
      expect(second.delivery.waitingForSink.map((w) => [w.event.type, w.sinks])).toEqual([['endpoint.new_unauthenticated', [webhook().name]]]);
      expect((await dynamo.store.listUndelivered()).map((u) => u.state)).toEqual(['dead']);

      healthy = true;
      const third = await runLocalCycle({ ...base, sinks: [new TerminalSink(), webhook()] });
      expect(third.delivery.delivered.map((e) => e.type)).toEqual(['endpoint.new_unauthenticated']);
      expect(receiver.received).toHaveLength(1);
      expect(await dynamo.store.listUndelivered()).toEqual([]);
    } finally {
      await receiver.close();
    }
  });
});
