import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { type AwsClientStub, mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { SlackWebhookSink } from '../../lambdas/adapters/sinks/slack-webhook-sink.js';
import { ALERT_SCHEMA, type AlertEvent } from '../../lambdas/core/alerts/alert-event.js';
import { makeHandler, reportLinkFrom } from '../../lambdas/notifier/handler.js';
import { ConfigError } from '../../lambdas/shared/config.js';
import { ENV } from '../../lambdas/shared/env.js';
import { freshDynamo } from '../support/dynalite.js';
import { quiet, steppingClock } from '../support/monitor.js';
import { SINK_TIMEOUT_MS, startWebhookReceiver } from '../support/webhook-receiver.js';

// The notifier with reports on, as the stack configures it (REPORT_BUCKET, REPORT_LINK_HOURS):
// the report is generated from the state table (dynalite), put to S3 (mocked client) and
// presigned for real (static fake credentials: local, no request); the Slack digest, posted to a
// loopback receiver, carries the link.
const BUCKET = 'acme-exposure-reports';
const RUN_ID = '20261123T100000Z-3f9a';
const env = { [ENV.STATE_TABLE_NAME]: 'state', [ENV.REPORT_BUCKET]: BUCKET, [ENV.REPORT_LINK_HOURS]: '6' };

const event = (runId: string): AlertEvent => ({
  schema: ALERT_SCHEMA,
  id: `a${runId.replace(/[^0-9a-f]/g, '')}`.padEnd(32, '0').slice(0, 32),
  type: 'endpoint.new_unauthenticated',
  severity: 'high',
  runId,
  at: '2026-11-23T10:04:00.000Z',
  endpoint: { ip: '127.0.0.9', port: 11434, tls: false, service: 'ollama', auth: 'none', version: '0.5.7', range: '127.0.0.0/24' },
  evidence: 'GET /api/tags -> 200 with 2 models',
});

let dynamo: EmbeddedDynamo;
let s3: S3Client;
let s3Mock: AwsClientStub<S3Client>;
beforeEach(async () => {
  dynamo = await freshDynamo();
  s3 = new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } });
  s3Mock = mockClient(s3);
  s3Mock.on(PutObjectCommand).resolves({});
});
afterEach(() => dynamo.close());

/** The link of the "Open the report" element of a Slack digest, if any. */
function slackReportLink(body: string): string | undefined {
  return /<(https:\/\/[^|>"\s]+)\|Open the report>/.exec(body)?.[1];
}

describe('notifier with reports on', () => {
  it('writes the run report to reports/<runId>.html and links it, presigned, in the Slack digest', async () => {
    const receiver = await startWebhookReceiver();
    try {
      await dynamo.store.addAlert(event(RUN_ID));
      const clock = steppingClock();
      const reportLink = reportLinkFrom(env, dynamo.store, clock, s3);
      expect(reportLink).toBeDefined();
      const sinks = [new SlackWebhookSink(receiver.url, { timeoutMs: SINK_TIMEOUT_MS, userAgent: 't' })];
      const handler = makeHandler(async () => ({ outbox: dynamo.store, sinks, clock, logger: quiet, ...(reportLink ? { reportLink } : {}) }));

      expect(await handler({})).toEqual({ delivered: 1, deadLettered: 0 });

      const puts = s3Mock.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
      expect(puts).toHaveLength(1);
      expect(puts[0]).toMatchObject({ Bucket: BUCKET, Key: `reports/${RUN_ID}.html`, ContentType: 'text/html; charset=utf-8' });
      expect(String(puts[0]?.Body)).toMatch(/^<!doctype html>/i);

      expect(receiver.received).toHaveLength(1);
      const link = slackReportLink(receiver.received[0]?.body ?? '');
      expect(link).toBeDefined();
      const url = new URL(link as string);
      expect(url.host).toBe(`${BUCKET}.s3.eu-west-1.amazonaws.com`);
      expect(url.pathname).toBe(`/reports/${RUN_ID}.html`);
      expect(url.searchParams.get('X-Amz-Expires')).toBe(String(6 * 3600));
      expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await receiver.close();
    }
  });

  it('sends the digest without a link, and writes nothing, for a run id that cannot be a key', async () => {
    const receiver = await startWebhookReceiver();
    try {
      await dynamo.store.addAlert(event('../../r1'));
      const clock = steppingClock();
      const reportLink = reportLinkFrom(env, dynamo.store, clock, s3);
      const sinks = [new SlackWebhookSink(receiver.url, { timeoutMs: SINK_TIMEOUT_MS, userAgent: 't' })];
      const handler = makeHandler(async () => ({ outbox: dynamo.store, sinks, clock, logger: quiet, ...(reportLink ? { reportLink } : {}) }));

      expect(await handler({})).toEqual({ delivered: 1, deadLettered: 0 });
      expect(s3Mock.calls()).toHaveLength(0);
      expect(receiver.received).toHaveLength(1);
      expect(slackReportLink(receiver.received[0]?.body ?? '')).toBeUndefined();
    } finally {
      await receiver.close();
    }
  });

  it('is off without REPORT_BUCKET, and refuses a bad bucket name or link lifetime', () => {
    expect(reportLinkFrom({ [ENV.STATE_TABLE_NAME]: 'state' }, dynamo.store, steppingClock(), s3)).toBeUndefined();
    expect(reportLinkFrom({ [ENV.REPORT_BUCKET]: ' ' }, dynamo.store, steppingClock(), s3)).toBeUndefined();
    expect(() => reportLinkFrom({ ...env, [ENV.REPORT_LINK_HOURS]: '13' }, dynamo.store, steppingClock(), s3)).toThrow(ConfigError);
    expect(() => reportLinkFrom({ ...env, [ENV.REPORT_LINK_HOURS]: '13' }, dynamo.store, steppingClock(), s3)).toThrow(/REPORT_LINK_HOURS="13" must be a whole number from 1 to 12/);
    expect(() => reportLinkFrom({ ...env, [ENV.REPORT_BUCKET]: 'Bad_Bucket/x' }, dynamo.store, steppingClock(), s3)).toThrow(/REPORT_BUCKET="Bad_Bucket\/x" must be an S3 bucket name/);
  });
});
