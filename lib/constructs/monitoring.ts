import { ArnFormat, Aws, Duration, Stack, Validations } from 'aws-cdk-lib';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  Metric,
  Stats,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { type IKey, Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRIC, METRICS_NAMESPACE } from '../../lambdas/shared/metrics.js';
import type { NodejsLambda } from './nodejs-lambda.js';

/**
 * The Powertools `service` dimension of each custom metric: the name each handler passes to
 * `lambdaMetrics()` (checked by test/infra/monitoring.test.ts).
 */
export const METRIC_SERVICE: Readonly<Record<keyof typeof METRIC, string>> = {
  Runs: 'planner',
  Probes: 'prober',
  AiEndpoints: 'prober',
  AlertsSent: 'notifier',
  AlertsDeadLettered: 'notifier',
  RangeRowsRejected: 'planner',
  DiscoveryProblems: 'planner',
  DiscoveredTargets: 'planner',
};

export interface MonitoringProps {
  /** Functions whose errors raise an alarm, by display name (e.g. `Planner`). */
  readonly functions: Readonly<Record<string, NodejsLambda>>;
  /** Dead-letter queues whose depth raises an alarm, by display name. */
  readonly deadLetterQueues: Readonly<Record<string, IQueue>>;
  /** The probe queue: a backlog older than `queueAgeThreshold` raises an alarm. */
  readonly probeQueue: IQueue;
  /**
   * @default Duration.hours(2)
   */
  readonly queueAgeThreshold?: Duration;
  /**
   * Addresses subscribed to the ops topic that receives the alarms.
   * @default - no subscription
   */
  readonly emails?: readonly string[];
  /**
   * Key for the ops topic; CloudWatch is allowed to use it to publish alarms.
   * @default - a new customer-managed key with rotation
   */
  readonly encryptionKey?: IKey;
  /**
   * Cloud discovery is on: alarm when a discovery source, account or value failed in a cycle.
   * @default false
   */
  readonly discovery?: boolean;
}

/**
 * Operational alarms (dead-letter depth, function errors, probe backlog, undeliverable alerts) to
 * an ops topic kept apart from the finding alerts, and a small dashboard.
 */
