import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { Agent, type Dispatcher, getGlobalDispatcher, setGlobalDispatcher } from 'undici';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { ALERT_SCHEMA, type AlertEvent, type Severity } from '../../lambdas/core/alerts/alert-event.js';
import type { Logger } from '../../lambdas/core/ports.js';
import { makeHandler, notifierSinks, regionalClients } from '../../lambdas/notifier/handler.js';
import { ENV } from '../../lambdas/shared/env.js';
import { freshDynamo } from '../support/dynalite.js';
import { quiet, steppingClock } from '../support/monitor.js';

// The notifier as deployed with routes: its environment as the stack writes it (secret names and
// topic ARNs only), Secrets Manager and SNS mocked, and the webhooks (which must be https) served
// by one TLS receiver on loopback with the fixtures' self-signed certificate.
const ALERT_TOPIC = 'arn:aws:sns:eu-west-1:111122223333:AiExposureMonitor-AlertTopic';
const PAYMENTS_TOPIC = 'arn:aws:sns:us-east-1:111122223333:payments-alerts';
const ROUTING_KEY = 'Rk0123456789abcdefSECRETxyzABCDE';

const env = {
  [ENV.STATE_TABLE_NAME]: 'state',
  [ENV.ALERT_TOPIC_ARN]: ALERT_TOPIC,
  [ENV.WEBHOOK_SECRET_ARN]: 'ops/webhook',
  [ENV.ROUTES_JSON]: JSON.stringify([
    {
      name: 'payments',
      floor: 'high',
      webhookSecrets: ['payments/webhook'],
      teamsWebhookSecrets: ['payments/teams'],
      pagerDutySecrets: ['payments/pagerduty'],
      emailTopicArns: [PAYMENTS_TOPIC],
    },
    { name: 'default', floor: 'low' },
  ]),
};

interface Received {
  readonly path: string;
  readonly body: string;
}
const received: Received[] = [];
let server: https.Server;
let base = '';
let previousDispatcher: Dispatcher;

