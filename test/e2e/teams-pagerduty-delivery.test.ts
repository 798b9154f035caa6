import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { PagerDutySink } from '../../lambdas/adapters/sinks/pagerduty-sink.js';
import { TeamsWebhookSink } from '../../lambdas/adapters/sinks/teams-webhook-sink.js';
import { ALERT_SCHEMA, type AlertEvent, type AlertType, type Severity } from '../../lambdas/core/alerts/alert-event.js';
import { deliverAlerts } from '../../lambdas/core/pipeline/deliver-alerts.js';
import type { AlertOutbox, AlertSink, Logger } from '../../lambdas/core/ports.js';
import { DEFAULT_ROUTE } from '../../lambdas/core/routing/route-table.js';
import { onRoute } from '../../lambdas/core/routing/routed-sink.js';
import { freshDynamo } from '../support/dynalite.js';
import { quiet, steppingClock } from '../support/monitor.js';
import { SINK_TIMEOUT_MS, startWebhookReceiver, timeoutOnFirstSend } from '../support/webhook-receiver.js';

// Receivers on 127.0.53.x; the endpoints in the events are data only and never contacted.
const TEAMS_HOST = '127.0.53.1';
const PAGERDUTY_HOST = '127.0.53.2';
const ROUTING_KEY = 'Rk0123456789abcdefSECRETxyzABCDE';

let dynamo: EmbeddedDynamo;
beforeEach(async () => {
  dynamo = await freshDynamo();
});
afterEach(() => dynamo.close());

function event(i: number, severity: Severity = 'critical', type: AlertType = 'endpoint.new_unauthenticated', extra: Partial<AlertEvent> = {}): AlertEvent {
  return {
    schema: ALERT_SCHEMA,
    id: `${type === 'endpoint.new_unauthenticated' ? 'n' : 'x'}${String(i).padStart(31, '0')}`,
    type,
    severity,
    runId: 'run-tp',
    at: '2026-11-23T10:00:00.000Z',
    endpoint: { ip: `127.5.0.${i}`, port: 11434, tls: false, service: 'ollama', auth: 'none', version: '0.5.1', range: '127.5.0.0/24' },
    evidence: `GET /api/tags -> 200 marker-${i}-end`,
    ...extra,
  };
}

const waits: number[] = [];
const recordWait = async (ms: number): Promise<void> => {
  waits.push(ms);
};

/** Sink options: a generous timeout, or (`firstSendTimeoutMs`) a short one for the first send only, whose receiver hangs. */
function sinkOptions<T extends object>(firstSendTimeoutMs: number | undefined, extra: T): T & { readonly timeoutMs: number; userAgent: string } {
  const rest = { ...extra, userAgent: 't' };
  return firstSendTimeoutMs === undefined ? { ...rest, timeoutMs: SINK_TIMEOUT_MS } : timeoutOnFirstSend(firstSendTimeoutMs, rest);
}

/** The two sinks under the same faults; `idsIn` reads which events a request carried. */
const SINKS = [
  {
    kind: 'Teams',
    host: TEAMS_HOST,
    make: (url: string, firstSendTimeoutMs?: number): AlertSink => new TeamsWebhookSink(url, sinkOptions(firstSendTimeoutMs, {})),
    idsIn: (body: string): string[] => [...body.matchAll(/event (n\d{31})/g)].map((m) => m[1] as string),
  },
  {
    kind: 'PagerDuty',
    host: PAGERDUTY_HOST,
    make: (url: string, firstSendTimeoutMs?: number): AlertSink => new PagerDutySink(ROUTING_KEY, sinkOptions(firstSendTimeoutMs, { url })),
    idsIn: (body: string): string[] => [(JSON.parse(body) as { dedup_key: string }).dedup_key],
  },
];

