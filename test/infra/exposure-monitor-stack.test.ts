import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Token } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { OUTBOX_INDEX, OUTBOX_INDEX_PK, OUTBOX_INDEX_SK, RANGE_TABLE_KEY, STATE_PK, STATE_SK, TTL_ATTRIBUTE } from '../../lambdas/adapters/dynamodb/table-layout.js';
import { STACK_OUTPUTS } from '../../lambdas/cli/aws-target.js';
import { ENV } from '../../lambdas/shared/env.js';
import { METRICS_NAMESPACE } from '../../lambdas/shared/metrics.js';
import { METRIC_SERVICE } from '../../lib/constructs/monitoring.js';
import { STACK_OUTPUT_KEYS } from '../../lib/exposure-monitor-stack.js';
import { ROOT, actionsOf, grants, logicalId, roleStatements, synthMonitor, touching } from './infra-app.js';

const SLACK_SECRET_NAME = 'ai-exposure-monitor/slack-webhook';
const WEBHOOK_SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:exposure-webhook-AbC123';
const SECRET_KEY_ARN = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

const { app, stack, template } = synthMonitor({
  schedule: 'rate(12 hours)',
  alertRetrySchedule: 'rate(15 minutes)',
  alertEmails: ['secops@example.com', 'oncall@example.org'],
  opsEmails: 'platform@example.com', // the string form `-c opsEmails=...` gives
  slackWebhookSecret: SLACK_SECRET_NAME,
  webhookSecret: WEBHOOK_SECRET_ARN,
  webhookSecretKmsKeyArn: SECRET_KEY_ARN,
  maxConcurrency: 7,
  probeBatchSize: 2,
  proberTimeoutSeconds: 240,
  proberMemoryMb: 1536,
  ports: '11434,8000-8002',
  maxRangePrefix: 20,
  scannerContact: 'https://security.example.com/scanner',
  logRetentionDays: 14,
  queueAgeAlarmMinutes: 90,
});
const { tables, pipeline, alerting, monitoring } = stack;
const functions = { planner: pipeline.planner, prober: pipeline.prober, notifier: alerting.notifier };
const statements = {
  planner: roleStatements(template, pipeline.planner.role),
  prober: roleStatements(template, pipeline.prober.role),
  notifier: roleStatements(template, alerting.notifier.role),
};
const ref = (construct: Parameters<typeof logicalId>[0]) => ({ Ref: logicalId(construct) });
const arnOf = (construct: Parameters<typeof logicalId>[0]) => ({ 'Fn::GetAtt': [logicalId(construct), 'Arn'] });