beforeAll(async () => {
  const tls = path.resolve(import.meta.dirname, '..', 'fixtures', 'tls');
  server = https.createServer({ key: readFileSync(path.join(tls, 'loopback-key.pem')), cert: readFileSync(path.join(tls, 'loopback-cert.pem')) }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(202).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The receiver's certificate is self-signed: trust it for this file only.
  previousDispatcher = getGlobalDispatcher();
  setGlobalDispatcher(new Agent({ connect: { rejectUnauthorized: false } }));
});
afterAll(async () => {
  setGlobalDispatcher(previousDispatcher);
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const snsMock = mockClient(SNSClient);
const secretsMock = mockClient(SecretsManagerClient);
let dynamo: EmbeddedDynamo;
beforeEach(async () => {
  received.length = 0;
  snsMock.reset();
  secretsMock.reset();
  snsMock.on(PublishCommand).resolves({ MessageId: 'm' });
  const secrets: Record<string, string> = {
    'ops/webhook': `${base}/ops-webhook`,
    'payments/webhook': JSON.stringify({ url: `${base}/payments-webhook` }),
    'payments/teams': `${base}/payments-teams`,
    'payments/pagerduty': JSON.stringify({ routingKey: ROUTING_KEY, url: `${base}/pagerduty` }),
  };
  for (const [id, value] of Object.entries(secrets)) secretsMock.on(GetSecretValueCommand, { SecretId: id }).resolves({ SecretString: value });
  dynamo = await freshDynamo();
});
afterEach(() => dynamo.close());

function event(tag: string, severity: Severity, route?: string): AlertEvent {
  return {
    schema: ALERT_SCHEMA,
    id: tag.padEnd(32, '0'),
    type: 'endpoint.new_unauthenticated',
    severity,
    runId: 'run-routes',
    at: '2026-11-23T12:00:00.000Z',
    endpoint: { ip: '127.0.0.9', port: 11434, tls: false, service: 'ollama', auth: 'none', version: '0.5.7', range: '127.0.0.0/24' },
    evidence: `GET /api/tags -> 200 (${tag})`,
    ...(route ? { route } : {}),
  };
}

const ids = (p: string): string[] => received.filter((r) => r.path === `/${p}`).map((r) => (JSON.parse(r.body) as { id: string }).id).sort();
const published = (topic: string): string => snsMock.commandCalls(PublishCommand).filter((c) => c.args[0].input.TopicArn === topic).map((c) => c.args[0].input.Message).join('\n');

describe('notifier with routes (deps built from the environment)', () => {
  it('sends a route\'s events only to that route\'s destinations, and only at or above its floor', async () => {
    const high = event('a1', 'high', 'payments');
    const critical = event('a2', 'critical', 'payments');
    const belowFloor = event('a3', 'medium', 'payments');
    const unrouted = event('d1', 'low');
    const belowDefaultFloor = event('d2', 'info');
    const retired = event('d3', 'high', 'retired-route');
    const all = [high, critical, belowFloor, unrouted, belowDefaultFloor, retired];
    for (const e of all) await dynamo.store.addAlert(e);

    const warnings: string[] = [];
    const logger: Logger = { ...quiet, warn: (m) => void warnings.push(m) };
    const { sinks, routes } = await notifierSinks(env, regionalClients(), logger);
    expect([...routes].sort()).toEqual(['default', 'payments']);
    expect(sinks.map((s) => `${s.name.replace(/-[0-9a-f]{8}/, '-#')} ${s.route} ${s.floor}`).sort()).toEqual(
      ['sns default low', 'webhook-# default low', 'sns-#@payments payments high', 'webhook-#@payments payments high', 'teams-#@payments payments high', 'pagerduty-#@payments payments high'].sort(),
    );
    const handler = makeHandler(async () => ({ outbox: dynamo.store, sinks, routes, clock: steppingClock(), logger: quiet, sleep: async () => undefined }));

    // Every event is settled: the ones below every floor stay recorded without being sent.
    expect(await handler({})).toEqual({ delivered: all.length, deadLettered: 0 });

    // Route "payments": its webhook, Teams, email topic and (critical only) PagerDuty; never the medium one.
    expect(ids('payments-webhook')).toEqual([high.id, critical.id].sort());
    const teams = received.filter((r) => r.path === '/payments-teams').map((r) => r.body).join('\n');
    // (A Teams digest line shows the evidence, which carries each event's tag.)
    expect(teams).toContain('(a1');
    expect(teams).toContain(critical.id);
    expect(teams).not.toContain('(a3');
    const pagerduty = received.filter((r) => r.path === '/pagerduty').map((r) => JSON.parse(r.body) as { routing_key: string; dedup_key: string });
    expect(pagerduty.map((p) => p.dedup_key)).toEqual([critical.id]);
    expect(pagerduty[0]?.routing_key).toBe(ROUTING_KEY);
    const paymentsMail = published(PAYMENTS_TOPIC);
    expect(paymentsMail).toContain(high.id);
    expect(paymentsMail).toContain(critical.id);
    expect(paymentsMail).not.toContain(belowFloor.id);

    // The default route: unrouted events and events of a route no longer configured, at or above "low".
    expect(ids('ops-webhook')).toEqual([unrouted.id, retired.id].sort());
    const defaultMail = published(ALERT_TOPIC);
    expect(defaultMail).toContain(unrouted.id);
    expect(defaultMail).toContain(retired.id);
    for (const other of [high, critical, belowFloor, belowDefaultFloor]) expect(defaultMail).not.toContain(other.id);
    expect(JSON.stringify(received.filter((r) => r.path === '/ops-webhook'))).not.toContain('"route":"payments"');

    // A topic in another region is published to through a client of that region.
    const paymentsCalls = snsMock.commandCalls(PublishCommand).filter((c) => c.args[0].input.TopicArn === PAYMENTS_TOPIC);
    expect(paymentsCalls.length).toBeGreaterThan(0);
    for (const call of paymentsCalls) expect(await (call.thisValue as SNSClient).config.region()).toBe('us-east-1');

    // Each secret was read once, and nothing was sent twice on a second wake-up.
    expect(secretsMock.commandCalls(GetSecretValueCommand).map((c) => c.args[0].input.SecretId).sort()).toEqual(['ops/webhook', 'payments/pagerduty', 'payments/teams', 'payments/webhook']);
    const before = received.length;
    expect(await handler({})).toEqual({ delivered: 0, deadLettered: 0 });
    expect(received.length).toBe(before);
    expect(warnings).toEqual([]);
  });

  it('keeps the plain names of the default route\'s destinations, so existing delivery records stay valid', async () => {
    const { sinks } = await notifierSinks({ [ENV.STATE_TABLE_NAME]: 'state', [ENV.ALERT_TOPIC_ARN]: ALERT_TOPIC, [ENV.WEBHOOK_SECRET_ARN]: 'ops/webhook' }, regionalClients(), quiet);
    expect(sinks.map((s) => s.name)).toEqual(['sns', expect.stringMatching(/^webhook-[0-9a-f]{8}$/)]);
    expect(sinks.every((s) => s.route === 'default' && s.floor === 'info')).toBe(true);
  });

  it('sends a destination listed twice (the same URL in two secrets) once, and says so', async () => {
    secretsMock.on(GetSecretValueCommand, { SecretId: 'ops/webhook-copy' }).resolves({ SecretString: `${base}/ops-webhook` });
    const warnings: unknown[] = [];
    const { sinks } = await notifierSinks(
      { ...env, [ENV.ROUTES_JSON]: JSON.stringify([{ name: 'default', floor: 'info', webhookSecrets: ['ops/webhook-copy'] }]) },
      regionalClients(),
      { ...quiet, warn: (m, d) => void warnings.push([m, d]) },
    );
    expect(sinks.filter((s) => s.name.startsWith('webhook-'))).toHaveLength(1);
    expect(warnings).toEqual([['duplicate alert destination ignored', { sink: expect.stringMatching(/^webhook-[0-9a-f]{8}$/) }]]);
  });

  it('fails the cold start on an unreadable PagerDuty secret without showing its value', async () => {
    secretsMock.on(GetSecretValueCommand, { SecretId: 'payments/pagerduty' }).resolves({ SecretString: '{"routingKey": "short", "note": "SECRET-VALUE"}' });
    await expect(notifierSinks(env, regionalClients(), quiet)).rejects.toThrow(/secret payments\/pagerduty does not hold a PagerDuty routing key/);
    secretsMock.on(GetSecretValueCommand, { SecretId: 'payments/pagerduty' }).resolves({ SecretString: '{routingKey: SECRET-VALUE}' });
    const message = await notifierSinks(env, regionalClients(), quiet).then(
      () => 'no error',
      (e: unknown) => (e as Error).message,
    );
    expect(message).toMatch(/secret payments\/pagerduty starts with "\{" but is not a JSON object/);
    expect(message).not.toContain('SECRET-VALUE');
  });

  it('refuses a bad ROUTES_JSON at cold start, naming the variable and the key', async () => {
    await expect(notifierSinks({ ...env, [ENV.ROUTES_JSON]: '[{"name":"payments","floor":"urgent"}]' }, regionalClients(), quiet)).rejects.toThrow(
      'environment variable ROUTES_JSON="[{\"name\":\"payments\",\"floor\":\"urgent\"}]": routes[0].floor: one of info, low, medium, high, critical; got "urgent"',
    );
  });
});