describe.each(SINKS)('$kind delivery under faults', ({ host, make, idsIn }) => {
  const deliver = (sink: AlertSink, outbox: AlertOutbox = dynamo.store, clock = steppingClock()) =>
    deliverAlerts({ outbox, runs: dynamo.store, sinks: [sink], clock, logger: quiet, sleep: recordWait });

  it('retries a 5xx and a 429 (honouring Retry-After) and delivers each event once', async () => {
    // 500, then 429 with Retry-After: 2, then 202 Accepted (what Teams Workflows and PagerDuty answer).
    const receiver = await startWebhookReceiver((n) => (n === 1 ? { status: 500 } : n === 2 ? { status: 429, headers: { 'retry-after': '2' } } : { status: 202 }), host);
    waits.length = 0;
    try {
      await dynamo.store.addAlert(event(1));
      await dynamo.store.addAlert(event(2));
      const report = await deliver(make(receiver.url));
      expect(report.delivered).toHaveLength(2);
      expect(waits).toEqual([500, 2000]);
      expect(receiver.attempts()).toBe(4);
      expect(receiver.received.flatMap((r) => idsIn(r.body)).sort()).toEqual([event(1).id, event(2).id]);
      expect(receiver.received.every((r) => r.headers['content-type'] === 'application/json')).toBe(true);
    } finally {
      await receiver.close();
    }
  });

  it('a receiver that never answers times out, is retried, and each event arrives once', async () => {
    const receiver = await startWebhookReceiver((n) => (n === 1 ? { status: 0 } : { status: 200 }), host);
    try {
      for (let i = 1; i <= 3; i++) await dynamo.store.addAlert(event(i));
      // Only the first send (the one that hangs) has a short timeout: see timeoutOnFirstSend.
      const report = await deliver(make(receiver.url, 300));
      expect(report.delivered).toHaveLength(3);
      expect(receiver.attempts()).toBe(4);
      expect(receiver.received.flatMap((r) => idsIn(r.body)).sort()).toEqual([event(1).id, event(2).id, event(3).id]);
    } finally {
      await receiver.close();
    }
  });

  it('a permanent 400 is not retried; the dead letter is delivered once when the receiver is fixed', async () => {
    let healthy = false;
    const receiver = await startWebhookReceiver(() => ({ status: healthy ? 202 : 400 }), host);
    waits.length = 0;
    try {
      await dynamo.store.addAlert(event(1));
      const sink = make(receiver.url);
      const first = await deliver(sink);
      expect(first.deadLettered.map((e) => e.id)).toEqual([event(1).id]);
      expect(receiver.attempts()).toBe(1);
      expect(waits).toEqual([]);
      const [dead] = await dynamo.store.listUndelivered();
      expect(dead?.state).toBe('dead');
      expect(dead?.deliveries[sink.name]?.error).toContain('-> 400');

      healthy = true;
      await deliver(sink);
      await deliver(sink);
      expect(receiver.received.flatMap((r) => idsIn(r.body))).toEqual([event(1).id]);
      expect(await dynamo.store.listUndelivered()).toEqual([]);
    } finally {
      await receiver.close();
    }
  });

  it('a crash between "sent" and "recorded" re-sends that one event only, under the same id', async () => {
    const receiver = await startWebhookReceiver(() => ({ status: 202 }), host);
    try {
      for (let i = 1; i <= 3; i++) await dynamo.store.addAlert(event(i));
      const sink = make(receiver.url);
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
      await expect(deliver(sink, dying, steppingClock(Date.parse('2026-11-23T10:00:00Z')))).rejects.toThrow('process died');
      // A restarted notifier, after the 2-minute lease of the dead one ran out.
      await deliver(sink, dynamo.store, steppingClock(Date.parse('2026-11-23T10:10:00Z')));
      const ids = receiver.received.flatMap((r) => idsIn(r.body));
      // The repeat carries the same id (PagerDuty: the same dedup_key, so the same incident).
      expect(ids.filter((id) => id === event(2).id)).toHaveLength(2);
      expect(ids.filter((id) => id !== event(2).id).sort()).toEqual([event(1).id, event(3).id]);
      expect(await dynamo.store.listUndelivered()).toEqual([]);
    } finally {
      await receiver.close();
    }
  });
});

