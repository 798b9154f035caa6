import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { ALERT_SCHEMA, type AlertEvent } from '../../lambdas/core/alerts/alert-event.js';
import { type DigestContext, renderEmailDigest, renderSlackDigest } from '../../lambdas/core/alerts/render-digest.js';
import { renderTeamsDigest } from '../../lambdas/core/alerts/render-teams.js';
import { deliverAlerts } from '../../lambdas/core/pipeline/deliver-alerts.js';
import type { AlertSink } from '../../lambdas/core/ports.js';
import { freshDynamo } from '../support/dynalite.js';
import { quiet, steppingClock } from '../support/monitor.js';

const event = (i: number, runId: string): AlertEvent => ({
  schema: ALERT_SCHEMA,
  id: `l${runId}${String(i).padStart(28, '0')}`,
  type: 'endpoint.new_unauthenticated',
  severity: 'high',
  runId,
  at: '2026-11-23T10:00:00.000Z',
  endpoint: { ip: `127.6.0.${i}`, port: 8000, tls: false, service: 'vllm', auth: 'none', version: null, range: '127.6.0.0/24' },
  evidence: 'x',
});

class Digests implements AlertSink {
  readonly contexts: DigestContext[] = [];
  constructor(readonly name: string) {}
  async send(): Promise<void> {}
  async sendDigest(_events: readonly AlertEvent[], ctx: DigestContext): Promise<void> {
    this.contexts.push(ctx);
  }
}

let dynamo: EmbeddedDynamo;
beforeEach(async () => {
  dynamo = await freshDynamo();
});
afterEach(() => dynamo.close());

describe('the report link in digests', () => {
  it('is made once per run however many sinks send its digest, and a failure only leaves it out', async () => {
    for (const e of [event(1, 'r1'), event(2, 'r1'), event(3, 'r2')]) await dynamo.store.addAlert(e);
    const asked: string[] = [];
    const reportLink = async (runId: string) => {
      asked.push(runId);
      if (runId === 'r2') throw new Error('bucket unavailable');
      return { url: `https://reports.example.test/${runId}.html?X-Amz-Signature=abc`, validHours: 12 };
    };
    const a = new Digests('a');
    const b = new Digests('b');
    const report = await deliverAlerts({ outbox: dynamo.store, sinks: [a, b], clock: steppingClock(), logger: quiet, reportLink });
    expect(report.delivered).toHaveLength(3);
    expect(asked.sort()).toEqual(['r1', 'r2']);
    const byRun = (s: Digests) => Object.fromEntries(s.contexts.map((c) => [c.runId, c.reportUrl]));
    expect(byRun(a)).toEqual({ r1: 'https://reports.example.test/r1.html?X-Amz-Signature=abc', r2: undefined });
    expect(byRun(b)).toEqual(byRun(a));
  });

  it('is rendered in the Slack, Teams and email digests, and only an https link becomes a link', () => {
    const ctx: DigestContext = { runId: 'r1', reportUrl: 'https://reports.example.test/r1.html', reportValidHours: 12 };
    expect(JSON.stringify(renderSlackDigest([event(1, 'r1')], ctx))).toContain('<https://reports.example.test/r1.html|Open the report> (link valid for up to 12 h)');
    expect(JSON.stringify(renderTeamsDigest([event(1, 'r1')], ctx))).toContain('[Open the report](https://reports.example.test/r1.html)');
    expect(renderEmailDigest([event(1, 'r1')], ctx)[0]?.body).toContain('Report (link valid for up to 12 h): https://reports.example.test/r1.html');
    const odd: DigestContext = { runId: 'r1', reportUrl: 'javascript:alert(1)' };
    expect(JSON.stringify(renderSlackDigest([event(1, 'r1')], odd))).not.toContain('javascript:');
    expect(JSON.stringify(renderTeamsDigest([event(1, 'r1')], odd))).not.toContain('javascript:');
  });
});
