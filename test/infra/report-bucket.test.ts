import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { ENV } from '../../lambdas/shared/env.js';
import { CONFIG_DEFAULTS, loadConfig, parseConfig } from '../../lib/config.js';
import { actionsOf, logicalId, roleStatements, type Statement, synthMonitor, touching, problemsOf } from './infra-app.js';

// The report bucket (issue 13): off by default; with `-c report=true` a private, KMS-encrypted
// bucket the notifier may write and read under `reports/` only.
const on = synthMonitor({ report: 'true', reportRetentionDays: '7', reportLinkHours: '4' });
const off = synthMonitor({});

const reports = on.stack.reports;
if (!reports) throw new Error('expected the report bucket with report=true');
const bucketId = logicalId(reports.bucket);
const logBucketId = logicalId(reports.accessLogBucket);
const keyArn = { 'Fn::GetAtt': [logicalId(on.stack.tables.key), 'Arn'] };
const resources = on.template.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string }>;
const bucketPolicy = (id: string): Statement[] =>
  Object.values(on.template.findResources('AWS::S3::BucketPolicy', { Properties: { Bucket: { Ref: id } } })).flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
const envOf = (result: typeof on) => result.template.toJSON().Resources[logicalId(result.stack.alerting.notifier.fn)].Properties.Environment.Variables as Record<string, unknown>;
const reportObjects = { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/reports/*']] };


function nagViolations(app: App): string[] {
  return [new AwsSolutionsChecks(), new ServerlessChecks()].flatMap((pack) =>
    pack.validateScope(app).violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath).join(',')}`),
  );
}

describe('report context', () => {
  it('is off by default, kept 30 days, linked for 12 hours', () => {
    expect(CONFIG_DEFAULTS).toMatchObject({ report: false, reportRetentionDays: 30, reportLinkHours: 12 });
    expect(parseConfig({})).toMatchObject({ report: false, reportRetentionDays: 30, reportLinkHours: 12 });
  });

  it('reads the JSON and the `-c key=value` forms', () => {
    expect(parseConfig({ report: true, reportRetentionDays: 3650, reportLinkHours: 1 })).toMatchObject({ report: true, reportRetentionDays: 3650, reportLinkHours: 1 });
    expect(parseConfig({ report: 'true', reportRetentionDays: '1', reportLinkHours: '12' })).toMatchObject({ report: true, reportRetentionDays: 1, reportLinkHours: 12 });
    expect(parseConfig({ report: 'false', reportRetentionDays: '', reportLinkHours: '' })).toMatchObject({ report: false, reportRetentionDays: 30, reportLinkHours: 12 });
  });

  it.each<[string, unknown, RegExp]>([
    ['report', 'yes', /^context "report" must be true or false; got "yes"$/],
    ['report', 1, /^context "report" must be true or false; got 1$/],
    ['reportRetentionDays', 0, /^context "reportRetentionDays" must be a whole number from 1 to 3650.*got 0$/],
    ['reportRetentionDays', 3651, /^context "reportRetentionDays" must be a whole number from 1 to 3650.*got 3651$/],
    ['reportRetentionDays', '30d', /^context "reportRetentionDays".*got "30d"$/],
    ['reportRetentionDays', 1.5, /^context "reportRetentionDays".*got 1.5$/],
    ['reportLinkHours', 13, /^context "reportLinkHours" must be a whole number from 1 to 12.*got 13$/],
    ['reportLinkHours', 0, /^context "reportLinkHours" must be a whole number from 1 to 12.*got 0$/],
    ['reportLinkHours', '168', /^context "reportLinkHours".*got "168"$/],
  ])('refuses %s = %j, naming the key', (key, value, message) => {
    const problems = problemsOf({ [key]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('fails loadConfig before any construct is built, whether or not reports are on', () => {
    expect(() => loadConfig(new App({ context: { report: 'true', reportLinkHours: 24 } }))).toThrow(/"reportLinkHours"/);
    expect(() => loadConfig(new App({ context: { reportRetentionDays: -1 } }))).toThrow(/"reportRetentionDays"/);
  });
});

describe('report bucket (report=true)', () => {
  it('encrypts the reports with the stack key and an S3 bucket key (still one KMS key in the stack)', () => {
    on.template.resourceCountIs('AWS::KMS::Key', 1);
    on.template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyArn } }] },
    });
    expect(resources[bucketId]?.Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyArn } }],
    });
  });

  it('blocks all public access and ACLs on both buckets, and is not versioned', () => {
    for (const id of [bucketId, logBucketId]) {
      expect(resources[id]?.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
      expect(resources[id]?.Properties.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
    }
    expect(resources[bucketId]?.Properties.VersioningConfiguration).toBeUndefined();
    on.template.resourceCountIs('AWS::S3::Bucket', 2);
  });

  it('denies every request without TLS on both buckets', () => {
    for (const id of [bucketId, logBucketId]) {
      expect(bucketPolicy(id)).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Action: 's3:*',
          Principal: { AWS: '*' },
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          Resource: [{ 'Fn::GetAtt': [id, 'Arn'] }, { 'Fn::Join': ['', [{ 'Fn::GetAtt': [id, 'Arn'] }, '/*']] }],
        }),
      );
    }
  });

  it('refuses a report GET signed longer ago than reportLinkHours, whoever signed it', () => {
    expect(bucketPolicy(bucketId)).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 's3:GetObject',
        Resource: reportObjects,
        Condition: { NumericGreaterThan: { 's3:signatureAge': 4 * 3_600_000 } },
      }),
    );
  });

  it('expires reports after reportRetentionDays and keeps access logs at least 90 days', () => {
    expect(resources[bucketId]?.Properties.LifecycleConfiguration).toEqual({
      Rules: expect.arrayContaining([{ Id: 'expire-reports', Prefix: 'reports/', ExpirationInDays: 7, Status: 'Enabled' }]),
    });
    expect(resources[logBucketId]?.Properties.LifecycleConfiguration).toEqual({
      Rules: [expect.objectContaining({ ExpirationInDays: 90, Status: 'Enabled' })],
    });
    const long = synthMonitor({ report: true, reportRetentionDays: 400 });
    const longReports = long.stack.reports;
    if (!longReports) throw new Error('expected the report bucket');
    long.template.hasResourceProperties('AWS::S3::Bucket', { LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ Id: 'expire-reports', ExpirationInDays: 400 })]) } });
    long.template.hasResourceProperties('AWS::S3::Bucket', { LifecycleConfiguration: { Rules: [Match.objectLike({ Id: 'expire-access-logs', ExpirationInDays: 400 })] } });
  });

  it('logs every request to the report bucket into an SSE-S3 access-log bucket that only S3 log delivery may write', () => {
    expect(resources[bucketId]?.Properties.LoggingConfiguration).toEqual({ DestinationBucketName: { Ref: logBucketId }, LogFilePrefix: 'report-bucket/' });
    expect(resources[logBucketId]?.Properties.BucketEncryption).toEqual({ ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] });
    const allows = bucketPolicy(logBucketId).filter((s) => s.Effect === 'Allow');
    expect(allows).toEqual([
      expect.objectContaining({
        Action: 's3:PutObject',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Condition: { ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [bucketId, 'Arn'] } }, StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
      }),
    ]);
  });

  it('keeps both buckets on `cdk destroy` (never emptied by a custom resource)', () => {
    expect(resources[bucketId]?.DeletionPolicy).toBe('Retain');
    expect(resources[logBucketId]?.DeletionPolicy).toBe('Retain');
    on.template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
  });

  it('passes the bucket name and link hours to the notifier only', () => {
    expect(envOf(on)[ENV.REPORT_BUCKET]).toEqual({ Ref: bucketId });
    expect(envOf(on)[ENV.REPORT_LINK_HOURS]).toBe('4');
    for (const fn of [on.stack.pipeline.planner, on.stack.pipeline.prober]) {
      const env = resources[logicalId(fn.fn)]?.Properties.Environment as { Variables: Record<string, unknown> };
      expect(env.Variables).not.toHaveProperty(ENV.REPORT_BUCKET);
    }
  });

  it('lets the notifier only put and get objects under reports/, and use the stack key', () => {
    const statements = roleStatements(on.template, on.stack.alerting.notifier.role);
    const s3 = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('s3:')));
    expect(s3).toEqual([{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: reportObjects }]);
    expect(touching(statements, reports.bucket)).toEqual(s3);
    const keyActions = statements.filter((s) => JSON.stringify(s.Resource) === JSON.stringify(keyArn)).flatMap(actionsOf);
    expect(keyActions).toEqual(expect.arrayContaining(['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey*']));
  });

  it('gives no other role any S3 permission', () => {
    for (const fn of [on.stack.pipeline.planner, on.stack.pipeline.prober]) {
      expect(roleStatements(on.template, fn.role).flatMap(actionsOf).filter((a) => a.startsWith('s3:'))).toEqual([]);
    }
    const policies = Object.values(on.template.findResources('AWS::IAM::Policy')).filter((p) => JSON.stringify(p).includes('"s3:'));
    expect(policies).toHaveLength(1);
  });

  it('passes cdk-nag (AwsSolutions and Serverless) and leaves a validation report without failures', () => {
    expect(nagViolations(on.app)).toEqual([]);
    const report = JSON.parse(readFileSync(path.join(on.app.synth().directory, 'validation-report.json'), 'utf8')) as { pluginReports: { conclusion: string }[] };
    expect(report.pluginReports.filter((r) => r.conclusion !== 'success')).toEqual([]);
  });
});

describe('without report (the default)', () => {
  it('creates no bucket, sets no report variable and grants no S3 action', () => {
    expect(off.stack.reports).toBeUndefined();
    off.template.resourceCountIs('AWS::S3::Bucket', 0);
    off.template.resourceCountIs('AWS::S3::BucketPolicy', 0);
    expect(envOf(off)).not.toHaveProperty(ENV.REPORT_BUCKET);
    expect(envOf(off)).not.toHaveProperty(ENV.REPORT_LINK_HOURS);
    const actions = Object.values(off.template.findResources('AWS::IAM::Policy')).flatMap((p) => (p.Properties.PolicyDocument.Statement as Statement[]).flatMap(actionsOf));
    expect(actions.filter((a) => a.startsWith('s3:'))).toEqual([]);
  });

  it('passes cdk-nag', () => {
    expect(nagViolations(off.app)).toEqual([]);
  });
});