describe('ExposureMonitorStack', () => {
  describe('schedules', () => {
    it('starts a cycle on the schedule from context by invoking the planner', () => {
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: 'rate(12 hours)',
        State: 'ENABLED',
        Target: Match.objectLike({ Arn: arnOf(pipeline.planner.fn) }),
      });
    });

    it('retries undelivered alerts on the retry schedule from context by invoking the notifier', () => {
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: 'rate(15 minutes)',
        Target: Match.objectLike({ Arn: arnOf(alerting.notifier.fn) }),
      });
      template.resourceCountIs('AWS::Scheduler::Schedule', 2);
    });

    it('gives each schedule a role that may invoke only its own function', () => {
      const plannerRole = roleStatements(template, pipeline.schedule.role);
      expect(plannerRole.flatMap(actionsOf)).toEqual(['lambda:InvokeFunction']);
      expect(touching(plannerRole, alerting.notifier.fn)).toEqual([]);
      const retryRole = roleStatements(template, alerting.retrySchedule.role);
      expect(touching(retryRole, pipeline.planner.fn)).toEqual([]);
    });
  });

  describe('probe queue', () => {
    it('dead-letters a block after 3 receives, and hides a message for 6x the prober timeout', () => {
      template.hasResourceProperties('AWS::SQS::Queue', {
        RedrivePolicy: { deadLetterTargetArn: arnOf(pipeline.deadLetterQueue), maxReceiveCount: 3 },
        VisibilityTimeout: 6 * 240,
      });
    });

    it('encrypts every queue with the customer-managed key (one key for the whole stack, rotated)', () => {
      template.resourceCountIs('AWS::KMS::Key', 1);
      template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
      const queues = template.findResources('AWS::SQS::Queue');
      expect(Object.keys(queues)).toHaveLength(3);
      for (const queue of Object.values(queues)) {
        expect(queue.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^TablesKey/), 'Arn'] });
      }
    });

    it('denies every request without TLS on every queue', () => {
      for (const queue of [pipeline.queue, pipeline.deadLetterQueue, alerting.failureQueue]) {
        template.hasResourceProperties('AWS::SQS::QueuePolicy', {
          Queues: [ref(queue)],
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            ]),
          },
        });
      }
    });
  });

  describe('event sources', () => {
    it('feeds the prober from the probe queue with partial batch failures and the scan-rate brake', () => {
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: ref(pipeline.prober.fn),
        EventSourceArn: arnOf(pipeline.queue),
        BatchSize: 2,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        ScalingConfig: { MaximumConcurrency: 7 },
      });
    });

    it('wakes the notifier only on inserted outbox items, with bisect, retries and an on-failure queue', () => {
      const mapping = template.findResources('AWS::Lambda::EventSourceMapping', {
        Properties: { EventSourceArn: { 'Fn::GetAtt': [logicalId(tables.stateTable), 'StreamArn'] } },
      });
      const props = Object.values(mapping)[0]?.Properties;
      expect(props).toMatchObject({
        FunctionName: ref(alerting.notifier.fn),
        StartingPosition: 'TRIM_HORIZON',
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: 3,
        DestinationConfig: { OnFailure: { Destination: arnOf(alerting.failureQueue) } },
      });
      const patterns = (props.FilterCriteria.Filters as { Pattern: string }[]).map((f) => JSON.parse(f.Pattern));
      expect(patterns).toEqual([
        { eventName: ['INSERT'], dynamodb: { Keys: { [STATE_PK]: { S: ['ALERT'] } } } },
        { eventName: ['MODIFY'], dynamodb: { Keys: { [STATE_PK]: { S: ['RUN'] } }, NewImage: { status: { S: ['complete', 'incomplete'] } } } },
      ]);
    });
  });

  describe('tables', () => {
    it('keys the range table by cidr', () => {
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [{ AttributeName: RANGE_TABLE_KEY, KeyType: 'HASH' }],
      });
    });

    it('keys the state table by pk/sk, with the sparse KEYS_ONLY outbox index, TTL and a NEW_IMAGE stream', () => {
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [
          { AttributeName: STATE_PK, KeyType: 'HASH' },
          { AttributeName: STATE_SK, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: OUTBOX_INDEX,
            KeySchema: [
              { AttributeName: OUTBOX_INDEX_PK, KeyType: 'HASH' },
              { AttributeName: OUTBOX_INDEX_SK, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'KEYS_ONLY' },
          },
        ],
        TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
        StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      });
    });

    it('makes both tables on-demand, point-in-time recoverable, KMS-encrypted with the tables key, and retained', () => {
      const all = template.findResources('AWS::DynamoDB::Table');
      expect(Object.keys(all)).toHaveLength(2);
      for (const table of Object.values(all)) {
        expect(table).toMatchObject({
          DeletionPolicy: 'Retain',
          UpdateReplacePolicy: 'Retain',
          Properties: {
            BillingMode: 'PAY_PER_REQUEST',
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: arnOf(tables.key) },
            DeletionProtectionEnabled: true,
          },
        });
      }
      expect(template.findResources('AWS::KMS::Key', { Properties: { EnableKeyRotation: true } })).toEqual(template.findResources('AWS::KMS::Key'));
    });
  });

  describe('alerting', () => {
    it('encrypts both topics and denies publishing without TLS', () => {
      for (const topic of [alerting.topic, monitoring.opsTopic]) {
        template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: arnOf(stack.tables.key) });
        template.hasResourceProperties('AWS::SNS::TopicPolicy', {
          Topics: [ref(topic)],
          PolicyDocument: {
            Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
          },
        });
      }
    });

    it('subscribes the alert and ops email addresses from context', () => {
      const subscriptions = Object.values(template.findResources('AWS::SNS::Subscription')).map((s) => s.Properties);
      expect(subscriptions).toEqual(
        expect.arrayContaining([
          { Protocol: 'email', Endpoint: 'secops@example.com', TopicArn: ref(alerting.topic) },
          { Protocol: 'email', Endpoint: 'oncall@example.org', TopicArn: ref(alerting.topic) },
          { Protocol: 'email', Endpoint: 'platform@example.com', TopicArn: ref(monitoring.opsTopic) },
        ]),
      );
      expect(subscriptions).toHaveLength(3);
    });

    it('lets CloudWatch alarms of this account publish to the ops topic despite the TLS-only topic policy', () => {
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        Topics: [ref(monitoring.opsTopic)],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Allow',
              Principal: { Service: 'cloudwatch.amazonaws.com' },
              Action: 'sns:Publish',
              Condition: Match.objectLike({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } }),
            }),
          ]),
        },
      });
    });

    it('lets CloudWatch use the messaging key, so alarms can publish to the encrypted ops topic', () => {
      template.hasResourceProperties('AWS::KMS::Key', {
        KeyPolicy: {
          Statement: Match.arrayWith([
            Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }),
          ]),
        },
      });
    });
  });

  describe('functions', () => {
    const lambdas = Object.values(template.findResources('AWS::Lambda::Function'));

    it('runs every function on Node.js 22, arm64, with JSON logs in its own log group', () => {
      expect(lambdas).toHaveLength(3);
      for (const fn of lambdas) {
        expect(fn.Properties).toMatchObject({
          Runtime: 'nodejs22.x',
          Architectures: ['arm64'],
          Handler: 'index.handler',
          LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: expect.stringMatching(/LogGroup/) } },
        });
      }
      template.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: 14 }, 3);
    });

    it('sets the prober memory and timeout from context', () => {
      template.hasResourceProperties('AWS::Lambda::Function', { FunctionName: Match.absent(), MemorySize: 1536, Timeout: 240 });
    });

    it('uses only environment variable names defined in lambdas/shared/env.ts', () => {
      const allowed = new Set<string>([...Object.values(ENV), 'NODE_OPTIONS']);
      for (const fn of lambdas) {
        for (const name of Object.keys(fn.Properties.Environment.Variables)) expect(allowed).toContain(name);
      }
    });

    it('gives each function the environment its handler reads', () => {
      const env = (fn: (typeof functions)[keyof typeof functions]) => template.toJSON().Resources[logicalId(fn.fn)].Properties.Environment.Variables;
      expect(env(functions.planner)).toEqual({
        NODE_OPTIONS: '--enable-source-maps',
        [ENV.RANGE_TABLE_NAME]: ref(tables.rangeTable),
        [ENV.STATE_TABLE_NAME]: ref(tables.stateTable),
        [ENV.PROBE_QUEUE_URL]: ref(pipeline.queue),
        [ENV.DEFAULT_PORTS]: '8000,8001,8002,11434',
        [ENV.BLOCK_SIZE]: '256',
        [ENV.MAX_RANGE_PREFIX]: '20',
        [ENV.ALLOW_PRIVATE]: 'false',
        [ENV.GONE_AFTER_MISSES]: '2',
      });
      expect(env(functions.prober)).toEqual({
        NODE_OPTIONS: '--enable-source-maps',
        [ENV.STATE_TABLE_NAME]: ref(tables.stateTable),
        [ENV.PROBE_CONCURRENCY]: '768',
        [ENV.PROBE_CONNECT_TIMEOUT_MS]: '1000',
        [ENV.PROBE_HTTP_TIMEOUT_MS]: '4000',
        // The block budget leaves a minute of the 240 s prober timeout spare.
        [ENV.PROBE_BLOCK_BUDGET_MS]: '180000',
        [ENV.MAX_RANGE_PREFIX]: '20',
        [ENV.ALLOW_PRIVATE]: 'false',
        [ENV.GONE_AFTER_MISSES]: '2',
        [ENV.SCANNER_CONTACT]: 'https://security.example.com/scanner',
      });
      expect(Object.keys(env(functions.notifier)).sort()).toEqual(
        ['NODE_OPTIONS', ENV.STATE_TABLE_NAME, ENV.ALERT_TOPIC_ARN, ENV.SLACK_WEBHOOK_SECRET_ARN, ENV.WEBHOOK_SECRET_ARN].sort(),
      );
    });

    it('passes the notifier only the secrets\' ARNs, never a webhook URL', () => {
      const env = template.toJSON().Resources[logicalId(alerting.notifier.fn)].Properties.Environment.Variables;
      expect(env[ENV.WEBHOOK_SECRET_ARN]).toBe(WEBHOOK_SECRET_ARN);
      expect(JSON.stringify(env[ENV.SLACK_WEBHOOK_SECRET_ARN])).toContain(`:secret:${SLACK_SECRET_NAME}`);
      expect(JSON.stringify(env[ENV.SLACK_WEBHOOK_SECRET_ARN])).toContain('secretsmanager');
      for (const fn of lambdas) expect(JSON.stringify(fn.Properties.Environment)).not.toMatch(/https:\/\/hooks\.|SecretString|resolve:secretsmanager/);
    });
  });

  describe('IAM', () => {
    const allStatements = () =>
      Object.values(template.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string | string[] }[]);

    it('has no statement with a wildcard action (`*` or `service:*`)', () => {
      const actions = allStatements().flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
      expect(actions.length).toBeGreaterThan(0);
      expect(actions.filter((a) => a === '*' || /^[a-z0-9-]+:\*$/.test(a))).toEqual([]);
    });

    it('attaches no managed policies (each role writes only to its own log group)', () => {
      for (const role of Object.values(template.findResources('AWS::IAM::Role'))) expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      for (const [name, fn] of Object.entries(functions)) {
        const logs = statements[name as keyof typeof statements].filter((s) => actionsOf(s).some((a) => a.startsWith('logs:')));
        expect(logs).toEqual([{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: arnOf(fn.logGroup) }]);
      }
    });

    it('planner: reads ranges, reads/writes state, sends probe messages; nothing else', () => {
      const s = statements.planner;
      expect(grants(s, 'dynamodb:Query', tables.rangeTable)).toHaveLength(1);
      expect(grants(s, 'dynamodb:PutItem', tables.rangeTable)).toEqual([]);
      expect(grants(s, 'dynamodb:UpdateItem', tables.stateTable)).toHaveLength(1);
      expect(grants(s, 'sqs:SendMessage', pipeline.queue)).toHaveLength(1);
      expect(s.flatMap(actionsOf).filter((a) => /^(sns|secretsmanager|lambda):/.test(a))).toEqual([]);
      expect(touching(s, alerting.failureQueue)).toEqual([]);
    });

    it('prober: reads/writes state only; no range table, no sending to any queue, no topic; reads only proxy header secrets', () => {
      const s = statements.prober;
      expect(grants(s, 'dynamodb:UpdateItem', tables.stateTable)).toHaveLength(1);
      expect(touching(s, tables.rangeTable)).toEqual([]);
      expect(s.flatMap(actionsOf)).not.toContain('sqs:SendMessage');
      expect(s.flatMap(actionsOf).filter((a) => /^(sns|lambda):/.test(a))).toEqual([]);
      // Secrets: GetSecretValue alone, on the monitor's header-secret prefix alone.
      const secretStatements = s.filter((st) => actionsOf(st).some((a) => a.startsWith('secretsmanager:')));
      expect(secretStatements.map(actionsOf)).toEqual([['secretsmanager:GetSecretValue']]);
      expect(JSON.stringify(secretStatements[0]?.Resource)).toMatch(/:secret:ai-exposure-monitor\/headers\/\*"/);
      expect(grants(s, 'sqs:ReceiveMessage', pipeline.queue)).toHaveLength(1);
    });

    it('notifier: state and its stream, publish to the alert topic, read its two secrets; no range table or probe queue', () => {
      const s = statements.notifier;
      expect(grants(s, 'dynamodb:Query', tables.stateTable)).toHaveLength(1);
      expect(grants(s, 'sns:Publish', alerting.topic)).toHaveLength(1);
      expect(grants(s, 'sns:Publish', monitoring.opsTopic)).toEqual([]);
      expect(touching(s, tables.rangeTable)).toEqual([]);
      expect(touching(s, pipeline.queue)).toEqual([]);
      expect(grants(s, 'sqs:SendMessage', alerting.failureQueue)).toHaveLength(1);
      // The one statement on Resource "*" is the action that has no resource-level permissions.
      expect(s.filter((st) => st.Resource === '*')).toEqual([{ Effect: 'Allow', Action: 'dynamodb:ListStreams', Resource: '*' }]);
      const secretReads = s.filter((st) => actionsOf(st).includes('secretsmanager:GetSecretValue'));
      expect(secretReads).toHaveLength(1);
      const resources = JSON.stringify(secretReads[0]?.Resource);
      expect(resources).toContain(WEBHOOK_SECRET_ARN);
      expect(resources).toContain(`:secret:${SLACK_SECRET_NAME}-??????`);
      expect(s).toContainEqual({
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: SECRET_KEY_ARN,
        Condition: { StringEquals: { 'kms:ViaService': { 'Fn::Join': ['', ['secretsmanager.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } } },
      });
    });

    it('lets only the notifier read sink secrets or publish alerts (the prober reads proxy header secrets only)', () => {
      expect(statements.planner.flatMap(actionsOf).filter((a) => a.startsWith('secretsmanager:') || a === 'sns:Publish')).toEqual([]);
      expect(statements.prober.flatMap(actionsOf).filter((a) => a === 'sns:Publish')).toEqual([]);
      const readers = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) => JSON.stringify(p).includes('secretsmanager:'));
      const roles = readers.map((p) => p.Properties.Roles);
      expect(roles).toHaveLength(2);
      expect(roles).toEqual(expect.arrayContaining([[ref(alerting.notifier.role)], [ref(pipeline.prober.role)]]));
      const proberReads = JSON.stringify(statements.prober.filter((st) => actionsOf(st).includes('secretsmanager:GetSecretValue')));
      expect(proberReads).not.toContain(SLACK_SECRET_NAME);
    });
  });

  describe('monitoring', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    const opsAction = [ref(monitoring.opsTopic)];

    it('alarms on a cycle that refused a range row, and on dead-lettered alerts', () => {
      for (const metric of ['RangeRowsRejected', 'AlertsDeadLettered']) {
        expect(alarms).toContainEqual(
          expect.objectContaining({ Namespace: 'AiExposureMonitor', MetricName: metric, ComparisonOperator: 'GreaterThanThreshold', Threshold: 0, AlarmActions: opsAction }),
        );
      }
    });

    it.each([
      ['probe dead-letter queue', () => pipeline.deadLetterQueue],
      ['notifier stream-failure queue', () => alerting.failureQueue],
    ])('alarms as soon as the %s holds a message', (_name, queue) => {
      expect(alarms).toContainEqual(
        expect.objectContaining({
          Namespace: 'AWS/SQS',
          MetricName: 'ApproximateNumberOfMessagesVisible',
          Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(queue()), 'QueueName'] } }],
          ComparisonOperator: 'GreaterThanThreshold',
          Threshold: 0,
          AlarmActions: opsAction,
        }),
      );
    });

    it('alarms on errors of every function', () => {
      for (const fn of Object.values(functions)) {
        expect(alarms).toContainEqual(
          expect.objectContaining({ MetricName: 'Errors', Dimensions: [{ Name: 'FunctionName', Value: ref(fn.fn) }], Threshold: 0, AlarmActions: opsAction }),
        );
      }
    });

    it('alarms when the oldest probe message is older than queueAgeAlarmMinutes', () => {
      expect(alarms).toContainEqual(
        expect.objectContaining({
          MetricName: 'ApproximateAgeOfOldestMessage',
          Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(pipeline.queue), 'QueueName'] } }],
          Threshold: 90 * 60,
          AlarmActions: opsAction,
        }),
      );
    });

    it('alarms on alerts dead-lettered by the notifier (its custom metric)', () => {
      expect(alarms).toContainEqual(
        expect.objectContaining({ Namespace: METRICS_NAMESPACE, MetricName: 'AlertsDeadLettered', Dimensions: [{ Name: 'service', Value: 'notifier' }] }),
      );
    });

    it('charts the handlers\' custom metrics on the dashboard', () => {
      const body = JSON.stringify(template.findResources('AWS::CloudWatch::Dashboard'));
      for (const metric of ['Runs', 'Probes', 'AiEndpoints', 'AlertsSent']) expect(body).toContain(`\\"${METRICS_NAMESPACE}\\",\\"${metric}\\"`);
    });

    it('uses the service dimension each handler gives its metrics', () => {
      for (const service of new Set(Object.values(METRIC_SERVICE))) {
        const source = readFileSync(path.join(ROOT, 'lambdas', service, 'handler.ts'), 'utf8');
        expect(source).toContain(`lambdaMetrics('${service}')`);
      }
    });
  });

  describe('outputs', () => {
    it('exports exactly the output keys the CLI reads', () => {
      expect(Object.keys(template.findOutputs('*')).sort()).toEqual(Object.values(STACK_OUTPUT_KEYS).sort());
      for (const key of Object.values(STACK_OUTPUTS)) expect(Object.values(STACK_OUTPUT_KEYS)).toContain(key);
      template.hasOutput('PlannerFunctionName', { Value: ref(pipeline.planner.fn) });
      template.hasOutput('RangeTableName', { Value: ref(tables.rangeTable) });
    });

    it('is environment-agnostic: no account, region or looked-up value in the template', () => {
      expect(Token.isUnresolved(stack.account)).toBe(true);
      expect(Token.isUnresolved(stack.region)).toBe(true);
      const body = JSON.stringify(template.toJSON()).replaceAll(WEBHOOK_SECRET_ARN, '').replaceAll(SECRET_KEY_ARN, '');
      expect(body).not.toMatch(/\b\d{12}\b/);
    });
  });

  describe('cdk-nag', () => {
    it('reports no unacknowledged finding from the AwsSolutions or Serverless packs', () => {
      for (const pack of [new AwsSolutionsChecks(), new ServerlessChecks()]) {
        expect(pack.validateScope(app).violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath).join(',')}`)).toEqual([]);
      }
    });

    it('leaves a validation report without failures', () => {
      const report = JSON.parse(readFileSync(path.join(app.synth().directory, 'validation-report.json'), 'utf8')) as {
        pluginReports: { conclusion: string }[];
      };
      expect(report.pluginReports.filter((r) => r.conclusion !== 'success')).toEqual([]);
    });
  });
});
