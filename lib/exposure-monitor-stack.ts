import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { withDefaultRoute } from '../lambdas/shared/route-config.js';
import type { MonitorConfig } from './config.js';
import { FixedEgress } from './constructs/fixed-egress.js';
import { Alerting } from './constructs/alerting.js';
import { DiscoveryAccess } from './constructs/discovery-access.js';
import { MonitorTables } from './constructs/monitor-tables.js';
import { Monitoring } from './constructs/monitoring.js';
import { ReportBucket } from './constructs/report-bucket.js';
import { ScanPipeline } from './constructs/scan-pipeline.js';

/** Output keys the CLI's `--aws --stack NAME` mode reads (lambdas/cli/aws-target.ts). */
export const STACK_OUTPUT_KEYS = {
  rangeTable: 'RangeTableName',
  stateTable: 'StateTableName',
  alertTopic: 'AlertTopicArn',
  probeQueue: 'ProbeQueueUrl',
  planner: 'PlannerFunctionName',
} as const;

export interface ExposureMonitorStackProps extends StackProps {
  /** Validated deployment settings (lib/config.ts). */
  readonly config: MonitorConfig;
}

/** ai-exposure-monitor: tables, scan pipeline, alerting and monitoring, in one stack. */
export class ExposureMonitorStack extends Stack {
  readonly tables: MonitorTables;
  readonly pipeline: ScanPipeline;
  readonly alerting: Alerting;
  readonly monitoring: Monitoring;
  /** The private bucket of run reports, when context `report` is true. */
  readonly reports?: ReportBucket;
  /** Read-only cloud discovery, when context `discover` names sources. */
  readonly discovery?: DiscoveryAccess;

