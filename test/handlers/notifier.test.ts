import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import streamEvent from '../fixtures/events/dynamodb-stream-alert-insert.json' with { type: 'json' };
import { readWebhookSecret } from '../../lambdas/adapters/aws/secret-reader.js';
import { SnsAlertSink } from '../../lambdas/adapters/aws/sns-alert-sink.js';
import type { EmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { WebhookSink } from '../../lambdas/adapters/sinks/webhook-sink.js';
import { ALERT_SCHEMA, type AlertEvent } from '../../lambdas/core/alerts/alert-event.js';
import { makeHandler } from '../../lambdas/notifier/handler.js';
import { freshDynamo } from '../support/dynalite.js';
import { quiet, steppingClock } from '../support/monitor.js';
import { SINK_TIMEOUT_MS, startWebhookReceiver } from '../support/webhook-receiver.js';

const snsMock = mockClient(SNSClient);
const secretsMock = mockClient(SecretsManagerClient);
let dynamo: EmbeddedDynamo;
beforeEach(async () => {
  snsMock.reset();
  secretsMock.reset();
  dynamo = await freshDynamo();
});
afterEach(() => dynamo.close());

const event: AlertEvent = {
  schema: ALERT_SCHEMA,
  id: '0f5c3c1b8f2d4e7a9b6c1d2e3f4a5b6c',
  type: 'endpoint.new_unauthenticated',
  severity: 'high',
  runId: 'r1',
  at: '2026-11-23T12:00:00.000Z',
  endpoint: { ip: '127.0.0.4', port: 11434, tls: false, service: 'ollama', auth: 'none', version: '0.5.7', range: '127.0.0.0/24' },
  evidence: 'GET /api/tags -> 200 with 2 models',
};

describe('notifier handler', () => {
  it('delivers each outbox event to SNS (critical alone, the rest as a digest) and the webhook once, then nothing on a second wake-up', async () => {
    snsMock.on(PublishCommand).resolves({ MessageId: 'm-1' });
    const receiver = await startWebhookReceiver();
    const critical: AlertEvent = { ...event, id: 'c'.repeat(32), severity: 'critical', endpoint: { ...event.endpoint, ip: '127.0.0.5', service: 'jupyter', port: 8888 } as AlertEvent['endpoint'] };
    try {
      await dynamo.store.addAlert(event);
      await dynamo.store.addAlert(critical);
      const sinks = [new SnsAlertSink(new SNSClient({}), 'arn:aws:sns:eu-west-1:123456789012:alerts'), new WebhookSink(receiver.url, { timeoutMs: SINK_TIMEOUT_MS, userAgent: 't' })];
      const handler = makeHandler(async () => ({ outbox: dynamo.store, sinks, clock: steppingClock(), logger: quiet }));

      expect(await handler(streamEvent)).toEqual({ delivered: 2, deadLettered: 0 });
      expect(await handler(streamEvent)).toEqual({ delivered: 0, deadLettered: 0 });

      const publishes = snsMock.commandCalls(PublishCommand).map((c) => c.args[0].input);
      expect(publishes).toHaveLength(2);
      expect(publishes[0]?.Subject).toBe('[CRITICAL] New unauthenticated AI endpoint: jupyter http://127.0.0.5:8888');
      expect(publishes[0]?.MessageAttributes?.eventId?.StringValue).toBe(critical.id);
      expect(publishes[1]?.Subject).toBe('[HIGH] AI exposure digest: 1 new unauthenticated');
      expect(publishes[1]?.Message).toContain('1 critical alert of this run was sent on its own');
      expect(publishes[1]?.Message).toContain(event.id);
      expect(publishes[1]?.MessageAttributes?.type?.StringValue).toBe('digest');
      expect(receiver.received.map((r) => JSON.parse(r.body).id).sort()).toEqual([critical.id, event.id].sort());
    } finally {
      await receiver.close();
    }
  });

  it('keeps an event dead-lettered when SNS refuses it, and says so', async () => {
    snsMock.on(PublishCommand).rejects(Object.assign(new Error('boom'), { name: 'InternalErrorException' }));
    await dynamo.store.addAlert(event);
    const handler = makeHandler(async () => ({
      outbox: dynamo.store,
      sinks: [new SnsAlertSink(new SNSClient({}), 'arn:aws:sns:eu-west-1:123456789012:alerts')],
      clock: steppingClock(),
      logger: quiet,
      sleep: async () => undefined,
    }));
    expect(await handler({})).toEqual({ delivered: 0, deadLettered: 1 });
    const [item] = await dynamo.store.listUndelivered();
    expect(item?.state).toBe('dead');
    expect(item?.deliveries.sns?.error).toMatch(/SNS publish failed: InternalErrorException/);
  });

  it('reads the Slack URL from Secrets Manager, plain or as JSON, and refuses anything but https', async () => {
    secretsMock.on(GetSecretValueCommand, { SecretId: 'plain' }).resolves({ SecretString: 'https://hooks.slack.com/services/T0/B0/XYZ' });
    secretsMock.on(GetSecretValueCommand, { SecretId: 'json' }).resolves({ SecretString: '{"url":"https://hooks.slack.com/services/T0/B0/ABC"}' });
    secretsMock.on(GetSecretValueCommand, { SecretId: 'bad' }).resolves({ SecretString: 'http://hooks.example/insecure' });
    const client = new SecretsManagerClient({});
    expect(await readWebhookSecret(client, 'plain')).toBe('https://hooks.slack.com/services/T0/B0/XYZ');
    expect(await readWebhookSecret(client, 'json')).toBe('https://hooks.slack.com/services/T0/B0/ABC');
    await expect(readWebhookSecret(client, 'bad')).rejects.toThrow(/does not hold an https webhook URL/);
    await expect(readWebhookSecret(client, 'bad')).rejects.not.toThrow(/insecure/);
  });
});