describe('Teams digest delivery', () => {
  it('sends a run as numbered digest cards plus each critical event alone; a failing part is retried alone', async () => {
    // The second digest part fails once with 503.
    let calls = 0;
    const receiver = await startWebhookReceiver(() => (++calls === 3 ? { status: 503 } : { status: 202 }), TEAMS_HOST);
    try {
      for (let i = 1; i <= 60; i++) await dynamo.store.addAlert(event(i, 'high'));
      await dynamo.store.addAlert(event(61));
      const sink = new TeamsWebhookSink(receiver.url, { timeoutMs: SINK_TIMEOUT_MS, userAgent: 't' });
      const report = await deliverAlerts({ outbox: dynamo.store, runs: dynamo.store, sinks: [sink], clock: steppingClock(), logger: quiet, sleep: async () => undefined });
      expect(report.delivered).toHaveLength(61);
      const bodies = receiver.received.map((r) => r.body);
      const markers = (body: string): number[] => [...body.matchAll(/marker-(\d+)-end/g)].map((m) => Number(m[1]));
      expect(bodies).toHaveLength(4);
      expect(markers(bodies[0] as string)).toEqual([61]);
      expect(bodies.slice(1).flatMap(markers).sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
      expect(bodies.slice(1).map((b) => /part (\d) of 3/.exec(b)?.[1]).sort()).toEqual(['1', '2', '3']);
      expect(bodies.slice(1).map((b) => /events (\d+-\d+) of 60/.exec(b)?.[1]).sort()).toEqual(['1-25', '26-50', '51-60']);
      expect(bodies[1]).toContain('1 critical alert sent on its own');
      expect(receiver.attempts()).toBe(5);
      const again = await deliverAlerts({ outbox: dynamo.store, runs: dynamo.store, sinks: [sink], clock: steppingClock(), logger: quiet });
      expect(again.delivered).toEqual([]);
      expect(receiver.received).toHaveLength(4);
    } finally {
      await receiver.close();
    }
  });
});

describe('PagerDuty incidents', () => {
  // Unrouted, and on a route whose floor is critical: the `info` resolution must get through both.
  it.each([
    ['unrouted', (s: AlertSink) => s],
    ['on a route with floor critical', (s: AlertSink) => onRoute(s, DEFAULT_ROUTE, 'critical')],
  ])('%s: triggers on a critical event, resolves it when the endpoint is fixed, never pages for a high event', async (_, place) => {
    const receiver = await startWebhookReceiver(() => ({ status: 202 }), PAGERDUTY_HOST);
    try {
      const sink = place(new PagerDutySink(ROUTING_KEY, { timeoutMs: SINK_TIMEOUT_MS, userAgent: 'ai-exposure-monitor/test', url: receiver.url }));
      const opened = event(1);
      const high = event(2, 'high');
      await dynamo.store.addAlert(opened);
      await dynamo.store.addAlert(high);
      const first = await deliverAlerts({ outbox: dynamo.store, sinks: [sink], clock: steppingClock(), logger: quiet, sleep: recordWait });
      expect(first.delivered.map((e) => e.id).sort()).toEqual([opened.id, high.id]);
      const trigger = JSON.parse(receiver.received[0]?.body ?? '{}');
      expect(receiver.received).toHaveLength(1);
      expect(trigger).toMatchObject({ routing_key: ROUTING_KEY, event_action: 'trigger', dedup_key: opened.id, client: 'ai-exposure-monitor' });
      expect(trigger.payload).toMatchObject({ severity: 'critical', source: 'http://127.5.0.1:11434', class: 'endpoint.new_unauthenticated' });
      expect(receiver.received[0]?.headers['user-agent']).toBe('ai-exposure-monitor/test');
      // The high event is settled as delivered, though nothing was sent for it.
      const alerts = await dynamo.store.listAlerts(10);
      expect(alerts.find((a) => a.event.id === high.id)?.state).toBe('delivered');

      const fixed = event(1, 'info', 'endpoint.fixed', { runId: 'run-tp2', at: '2026-11-23T11:00:00.000Z', resolves: opened.id });
      await dynamo.store.addAlert(fixed);
      await deliverAlerts({ outbox: dynamo.store, sinks: [sink], clock: steppingClock(), logger: quiet, sleep: recordWait });
      expect(receiver.received).toHaveLength(2);
      expect(JSON.parse(receiver.received[1]?.body ?? '{}')).toEqual({ routing_key: ROUTING_KEY, event_action: 'resolve', dedup_key: opened.id });
      expect(await dynamo.store.listUndelivered()).toEqual([]);
    } finally {
      await receiver.close();
    }
  });

  it('never puts the routing key in a recorded error or a log line, even when the receiver echoes it', async () => {
    // A receiver that answers 400 with the request it got (as a misbehaving proxy might).
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        res.writeHead(400, { 'content-type': 'application/json' });
        // The key at the start and a piece of it across the 200-character cut of postJson.
        res.end(`${ROUTING_KEY} ${'.'.repeat(139)}${body}`);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, PAGERDUTY_HOST, () => resolve()));
    const url = `http://${PAGERDUTY_HOST}:${(server.address() as AddressInfo).port}/v2/enqueue`;
    const lines: string[] = [];
    const capture = (message: string, data?: Record<string, unknown>): void => {
      lines.push(`${message} ${JSON.stringify(data ?? {})}`);
    };
    const logger: Logger = { info: capture, warn: capture, error: capture };
    try {
      await dynamo.store.addAlert(event(1));
      const sink = new PagerDutySink(ROUTING_KEY, { timeoutMs: SINK_TIMEOUT_MS, userAgent: 't', url });
      const report = await deliverAlerts({ outbox: dynamo.store, sinks: [sink], clock: steppingClock(), logger, sleep: recordWait });
      expect(report.deadLettered).toHaveLength(1);
      const error = (await dynamo.store.listUndelivered())[0]?.deliveries[sink.name]?.error ?? '';
      expect(error).toContain('-> 400');
      expect(sink.name).toMatch(/^pagerduty-[0-9a-f]{8}$/);
      const everything = [error, sink.name, ...lines].join('\n');
      expect(everything).not.toContain('SECRET');
      for (let i = 0; i + 8 <= ROUTING_KEY.length; i++) expect(everything).not.toContain(ROUTING_KEY.slice(i, i + 8));
    } finally {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    }
  });
});
