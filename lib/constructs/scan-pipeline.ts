import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import { ArnFormat, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { HEADER_SECRET_PREFIX } from '../../lambdas/core/targets/range-row.js';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type IKey, Key } from 'aws-cdk-lib/aws-kms';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { RouteRule } from '../../lambdas/core/routing/route-table.js';
import { ENV } from '../../lambdas/shared/env.js';
import { catalog } from '../../lambdas/core/fingerprint/catalog/index.js';
import { portSets } from '../../lambdas/core/fingerprint/port-sets.js';
import { plannerRoutesJson } from '../../lambdas/shared/route-config.js';
import { acknowledgeIndexGrant, acknowledgeKeyGrants } from '../nag.js';
import { LambdaSchedule } from './lambda-schedule.js';
import { NodejsLambda } from './nodejs-lambda.js';

export interface ScanPipelineProps {
  /** The range registry; only the planner reads it. */
  readonly rangeTable: ITable;
  /** Endpoints, runs and the alert outbox; planner and prober read and write it. */
  readonly stateTable: ITable;
  /**
   * When a cycle starts: an EventBridge Scheduler `rate(...)` or `cron(...)` expression (UTC).
   * @default 'rate(6 hours)'
   */
  readonly schedule?: string;
  /**
   * Key for the probe queue and its dead-letter queue.
   * @default - a new customer-managed key with rotation
   */
  readonly encryptionKey?: IKey;
  /**
   * Ports swept when a range row names none.
   * @default - the default port set, `ai` (DEFAULT_PORTS unset)
   */
  readonly ports?: readonly number[];
  /** @default - the handler's default (256) */
  readonly blockSize?: number;
  /**
   * Alert routes (names, owners, floors): the planner resolves each range row's route from them.
   * @default - the default route only
   */
  readonly routes?: readonly RouteRule[];
  /** @default - the handler's default (16: a row may be at most a /16) */
  readonly maxRangePrefix?: number;
  /** @default false */
  readonly allowPrivate?: boolean;
  /** @default - the handler's default (2) */
  readonly goneAfterMisses?: number;
  /** @default - the handler's default */
  readonly probeConcurrency?: number;
  /** @default - the handler's default */
  readonly probeConnectTimeoutMs?: number;
  /** @default - the handler's default */
  readonly probeHttpTimeoutMs?: number;
  /** Most TCP connects one prober starts per second (politeness cap). @default - no cap */
  readonly probeRatePerSecond?: number;
  /** @default - the product's project URL in the User-Agent */
  readonly scannerContact?: string;
  /**
   * Maximum concurrent prober invocations (the scan-rate brake); 2 is the minimum AWS allows.
   * @default 5
   */
  readonly maxConcurrency?: number;
  /** @default 1 */
  readonly probeBatchSize?: number;
  /** @default Duration.minutes(5) */
  readonly proberTimeout?: Duration;
  /** @default 1024 */
  readonly proberMemoryMb?: number;
  /** Run the prober in this VPC, for a fixed egress address. @default - no VPC */
  readonly proberVpc?: { readonly vpc: ec2.IVpc; readonly subnets: ec2.SubnetSelection };
  /**
   * How many times a block message is received before it moves to the dead-letter queue.
   * @default 3
   */
  readonly maxReceiveCount?: number;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * Schedule -> planner -> probe queue -> prober. The planner splits the registered ranges into
 * block messages; the prober sweeps one block per message and records the AI endpoints it finds.
 */
export class ScanPipeline extends Construct {
  readonly planner: NodejsLambda;
  readonly prober: NodejsLambda;
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly schedule: LambdaSchedule;

