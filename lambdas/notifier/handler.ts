// New outbox items (DynamoDB stream) or the retry schedule -> deliverAlerts (core) -> each route's
// destinations: SNS topics (email), Slack, Teams, PagerDuty and generic webhooks. With reports on,
// each run's digests link its HTML report (private S3 bucket, presigned URL).
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { reportKey, S3ReportStore } from '../adapters/aws/s3-report-store.js';
import { readPagerDutySecret, readWebhookSecret } from '../adapters/aws/secret-reader.js';
import { SnsAlertSink, topicSinkName } from '../adapters/aws/sns-alert-sink.js';
import { routeSinks } from '../adapters/sinks/route-sinks.js';
import { catalog } from '../core/fingerprint/catalog/index.js';
import { type DeliveryReport, deliverAlerts, type ReportLink } from '../core/pipeline/deliver-alerts.js';
import { type Clock, systemClock } from '../core/pipeline/monitor-settings.js';
import type { AlertOutbox, AlertSink, Logger, RunStore, StateStore } from '../core/ports.js';
import { DEFAULT_PROBE_OPTIONS } from '../core/probing/probe-targets.js';
import { generateReport } from '../core/report/generate-report.js';
import { DEFAULT_ROUTE } from '../core/routing/route-table.js';
import { onRoute } from '../core/routing/routed-sink.js';
import { awsStateStore } from '../shared/aws-stores.js';
import { loadReportSettings, loadRoutes, optionalEnv, requiredEnv } from '../shared/config.js';
import { ENV } from '../shared/env.js';
import { lambdaLogger } from '../shared/lambda-logger.js';
import { countMetric, lambdaMetrics } from '../shared/metrics.js';
import { type AwsRouteSpec, withDefaultRoute } from '../shared/route-config.js';

export interface NotifierDeps {
  readonly outbox: AlertOutbox;
  /** Digests wait for their run to close. */
  readonly runs?: Pick<RunStore, 'getRun'>;
  readonly sinks: readonly AlertSink[];
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics?: Metrics;
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * The configured routes (names). An event naming a route not in this set goes to the default
   * route. Absent: every route an event names is taken as configured.
   */
  readonly routes?: ReadonlySet<string>;
  /** Writes a closed run's report and returns the link its digests carry (`reportLinkFrom`). Absent: no report. */
  readonly reportLink?: (runId: string) => Promise<ReportLink | undefined>;
}

/** The event is only a wake-up call: the outbox, not the event, says what to deliver. */
export const makeHandler =
  (getDeps: () => Promise<NotifierDeps>) =>
  async (_event: unknown): Promise<{ delivered: number; deadLettered: number }> => {
    const deps = await getDeps();
    const report: DeliveryReport = await deliverAlerts(deps);
    if (deps.metrics) {
      countMetric(deps.metrics, 'AlertsSent', report.delivered.length);
      // Owed to a destination no longer configured counts as dead-lettered: the alarm must see it.
      countMetric(deps.metrics, 'AlertsDeadLettered', report.deadLettered.length + report.waitingForSink.length);
      deps.metrics.publishStoredMetrics();
    }
    return { delivered: report.delivered.length, deadLettered: report.deadLettered.length };
  };

type Env = Readonly<Record<string, string | undefined>>;

/** Clients by region: a route's secret or topic, given by ARN, may live in another region than the function. */
export interface NotifierClients {
  secrets(region: string | undefined): SecretsManagerClient;
  sns(region: string | undefined): SNSClient;
}

export function regionalClients(): NotifierClients {
  const secrets = new Map<string, SecretsManagerClient>();
  const sns = new Map<string, SNSClient>();
  const cached = <C>(map: Map<string, C>, region: string | undefined, make: () => C): C => {
    const key = region ?? '';
    let client = map.get(key);
    if (!client) map.set(key, (client = make()));
    return client;
  };
  return {
    secrets: (region) => cached(secrets, region, () => new SecretsManagerClient(region ? { region } : {})),
    sns: (region) => cached(sns, region, () => new SNSClient(region ? { region } : {})),
  };
}

/** The region of an ARN; undefined for a plain secret name (the function's own region). */
const regionOf = (id: string): string | undefined => (id.startsWith('arn:') ? id.split(':')[3] || undefined : undefined);

/**
 * The notifier's sinks, from its environment. The default route: the stack's alert topic (sink
 * `sns`, as before routes), the top-level Slack, webhook, Teams and PagerDuty secrets, and what a
 * `default` entry of ROUTES_JSON adds. Every other route of ROUTES_JSON: its secrets (read here,
 * once per cold start; the URLs and keys live only in memory) and its SNS topics. Each sink is on
 * its route at the route's floor. A secret that cannot be read fails the cold start (retried on
 * the next invocation; the alerts wait in the outbox), as it always has.
 */
