import { createHash } from 'node:crypto';
import { ArnFormat, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type IKey, Key } from 'aws-cdk-lib/aws-kms';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ALERT_PK, RUN_PK, STATE_PK } from '../../lambdas/adapters/dynamodb/table-layout.js';
import { ENV } from '../../lambdas/shared/env.js';
import { type AwsRouteSpec, notifierRoutesJson, ROUTE_SECRET_KEYS } from '../../lambdas/shared/route-config.js';
import { acknowledgeIndexGrant, acknowledgeKeyGrants, nagRef } from '../nag.js';
import { LambdaSchedule } from './lambda-schedule.js';
import { NodejsLambda } from './nodejs-lambda.js';

export interface AlertingProps {
  /** The state table with its stream; new outbox items (pk `ALERT`) wake the notifier. */
  readonly stateTable: ITable;
  /**
   * Addresses subscribed to the alert topic; each must confirm by email.
   * @default - no subscription
   */
  readonly emails?: readonly string[];
  /**
   * Name or ARN of an existing Secrets Manager secret holding the Slack incoming-webhook URL.
   * @default - no Slack delivery
   */
  readonly slackWebhookSecret?: string;
  /**
   * Name or ARN of an existing secret holding a generic JSON webhook URL.
   * @default - no generic webhook delivery
   */
  readonly webhookSecret?: string;
  /**
   * Name or ARN of an existing secret holding a Microsoft Teams webhook URL (default route).
   * @default - no Teams delivery on the default route
   */
  readonly teamsWebhookSecret?: string;
  /**
   * Name or ARN of an existing secret holding a PagerDuty Events API v2 routing key (default route).
   * @default - no PagerDuty delivery on the default route
   */
  readonly pagerDutySecret?: string;
  /**
   * Alert routes with their floors and destinations (secret names/ARNs, SNS topic ARNs), the
   * default route included; the notifier gets them as ROUTES_JSON and may read exactly those
   * secrets and publish to exactly those topics. A topic encrypted with a KMS key must have a key
   * policy that lets the notifier's role use the key (kms:GenerateDataKey*, kms:Decrypt).
   * @default - the default route only, floor info
   */
  readonly routes?: readonly AwsRouteSpec[];
  /**
   * ARN of the customer-managed KMS key that encrypts those secrets.
   * @default - the secrets use the AWS-managed key `aws/secretsmanager` (no key grant needed)
   */
  readonly webhookSecretKmsKeyArn?: string;
  /**
   * When the notifier retries alerts that could not be delivered (dead-lettered outbox items).
   * @default 'rate(30 minutes)'
   */
  readonly retrySchedule?: string;
  /**
   * Key for the alert topic and the stream-failure queue.
   * @default - a new customer-managed key with rotation
   */
  readonly encryptionKey?: IKey;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
  /**
   * Where the notifier writes each closed run's HTML report (`<prefix><runId>.html`) and how long
   * the presigned link in its digests lasts. The bucket must be encrypted with `encryptionKey`.
   * @default - no reports
   */
  readonly report?: { readonly bucket: IBucket; readonly prefix: string; readonly linkHours: number };
}

/**
 * The alert outbox's delivery: state-table stream (new outbox items) and a retry schedule ->
 * notifier -> SNS topic (email) and, when configured, Slack and a generic webhook.
 */
export class Alerting extends Construct {
  readonly topic: Topic;
  readonly notifier: NodejsLambda;
  /** Stream batches the notifier failed on after every retry; the outbox still holds their alerts. */
  readonly failureQueue: Queue;
  readonly retrySchedule: LambdaSchedule;
  readonly slackWebhookSecret?: ISecret;
  readonly webhookSecret?: ISecret;
  readonly teamsWebhookSecret?: ISecret;
  readonly pagerDutySecret?: ISecret;
  /** The routes' secrets, by the name or ARN the context gives. */
  readonly routeSecrets: ReadonlyMap<string, ISecret>;