  constructor(scope: Construct, id: string, props: ExposureMonitorStackProps) {
    super(scope, id, props);
    const { config } = props;
    const removalPolicy = config.removalPolicy === 'destroy' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
    const logs = { logRetention: config.logRetentionDays, logRemovalPolicy: removalPolicy };

    this.tables = new MonitorTables(this, 'Tables', { removalPolicy });
    // One customer-managed key for the whole stack (tables, queues, topics): each key costs a
    // dollar a month, and the cost target for a /16 is two dollars all in. It is kept as long as
    // the tables are, since it protects their data.
    const messagingKey = this.tables.key;

    // Routes (the default route included) when any are configured; else both functions run with
    // the default route only, at floor info, exactly as before routes existed.
    const routes = config.routes.length > 0 || config.defaultRouteFloor !== 'info' ? withDefaultRoute(config.routes, config.defaultRouteFloor) : undefined;

    const egress = config.fixedEgress ? new FixedEgress(this, 'FixedEgress', { flowLogRetention: config.logRetentionDays, logRemovalPolicy: removalPolicy }) : undefined;
    this.pipeline = new ScanPipeline(this, 'ScanPipeline', {
      ...(egress ? { proberVpc: { vpc: egress.vpc, subnets: egress.subnets } } : {}),
      rangeTable: this.tables.rangeTable,
      stateTable: this.tables.stateTable,
      schedule: config.schedule,
      encryptionKey: messagingKey,
      ...(config.ports ? { ports: config.ports } : {}),
      blockSize: config.blockSize,
      ...(routes ? { routes } : {}),
      maxRangePrefix: config.maxRangePrefix,
      allowPrivate: config.allowPrivate,
      goneAfterMisses: config.goneAfterMisses,
      probeConcurrency: config.probeConcurrency,
      probeRatePerSecond: config.probeRatePerSecond,
      probeConnectTimeoutMs: config.probeConnectTimeoutMs,
      probeHttpTimeoutMs: config.probeHttpTimeoutMs,
      ...(config.scannerContact ? { scannerContact: config.scannerContact } : {}),
      maxConcurrency: config.maxConcurrency,
      probeBatchSize: config.probeBatchSize,
      proberTimeout: Duration.seconds(config.proberTimeoutSeconds),
      proberMemoryMb: config.proberMemoryMb,
      ...logs,
    });

    // Off by default: the planner merges the account's (and allow-listed accounts') public
    // addresses and names into the range table each cycle; read-only IAM.
    this.discovery =
      config.discover.length > 0
        ? new DiscoveryAccess(this, 'Discovery', {
            planner: this.pipeline.planner,
            prober: this.pipeline.prober,
            rangeTable: this.tables.rangeTable,
            groups: config.discover,
            accounts: config.discoverAccounts,
            ...(config.discoverRoleName ? { roleName: config.discoverRoleName } : {}),
            regions: config.discoverRegions,
          })
        : undefined;

    // Off by default: each finished run's HTML report, in a private bucket under the same key,
    // linked from its digests by a presigned URL.
    this.reports = config.report ? new ReportBucket(this, 'Reports', { encryptionKey: messagingKey, retentionDays: config.reportRetentionDays, maxLinkHours: config.reportLinkHours }) : undefined;

    this.alerting = new Alerting(this, 'Alerting', {
      stateTable: this.tables.stateTable,
      emails: config.alertEmails,
      ...(config.slackWebhookSecret ? { slackWebhookSecret: config.slackWebhookSecret } : {}),
      ...(config.webhookSecret ? { webhookSecret: config.webhookSecret } : {}),
      ...(config.teamsWebhookSecret ? { teamsWebhookSecret: config.teamsWebhookSecret } : {}),
      ...(config.pagerDutySecret ? { pagerDutySecret: config.pagerDutySecret } : {}),
      ...(routes ? { routes } : {}),
      ...(config.webhookSecretKmsKeyArn ? { webhookSecretKmsKeyArn: config.webhookSecretKmsKeyArn } : {}),
      retrySchedule: config.alertRetrySchedule,
      encryptionKey: messagingKey,
      ...(this.reports ? { report: { bucket: this.reports.bucket, prefix: this.reports.prefix, linkHours: config.reportLinkHours } } : {}),
      ...logs,
    });

    this.monitoring = new Monitoring(this, 'Monitoring', {
      functions: { Planner: this.pipeline.planner, Prober: this.pipeline.prober, Notifier: this.alerting.notifier },
      deadLetterQueues: { ProbeDeadLetterQueue: this.pipeline.deadLetterQueue, NotifierFailureQueue: this.alerting.failureQueue },
      probeQueue: this.pipeline.queue,
      queueAgeThreshold: Duration.minutes(config.queueAgeAlarmMinutes),
      emails: config.opsEmails,
      encryptionKey: messagingKey,
      discovery: this.discovery !== undefined,
    });

    new CfnOutput(this, STACK_OUTPUT_KEYS.rangeTable, { value: this.tables.rangeTable.tableName, description: 'Monitored ranges (edit with `exposure-monitor ranges ... --aws --stack NAME`)' });
    new CfnOutput(this, STACK_OUTPUT_KEYS.stateTable, { value: this.tables.stateTable.tableName, description: 'Endpoints, runs and the alert outbox' });
    new CfnOutput(this, STACK_OUTPUT_KEYS.alertTopic, { value: this.alerting.topic.topicArn, description: 'Finding alerts (email subscriptions)' });
    new CfnOutput(this, STACK_OUTPUT_KEYS.probeQueue, { value: this.pipeline.queue.queueUrl, description: 'Block messages waiting for the prober' });
    new CfnOutput(this, STACK_OUTPUT_KEYS.planner, { value: this.pipeline.planner.fn.functionName, description: 'Starts a cycle now (`exposure-monitor run --aws --stack NAME`)' });
    if (this.discovery) {
      new CfnOutput(this, 'DiscoverySources', {
        value: `${config.discover.join(',')}${config.discoverAccounts.length > 0 ? ` in this account and ${config.discoverAccounts.length} allow-listed` : ' in this account'}`,
        description: 'Cloud discovery merged into the range table each cycle (`exposure-monitor ranges list --aws --stack NAME` shows source and resource)',
      });
    }

  }
}
