import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { SlackWebhookSink } from '../../lambdas/adapters/sinks/slack-webhook-sink.js';
import { ALERT_SCHEMA, type AlertEvent } from '../../lambdas/core/alerts/alert-event.js';
import { deliverAlerts } from '../../lambdas/core/pipeline/deliver-alerts.js';
import { freshDynamo } from '../support/dynalite.js';
import { quiet, steppingClock } from '../support/monitor.js';
import { SINK_TIMEOUT_MS, startWebhookReceiver } from '../support/webhook-receiver.js';

let dynamo: EmbeddedDynamo;
beforeEach(async () => {
  dynamo = await freshDynamo();
});
afterEach(() => dynamo.close());

const event = (i: number, severity: AlertEvent['severity'] = 'high'): AlertEvent => ({
  schema: ALERT_SCHEMA,
  id: `e${String(i).padStart(31, '0')}`,
  type: 'endpoint.new_unauthenticated',
  severity,
  runId: 'run-d',
  at: '2026-11-23T10:00:00.000Z',
  endpoint: { ip: `127.2.${Math.floor(i / 250)}.${(i % 250) + 1}`, port: 8000, tls: false, service: 'vllm', auth: 'none', version: null, range: '127.2.0.0/16' },
  evidence: `GET /v1/models -> 200 marker-${i}-end`,
});

const markers = (body: string): number[] => [...body.matchAll(/marker-(\d+)-end/g)].map((m) => Number(m[1]));

describe('Slack digest delivery', () => {
  it('sends 100 events as 3 digest parts plus each critical event alone; a failing part is retried alone; nothing twice', async () => {
    // Part 2 fails once with 503, then everything succeeds.
    let calls = 0;
    const receiver = await startWebhookReceiver(() => (++calls === 3 ? { status: 503 } : { status: 200 }));
    try {
      for (let i = 0; i < 100; i++) await dynamo.store.addAlert(event(i));
      await dynamo.store.addAlert(event(100, 'critical'));
      const sink = new SlackWebhookSink(receiver.url, { timeoutMs: SINK_TIMEOUT_MS, userAgent: 't' });
      const report = await deliverAlerts({ outbox: dynamo.store, runs: dynamo.store, sinks: [sink], clock: steppingClock(), logger: quiet, sleep: async () => undefined });
      expect(report.delivered).toHaveLength(101);
      const bodies = receiver.received.map((r) => r.body);
      expect(bodies).toHaveLength(4);
      expect(bodies[0]).toContain('New unauthenticated AI endpoint');
      expect(markers(bodies[0] as string)).toEqual([100]);
      const digested = bodies.slice(1).flatMap(markers);
      expect(digested.sort((a, b) => a - b)).toEqual([...Array(100).keys()]);
      expect(bodies.slice(1).map((b) => /part (\d) of 3/.exec(b)?.[1]).sort()).toEqual(['1', '2', '3']);
      expect(receiver.attempts()).toBe(5);
      const again = await deliverAlerts({ outbox: dynamo.store, runs: dynamo.store, sinks: [sink], clock: steppingClock(), logger: quiet });
      expect(again.delivered).toEqual([]);
      expect(receiver.received).toHaveLength(4);
    } finally {
      await receiver.close();
    }
  });

  it('holds a digest until its run is closed, but sends critical events at once', async () => {
    const receiver = await startWebhookReceiver();
    try {
      await dynamo.store.createRun({ runId: 'run-d', startedAt: '2026-11-23T10:00:00.000Z', status: 'running', ranges: [], blockSize: 256, blocksTotal: 2, blocksDone: 0 });
      await dynamo.store.addAlert(event(1));
      await dynamo.store.addAlert(event(2, 'critical'));
      const deps = { outbox: dynamo.store, runs: dynamo.store, sinks: [new SlackWebhookSink(receiver.url, { timeoutMs: SINK_TIMEOUT_MS, userAgent: 't' })], clock: steppingClock(), logger: quiet };
      await deliverAlerts(deps);
      expect(receiver.received.map((r) => markers(r.body))).toEqual([[2]]);
      await dynamo.store.closeRun('run-d', 'complete', '2026-11-23T10:05:00.000Z');
      await deliverAlerts(deps);
      expect(receiver.received.map((r) => markers(r.body))).toEqual([[2], [1]]);
      expect(await dynamo.store.listUndelivered()).toEqual([]);
    } finally {
      await receiver.close();
    }
  });
});