  constructor(scope: Construct, id: string, props: AlertingProps) {
    super(scope, id);
    const key = props.encryptionKey ?? new Key(this, 'Key', { description: 'ai-exposure-monitor alerts', enableKeyRotation: true });

    this.topic = new Topic(this, 'AlertTopic', {
      displayName: 'AI exposure monitor alerts',
      masterKey: key,
      enforceSSL: true,
    });
    for (const email of props.emails ?? []) this.topic.addSubscription(new EmailSubscription(email));

    this.failureQueue = new Queue(this, 'StreamFailureQueue', {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });

    const secretKey = props.webhookSecretKmsKeyArn ? Key.fromKeyArn(this, 'WebhookSecretKey', props.webhookSecretKmsKeyArn) : undefined;
    if (props.slackWebhookSecret) this.slackWebhookSecret = importSecret(this, 'SlackWebhookSecret', props.slackWebhookSecret);
    if (props.webhookSecret) this.webhookSecret = importSecret(this, 'WebhookSecret', props.webhookSecret);
    if (props.teamsWebhookSecret) this.teamsWebhookSecret = importSecret(this, 'TeamsWebhookSecret', props.teamsWebhookSecret);
    if (props.pagerDutySecret) this.pagerDutySecret = importSecret(this, 'PagerDutySecret', props.pagerDutySecret);
    const routes = props.routes ?? [];
    const routeSecrets = new Map<string, ISecret>();
    for (const id of new Set(routes.flatMap((r) => ROUTE_SECRET_KEYS.flatMap((key) => r[key])))) {
      routeSecrets.set(id, importSecret(this, `RouteSecret${createHash('sha256').update(id).digest('hex').slice(0, 8)}`, id));
    }
    this.routeSecrets = routeSecrets;
    const routeTopics = [...new Set(routes.flatMap((r) => r.emailTopicArns))];
    const secrets = [this.slackWebhookSecret, this.webhookSecret, this.teamsWebhookSecret, this.pagerDutySecret, ...routeSecrets.values()].filter(
      (secret): secret is ISecret => secret !== undefined,
    );

    this.notifier = new NodejsLambda(this, 'Notifier', {
      entry: 'lambdas/notifier/handler.ts',
      description: 'Delivers alert events from the outbox to each route: SNS, Slack, Teams, PagerDuty and webhooks',
      // Room for per-sink retries with backoff (and Retry-After on 429) inside one invocation.
      timeout: Duration.minutes(2),
      memorySize: 256,
      logRetention: props.logRetention ?? RetentionDays.ONE_MONTH,
      logRemovalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
      environment: {
        [ENV.STATE_TABLE_NAME]: props.stateTable.tableName,
        [ENV.ALERT_TOPIC_ARN]: this.topic.topicArn,
        // Only the secrets' ARNs: the function reads the URLs once per cold start.
        ...(this.slackWebhookSecret ? { [ENV.SLACK_WEBHOOK_SECRET_ARN]: this.slackWebhookSecret.secretArn } : {}),
        ...(this.webhookSecret ? { [ENV.WEBHOOK_SECRET_ARN]: this.webhookSecret.secretArn } : {}),
        ...(this.teamsWebhookSecret ? { [ENV.TEAMS_WEBHOOK_SECRET_ARN]: this.teamsWebhookSecret.secretArn } : {}),
        ...(this.pagerDutySecret ? { [ENV.PAGERDUTY_SECRET_ARN]: this.pagerDutySecret.secretArn } : {}),
        // Routes: names, floors, secret names/ARNs and topic ARNs as the context gives them.
        ...(props.routes ? { [ENV.ROUTES_JSON]: notifierRoutesJson(props.routes) } : {}),
        ...(props.report ? { [ENV.REPORT_BUCKET]: props.report.bucket.bucketName, [ENV.REPORT_LINK_HOURS]: String(props.report.linkHours) } : {}),
      },
    });
    // Read/write (the outbox index included): it claims, records and dead-letters deliveries.
    props.stateTable.grantReadWriteData(this.notifier);
    this.topic.grantPublish(this.notifier);
    // GetSecretValue (and DescribeSecret) on exactly the named secrets: a name becomes
    // `...:secret:NAME-??????` (Secrets Manager's six-character suffix), an ARN stays itself.
    for (const secret of secrets) secret.grantRead(this.notifier);
    if (routeTopics.length > 0) {
      // Exactly the routes' existing topics. A KMS-encrypted one is usable only if its key policy
      // lets this role use the key: the key is not known here, so no key grant is made.
      iam.Grant.addToPrincipal({ grantee: this.notifier, actions: ['sns:Publish'], resourceArns: routeTopics });
    }
    if (secretKey && secrets.length > 0) {
      // secret.grantRead cannot grant on an imported key (it would need the key's policy), so
      // grant Decrypt to the role directly, usable only through Secrets Manager in this region.
      iam.Grant.addToPrincipal({
        grantee: this.notifier,
        actions: ['kms:Decrypt'],
        resourceArns: [secretKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${Stack.of(this).region}.amazonaws.com` } },
      });
    }

    if (props.report) {
      // Write and read (the presigned GET is signed with this role) the reports and nothing else
      // in the bucket: no list, no delete, no ACL or tagging. Not bucket.grantPut/grantRead,
      // which add more actions. The bucket's KMS key is the stack key, on which the table and
      // topic grants above already give Encrypt, Decrypt and GenerateDataKey*: made explicit here.
      iam.Grant.addToPrincipal({
        grantee: this.notifier,
        actions: ['s3:PutObject', 's3:GetObject'],
        resourceArns: [props.report.bucket.arnForObjects(`${props.report.prefix}*`)],
      });
      props.report.bucket.encryptionKey?.grantEncryptDecrypt(this.notifier);
      Validations.of(this.notifier.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${nagRef(props.report.bucket)}/${props.report.prefix}*]`,
        reason: 'Reports are one object per run, named by run id: PutObject and GetObject on the report prefix of the report bucket only.',
      });
    }

    this.notifier.fn.addEventSource(
      new DynamoEventSource(props.stateTable, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(5),
        // New outbox items wake the notifier (critical ones go out at once), and so does a run
        // closing (its digest goes out then); endpoint writes and other run updates never do.
        filters: [
          FilterCriteria.filter({ eventName: FilterRule.isEqual('INSERT'), dynamodb: { Keys: { [STATE_PK]: { S: FilterRule.isEqual(ALERT_PK) } } } }),
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('MODIFY'),
            dynamodb: { Keys: { [STATE_PK]: { S: FilterRule.isEqual(RUN_PK) } }, NewImage: { status: { S: FilterRule.or('complete', 'incomplete') } } },
          }),
        ],
        bisectBatchOnError: true,
        retryAttempts: 3,
        maxRecordAge: Duration.hours(6),
        // A batch that still fails is recorded here; its alerts stay in the outbox and the retry
        // schedule delivers them, so this queue is a signal (alarmed), not the only copy.
        onFailure: new SqsDlq(this.failureQueue),
      }),
    );

    this.retrySchedule = new LambdaSchedule(this, 'RetrySchedule', {
      target: this.notifier,
      expression: props.retrySchedule ?? 'rate(30 minutes)',
      description: 'Retries ai-exposure-monitor alerts not yet delivered to every sink',
      input: { source: 'ai-exposure-monitor.retry-schedule' },
    });

    acknowledgeKeyGrants(this.notifier.role);
    acknowledgeIndexGrant(this.notifier.role, props.stateTable);
    Validations.of(this.notifier.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'dynamodb:ListStreams (added by the stream event source) has no resource-level permissions; every other action names its resource.',
    });
    Validations.of(this.notifier.fn).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason: 'Its event is only a wake-up call: undelivered alerts stay in the outbox for the retry schedule, and failed stream batches go to the StreamFailureQueue.',
    });
    const failureQueueReason = 'This queue is itself the on-failure destination of the notifier\'s stream event source; its depth is alarmed.';
    Validations.of(this.failureQueue).acknowledge(
      { id: 'AwsSolutions-SQS3', reason: failureQueueReason },
      { id: 'Serverless-SQSRedrivePolicy', reason: failureQueueReason },
    );
    Validations.of(this.topic).acknowledge({
      id: 'Serverless-SNSRedrivePolicy',
      reason: 'Email is one rendering of an alert: every alert is kept in the state table\'s outbox with per-sink delivery status, shown by `findings`.',
    });
  }
}

/**
 * An existing secret by name, partial ARN or complete ARN (the one `create-secret` prints, ending
 * in `-` and six characters). The grant covers only that secret (`name-??????` for a name).
 */
function importSecret(scope: Construct, id: string, nameOrArn: string): ISecret {
  if (nameOrArn.startsWith('arn:')) {
    const complete = /-[A-Za-z0-9]{6}$/.test(nameOrArn);
    return Secret.fromSecretAttributes(scope, id, complete ? { secretCompleteArn: nameOrArn } : { secretPartialArn: nameOrArn });
  }
  const secretPartialArn = Stack.of(scope).formatArn({ service: 'secretsmanager', resource: 'secret', resourceName: nameOrArn, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
  return Secret.fromSecretAttributes(scope, id, { secretPartialArn });
}