export async function notifierSinks(env: Env, clients: NotifierClients, logger: Logger): Promise<{ sinks: AlertSink[]; routes: ReadonlySet<string> }> {
  const routes = loadRoutes(env) ?? withDefaultRoute([]);
  const topLevel = (name: (typeof ENV)[keyof typeof ENV]): string[] => {
    const id = optionalEnv(env, name);
    return id ? [id] : [];
  };
  const urls = new Map<string, Promise<string>>();
  const keys = new Map<string, Promise<{ routingKey: string; url?: string }>>();
  const url = (id: string): Promise<string> => {
    if (!urls.has(id)) urls.set(id, readWebhookSecret(clients.secrets(regionOf(id)), id));
    return urls.get(id) as Promise<string>;
  };
  const pagerDutyKey = (id: string): Promise<{ routingKey: string; url?: string }> => {
    if (!keys.has(id)) keys.set(id, readPagerDutySecret(clients.secrets(regionOf(id)), id));
    return keys.get(id) as Promise<{ routingKey: string; url?: string }>;
  };
  const options = { timeoutMs: 10_000, userAgent: DEFAULT_PROBE_OPTIONS.userAgent };

  const sinksOf = async (route: AwsRouteSpec): Promise<AlertSink[]> => {
    const isDefault = route.name === DEFAULT_ROUTE;
    const slack = [...(isDefault ? topLevel(ENV.SLACK_WEBHOOK_SECRET_ARN) : []), ...route.slackWebhookSecrets];
    const webhooks = [...(isDefault ? topLevel(ENV.WEBHOOK_SECRET_ARN) : []), ...route.webhookSecrets];
    const teams = [...(isDefault ? topLevel(ENV.TEAMS_WEBHOOK_SECRET_ARN) : []), ...route.teamsWebhookSecrets];
    const pagerduty = [...(isDefault ? topLevel(ENV.PAGERDUTY_SECRET_ARN) : []), ...route.pagerDutySecrets];
    const http = routeSinks(
      {
        name: route.name,
        floor: route.floor,
        slack: await Promise.all(slack.map(url)),
        webhooks: await Promise.all(webhooks.map(url)),
        teams: await Promise.all(teams.map(url)),
        pagerduty: await Promise.all(pagerduty.map(pagerDutyKey)),
      },
      options,
    );
    const topics = [
      ...(isDefault ? [new SnsAlertSink(clients.sns(undefined), requiredEnv(env, ENV.ALERT_TOPIC_ARN))] : []),
      ...route.emailTopicArns.map((arn) => new SnsAlertSink(clients.sns(regionOf(arn)), arn, topicSinkName(arn))),
    ].map((sink) => onRoute(sink, route.name, route.floor));
    return [...topics, ...http];
  };

  const sinks: AlertSink[] = [];
  for (const sink of (await Promise.all(routes.map(sinksOf))).flat()) {
    // Two sinks of one name would share delivery records (the same URL in two secrets, say): one sends.
    if (sinks.some((s) => s.name === sink.name)) logger.warn('duplicate alert destination ignored', { sink: sink.name });
    else sinks.push(sink);
  }
  return { sinks, routes: new Set(routes.map((r) => r.name)) };
}

/**
 * The digests' report link, from REPORT_BUCKET and REPORT_LINK_HOURS; undefined when reports are
 * off. For a run: the report of the whole state now (as `exposure-monitor report` writes it),
 * put at `reports/<runId>.html` in the bucket, and a presigned GET URL for it valid for up to
 * REPORT_LINK_HOURS hours. A run id that could not be a key is refused before anything is read.
 */
export function reportLinkFrom(
  env: Env,
  store: Pick<StateStore, 'listEndpoints' | 'listRecentRuns' | 'listAlerts'>,
  clock: Clock,
  client: S3Client = new S3Client({}),
): ((runId: string) => Promise<ReportLink>) | undefined {
  const settings = loadReportSettings(env);
  if (!settings) return undefined;
  const reports = new S3ReportStore({ client, bucket: settings.bucket, linkHours: settings.linkHours, clock });
  return async (runId) => {
    reportKey(runId);
    const { html } = await generateReport(store, { catalog, now: clock() });
    return { url: await reports.publish(runId, html), validHours: settings.linkHours };
  };
}

let deps: Promise<NotifierDeps> | undefined;
async function buildAwsDeps(): Promise<NotifierDeps> {
  const env = process.env;
  const logger = lambdaLogger('notifier');
  const { sinks, routes } = await notifierSinks(env, regionalClients(), logger);
  const store = awsStateStore(env);
  const reportLink = reportLinkFrom(env, store, systemClock);
  return { outbox: store, runs: store, sinks, routes, clock: systemClock, logger, metrics: lambdaMetrics('notifier'), ...(reportLink ? { reportLink } : {}) };
}

export const handler = makeHandler(() => {
  deps ??= buildAwsDeps().catch((err: unknown) => {
    deps = undefined; // a failed cold start (e.g. secret not readable yet) is retried next time
    throw err;
  });
  return deps;
});
