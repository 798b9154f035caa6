// New outbox items (DynamoDB stream) or the retry schedule -> deliverAlerts (core) -> SNS, Slack, webhook.
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { readWebhookSecret } from '../adapters/aws/secret-reader.js';
import { SnsAlertSink } from '../adapters/aws/sns-alert-sink.js';
import { SlackWebhookSink } from '../adapters/sinks/slack-webhook-sink.js';
import { WebhookSink } from '../adapters/sinks/webhook-sink.js';
import { type DeliveryReport, deliverAlerts } from '../core/pipeline/deliver-alerts.js';
import { type Clock, systemClock } from '../core/pipeline/monitor-settings.js';
import type { AlertOutbox, AlertSink, Logger, RunStore } from '../core/ports.js';
import { DEFAULT_PROBE_OPTIONS } from '../core/probing/probe-targets.js';
import { awsStateStore } from '../shared/aws-stores.js';
import { optionalEnv, requiredEnv } from '../shared/config.js';
import { ENV } from '../shared/env.js';
import { lambdaLogger } from '../shared/lambda-logger.js';
import { countMetric, lambdaMetrics } from '../shared/metrics.js';

export interface NotifierDeps {
  readonly outbox: AlertOutbox;
  /** Digests wait for their run to close. */
  readonly runs?: Pick<RunStore, 'getRun'>;
  readonly sinks: readonly AlertSink[];
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics?: Metrics;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** The event is only a wake-up call: the outbox, not the event, says what to deliver. */
export const makeHandler =
  (getDeps: () => Promise<NotifierDeps>) =>
  async (_event: unknown): Promise<{ delivered: number; deadLettered: number }> => {
    const deps = await getDeps();
    const report: DeliveryReport = await deliverAlerts(deps);
    if (deps.metrics) {
      countMetric(deps.metrics, 'AlertsSent', report.delivered.length);
      countMetric(deps.metrics, 'AlertsDeadLettered', report.deadLettered.length);
      deps.metrics.publishStoredMetrics();
    }
    return { delivered: report.delivered.length, deadLettered: report.deadLettered.length };
  };

let deps: Promise<NotifierDeps> | undefined;
async function buildAwsDeps(): Promise<NotifierDeps> {
  const env = process.env;
  const sinks: AlertSink[] = [new SnsAlertSink(new SNSClient({}), requiredEnv(env, ENV.ALERT_TOPIC_ARN))];
  const secrets = new SecretsManagerClient({});
  const options = { timeoutMs: 10_000, userAgent: DEFAULT_PROBE_OPTIONS.userAgent };
  // Webhook URLs are read once per cold start and live only in memory; never in env or logs.
  const slackSecret = optionalEnv(env, ENV.SLACK_WEBHOOK_SECRET_ARN);
  if (slackSecret) sinks.push(new SlackWebhookSink(await readWebhookSecret(secrets, slackSecret), options));
  const webhookSecret = optionalEnv(env, ENV.WEBHOOK_SECRET_ARN);
  if (webhookSecret) sinks.push(new WebhookSink(await readWebhookSecret(secrets, webhookSecret), options));
  const store = awsStateStore(env);
  return { outbox: store, runs: store, sinks, clock: systemClock, logger: lambdaLogger('notifier'), metrics: lambdaMetrics('notifier') };
}

export const handler = makeHandler(() => {
  deps ??= buildAwsDeps().catch((err: unknown) => {
    deps = undefined; // a failed cold start (e.g. secret not readable yet) is retried next time
    throw err;
  });
  return deps;
});