export class Monitoring extends Construct {
  readonly opsTopic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const key = props.encryptionKey ?? new Key(this, 'Key', { description: 'ai-exposure-monitor ops topic', enableKeyRotation: true });
    // CloudWatch publishes alarm notifications to an encrypted topic only if the key lets it.
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToUseTheKey',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.opsTopic = new Topic(this, 'OpsTopic', { displayName: 'AI exposure monitor operations', masterKey: key, enforceSSL: true });
    // The TLS-only topic policy replaces SNS's default one, so CloudWatch alarms of this account
    // need their own statement to publish.
    this.opsTopic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsOfThisAccount',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.opsTopic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
          ArnLike: { 'aws:SourceArn': Stack.of(this).formatArn({ service: 'cloudwatch', resource: 'alarm', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }) },
        },
      }),
    );
    for (const email of props.emails ?? []) this.opsTopic.addSubscription(new EmailSubscription(email));
    Validations.of(this.opsTopic).acknowledge({
      id: 'Serverless-SNSRedrivePolicy',
      reason: 'Alarm emails repeat the alarm state, which stays visible in CloudWatch and on the dashboard; a dead-letter queue would hold nothing new.',
    });
    const action = new SnsAction(this.opsTopic);
    const alarm = (alarmId: string, metric: IMetric, threshold: number, description: string): Alarm => {
      const a = new Alarm(this, alarmId, {
        metric,
        threshold,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      a.addAlarmAction(action);
      a.addOkAction(action);
      this.alarms.push(a);
      return a;
    };

    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      alarm(
        `${name}DepthAlarm`,
        queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: Stats.MAXIMUM }),
        0,
        `${name} holds messages that failed every retry: see docs/deploy.md, Operations.`,
      );
    }
    for (const [name, fn] of Object.entries(props.functions)) {
      alarm(`${name}ErrorsAlarm`, fn.fn.metricErrors({ period: Duration.minutes(5), statistic: Stats.SUM }), 0, `The ${name} function failed; its log group has the error.`);
    }
    const ageThreshold = props.queueAgeThreshold ?? Duration.hours(2);
    alarm(
      'ProbeQueueAgeAlarm',
      props.probeQueue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5), statistic: Stats.MAXIMUM }),
      ageThreshold.toSeconds(),
      `A probe block has waited more than ${ageThreshold.toHumanString()}: the prober is failing, or maxConcurrency is too low for the registered ranges.`,
    );
    alarm(
      'RangeRowsRejectedAlarm',
      customMetric('RangeRowsRejected'),
      0,
      'A row of the range table was refused this cycle (the planner log names the row, the field and the value); the other rows were scanned.',
    );
    if (props.discovery) {
      alarm(
        'DiscoveryProblemsAlarm',
        customMetric('DiscoveryProblems'),
        0,
        'Cloud discovery could not read a source or an account this cycle (throttled, a role that cannot be assumed, a capped hosted zone: the planner log names each); manual rows and the other sources were scanned, and rows of the failed source were kept.',
      );
    }
    alarm(
      'AlertsDeadLetteredAlarm',
      customMetric('AlertsDeadLettered'),
      0,
      'An alert could not be delivered to a sink after every retry; `findings` lists it, and the retry schedule keeps trying.',
    );

    const fns = Object.entries(props.functions);
    const perFunction = (label: string, pick: (fn: NodejsLambda) => IMetric): GraphWidget =>
      new GraphWidget({ title: label, width: 8, left: fns.map(([name, fn]) => withLabel(pick(fn), name)) });
    this.dashboard = new Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.days(7),
      widgets: [
        [
          new GraphWidget({ title: 'Cycles and probes', width: 8, left: [customMetric('Runs')], right: [customMetric('Probes')] }),
          new GraphWidget({ title: 'AI endpoints found', width: 8, left: [customMetric('AiEndpoints')] }),
          new GraphWidget({ title: 'Alerts', width: 8, left: [customMetric('AlertsSent'), customMetric('AlertsDeadLettered')] }),
        ],
        [
          perFunction('Invocations', (fn) => fn.fn.metricInvocations({ period: Duration.hours(1) })),
          perFunction('Errors', (fn) => fn.fn.metricErrors({ period: Duration.hours(1) })),
          perFunction('Duration (max)', (fn) => fn.fn.metricDuration({ period: Duration.hours(1), statistic: Stats.MAXIMUM })),
        ],
        [
          new GraphWidget({
            title: 'Probe queue',
            width: 8,
            left: [
              withLabel(props.probeQueue.metricApproximateNumberOfMessagesVisible({ statistic: Stats.MAXIMUM }), 'waiting'),
              withLabel(props.probeQueue.metricApproximateNumberOfMessagesNotVisible({ statistic: Stats.MAXIMUM }), 'in flight'),
            ],
            right: [withLabel(props.probeQueue.metricApproximateAgeOfOldestMessage({ statistic: Stats.MAXIMUM }), 'oldest (s)')],
          }),
          new GraphWidget({
            title: 'Dead-letter queues',
            width: 8,
            left: Object.entries(props.deadLetterQueues).map(([name, q]) => withLabel(q.metricApproximateNumberOfMessagesVisible({ statistic: Stats.MAXIMUM }), name)),
          }),
          new AlarmStatusWidget({ title: 'Alarms', width: 8, alarms: this.alarms }),
        ],
        [
          // What the cycle planned from: rows refused, and with discovery on, what the inventory listed and what failed.
          new GraphWidget({
            title: 'Range table',
            width: 12,
            left: [customMetric('RangeRowsRejected'), ...(props.discovery ? [customMetric('DiscoveryProblems')] : [])],
            ...(props.discovery ? { right: [customMetric('DiscoveredTargets')] } : {}),
          }),
        ],
      ],
    });
  }
}

/** A metric the handlers emit through Powertools (EMF), summed per hour. */
function customMetric(name: keyof typeof METRIC): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName: METRIC[name],
    dimensionsMap: { service: METRIC_SERVICE[name] },
    statistic: Stats.SUM,
    period: name === 'AlertsDeadLettered' ? Duration.minutes(30) : Duration.hours(1),
  });
}

function withLabel(metric: IMetric, label: string): IMetric {
  return metric instanceof Metric ? metric.with({ label }) : metric;
}