  constructor(scope: Construct, id: string, props: ScanPipelineProps) {
    super(scope, id);
    const key = props.encryptionKey ?? new Key(this, 'Key', { description: 'ai-exposure-monitor probe queues', enableKeyRotation: true });
    const logs = { logRetention: props.logRetention ?? RetentionDays.ONE_MONTH, logRemovalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN };
    const proberTimeout = props.proberTimeout ?? Duration.minutes(5);
    const policy = {
      ...(props.maxRangePrefix !== undefined ? { [ENV.MAX_RANGE_PREFIX]: String(props.maxRangePrefix) } : {}),
      [ENV.ALLOW_PRIVATE]: String(props.allowPrivate ?? false),
      ...(props.goneAfterMisses !== undefined ? { [ENV.GONE_AFTER_MISSES]: String(props.goneAfterMisses) } : {}),
    };

    const queueDefaults = {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: key,
      // Fewer KMS calls: SQS reuses a data key for an hour instead of five minutes.
      dataKeyReuse: Duration.hours(1),
      enforceSSL: true,
    } as const;
    this.deadLetterQueue = new Queue(this, 'ProbeDeadLetterQueue', { ...queueDefaults, retentionPeriod: Duration.days(14) });
    this.queue = new Queue(this, 'ProbeQueue', {
      ...queueDefaults,
      // AWS guidance for SQS -> Lambda: at least six times the function timeout, so a message stays
      // hidden while Lambda retries a throttled or failed invocation, and no second prober gets it.
      visibilityTimeout: Duration.seconds(proberTimeout.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount ?? 3 },
    });

    this.planner = new NodejsLambda(this, 'Planner', {
      entry: 'lambdas/planner/handler.ts',
      description: 'Plans a monitoring cycle: splits the registered ranges into block messages',
      timeout: Duration.minutes(2),
      memorySize: 512,
      ...logs,
      environment: {
        [ENV.RANGE_TABLE_NAME]: props.rangeTable.tableName,
        [ENV.STATE_TABLE_NAME]: props.stateTable.tableName,
        [ENV.PROBE_QUEUE_URL]: this.queue.queueUrl,
        ...(props.ports ? { [ENV.DEFAULT_PORTS]: portsEnvValue(props.ports) } : {}),
        ...(props.blockSize !== undefined ? { [ENV.BLOCK_SIZE]: String(props.blockSize) } : {}),
        ...(props.routes ? { [ENV.ROUTES_JSON]: plannerRoutesJson(props.routes) } : {}),
        ...policy,
      },
    });
    props.rangeTable.grantReadData(this.planner);
    // Read/write: it records the run, and closes stale runs with a "run incomplete" outbox event.
    props.stateTable.grantReadWriteData(this.planner);
    this.queue.grantSendMessages(this.planner);
    // A failed plan is not retried asynchronously: a retry would start a second cycle, the next
    // scheduled cycle comes anyway, and the Errors alarm reports the failure.
    this.planner.fn.configureAsyncInvoke({ retryAttempts: 0 });

    this.prober = new NodejsLambda(this, 'Prober', {
      entry: 'lambdas/prober/handler.ts',
      description: 'Sweeps one address block per message and fingerprints the AI endpoints it finds',
      timeout: proberTimeout,
      memorySize: props.proberMemoryMb ?? 1024,
      ...logs,
      ...(props.proberVpc ? { vpc: props.proberVpc.vpc, vpcSubnets: props.proberVpc.subnets } : {}),
      environment: {
        [ENV.STATE_TABLE_NAME]: props.stateTable.tableName,
        ...(props.probeConcurrency !== undefined ? { [ENV.PROBE_CONCURRENCY]: String(props.probeConcurrency) } : {}),
        ...(props.probeRatePerSecond ? { [ENV.PROBE_RATE_PER_SECOND]: String(props.probeRatePerSecond) } : {}),
        ...(props.probeConnectTimeoutMs !== undefined ? { [ENV.PROBE_CONNECT_TIMEOUT_MS]: String(props.probeConnectTimeoutMs) } : {}),
        ...(props.probeHttpTimeoutMs !== undefined ? { [ENV.PROBE_HTTP_TIMEOUT_MS]: String(props.probeHttpTimeoutMs) } : {}),
        // A block stops fingerprinting with time to spare before the Lambda timeout: an unfinished
        // block then ends cleanly as "not done" (the run closes incomplete) instead of timing out.
        [ENV.PROBE_BLOCK_BUDGET_MS]: String(Math.max(10_000, (proberTimeout.toSeconds() - Math.min(60, proberTimeout.toSeconds() / 4)) * 1000)),
        ...(props.scannerContact ? { [ENV.SCANNER_CONTACT]: props.scannerContact } : {}),
        ...policy,
      },
    });
    props.stateTable.grantReadWriteData(this.prober);
    // Proxy headers a range row names (RangeRow.headersSecret): read-only, and only secrets under
    // the monitor's own name prefix, so a row cannot make the prober read any other secret.
    const headerSecretArn = Stack.of(this).formatArn({ service: 'secretsmanager', resource: 'secret', resourceName: `${HEADER_SECRET_PREFIX}*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    this.prober.fn.addToRolePolicy(new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [headerSecretArn] }));
    Validations.of(this.prober.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:${HEADER_SECRET_PREFIX}*]`,
      reason: 'Proxy header secrets are created by the operator per range row; GetSecretValue only, on the monitor\'s own name prefix.',
    });
    this.prober.fn.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: props.probeBatchSize ?? 1,
        // The scan-rate brake: at most this many blocks are swept at the same time.
        maxConcurrency: props.maxConcurrency ?? 5,
        reportBatchItemFailures: true,
      }),
    );

    this.schedule = new LambdaSchedule(this, 'Schedule', {
      target: this.planner,
      expression: props.schedule ?? 'rate(6 hours)',
      description: 'Starts an ai-exposure-monitor cycle',
      input: { source: 'ai-exposure-monitor.schedule' },
    });

    for (const fn of [this.planner, this.prober]) {
      acknowledgeKeyGrants(fn.role);
      acknowledgeIndexGrant(fn.role, props.stateTable);
    }
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason: 'This is the probe queue\'s dead-letter queue; its depth is alarmed and it is redriven by hand.',
    });
    Validations.of(this.planner.fn).acknowledge(
      {
        id: 'Serverless-LambdaDLQ',
        reason: 'Invoked by the schedule or the CLI with nothing to replay: the next cycle replans from the range table; failures raise the Errors alarm.',
      },
      {
        id: 'Serverless-LambdaAsyncFailureDestination',
        reason: 'Async retries are off on purpose (a retry would start a second cycle); a failed plan raises the Errors alarm and the next planner closes the stale run.',
      },
    );
    Validations.of(this.prober.fn).acknowledge(
      { id: 'Serverless-LambdaDLQ', reason: 'Invoked synchronously by its SQS event source; failed block messages go to the probe dead-letter queue.' },
      {
        id: 'Serverless-LambdaEventSourceMappingDestination',
        reason: 'SQS event sources take no on-failure destination; the probe queue\'s redrive policy (maxReceiveCount) dead-letters failed blocks.',
      },
    );
  }
}

/**
 * DEFAULT_PORTS for a port list: a set's name when the list is exactly a set (`all` would not fit
 * in a Lambda environment's 4 KB as numbers), else the numbers.
 */
export function portsEnvValue(ports: readonly number[]): string {
  const sets = portSets(catalog);
  const name = Object.keys(sets).find((n) => {
    const set = sets[n] as readonly number[];
    return set.length === ports.length && set.every((p, i) => p === ports[i]);
  });
  return name ?? ports.join(',');
}
