import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackWebhookSink } from '../../lambdas/adapters/sinks/slack-webhook-sink.js';
import { main } from '../../lambdas/cli/main.js';
import { ALERT_SCHEMA } from '../../lambdas/core/alerts/alert-event.js';
import { Fleet, loadFixture } from '../../lambdas/local/fixture-fleet.js';
import { makeHandler } from '../../lambdas/notifier/handler.js';
import { lambdaLogger } from '../../lambdas/shared/lambda-logger.js';
import { captureIo } from '../support/capture-io.js';
import { freshDynamo } from '../support/dynalite.js';
import { steppingClock } from '../support/monitor.js';
import { SINK_TIMEOUT_MS, startWebhookReceiver } from '../support/webhook-receiver.js';

// A failing Slack receiver on loopback whose URL path is the secret; servers on 127.0.87.x.
const SECRET = 'T0SECRET/B0SECRET/xoxbSecretToken1234567890';
const fleet = new Fleet();
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let slackUrl: string;
let port: number;
beforeAll(async () => {
  receiver = await startWebhookReceiver(() => ({ status: 500 }), '127.0.87.1');
  slackUrl = receiver.url.replace('/hooks/secret-token-path', `/services/${SECRET}`);
  port = (await fleet.start({ host: '127.0.87.5', port: 0, fixture: loadFixture('ollama', 'none') })).member.port;
});
afterAll(async () => {
  await receiver.close();
  await fleet.close();
});

describe('the Slack webhook URL never reaches output or logs', () => {
  it('CLI run with a failing Slack webhook names the failure but not the URL', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'em-secret-'));
    try {
      const io = captureIo();
      expect(await main(['ranges', 'add', '127.0.87.0/29', '--ports', String(port), '--state-dir', dir], io)).toBe(0);
      const code = await main(['run', '--slack-webhook', slackUrl, '--state-dir', dir], io);
      expect(code).toBe(1);
      const findings = captureIo();
      await main(['findings', '--state-dir', dir], findings);
      const everything = [...io.stdout, ...io.stderr, ...findings.stdout, ...findings.stderr].join('\n');
      expect(everything).toContain('-> 500');
      expect(everything).toContain('127.0.87.1');
      expect(everything).not.toContain('SECRET');
      expect(everything).not.toContain('xoxb');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the notifier logs (Powertools JSON) of a failing delivery do not contain it', async () => {
    const dynamo = await freshDynamo();
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    const writeErr = process.stderr.write.bind(process.stderr);
    const spy = (chunk: string | Uint8Array): boolean => {
      lines.push(String(chunk));
      return true;
    };
    try {
      await dynamo.store.addAlert({
        schema: ALERT_SCHEMA,
        id: 'a'.repeat(32),
        type: 'endpoint.new_unauthenticated',
        severity: 'critical',
        runId: 'r',
        at: '2026-11-23T10:00:00.000Z',
        evidence: 'x',
      });
      process.stdout.write = spy as typeof process.stdout.write;
      process.stderr.write = spy as typeof process.stderr.write;
      const handler = makeHandler(async () => ({
        outbox: dynamo.store,
        sinks: [new SlackWebhookSink(slackUrl, { timeoutMs: SINK_TIMEOUT_MS, userAgent: 't' })],
        clock: steppingClock(),
        logger: lambdaLogger('notifier'),
        sleep: async () => undefined,
      }));
      expect(await handler({})).toEqual({ delivered: 0, deadLettered: 1 });
    } finally {
      process.stdout.write = write;
      process.stderr.write = writeErr;
      await dynamo.close();
    }
    const logs = lines.join('');
    expect(logs).toContain('alert delivery failed');
    expect(logs).not.toContain('SECRET');
  });
});
