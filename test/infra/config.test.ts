import { App, Stack } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { CONFIG_DEFAULTS, CONTEXT_KEYS, ConfigError, loadConfig, parseConfig } from '../../lib/config.js';
import { addNagChecks } from '../../lib/nag.js';
import { cdkJsonContext, problemsOf } from './infra-app.js';


describe('parseConfig', () => {
  it('applies the defaults when no context is given', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ ...CONFIG_DEFAULTS, opsEmails: [] });
    expect(config.ports).toBeUndefined();
    expect(config.slackWebhookSecret).toBeUndefined();
  });

  it('accepts the context block in cdk.json, whose values equal the defaults', () => {
    const context = cdkJsonContext();
    const config = parseConfig(context);
    for (const key of CONTEXT_KEYS) {
      if (key in context) expect(config[key], key).toEqual(CONFIG_DEFAULTS[key as keyof typeof CONFIG_DEFAULTS]);
    }
  });

  it('reads the string forms `-c key=value` gives', () => {
    const config = parseConfig({
      maxConcurrency: '50',
      allowPrivate: 'true',
      alertEmails: 'a@example.com, b@example.org',
      ports: '80,443,8000-8002',
      logRetentionDays: '90',
      slackWebhookSecret: '',
    });
    expect(config).toMatchObject({ maxConcurrency: 50, allowPrivate: true, alertEmails: ['a@example.com', 'b@example.org'], ports: [80, 443, 8000, 8001, 8002], logRetentionDays: 90 });
    expect(config.opsEmails).toEqual(config.alertEmails);
    expect(config.slackWebhookSecret).toBeUndefined();
  });

  it.each([
    ['rate(1 hour)'],
    ['rate(6 hours)'],
    ['rate(30 minutes)'],
    ['rate(1 day)'],
    ['cron(0 */6 * * ? *)'],
  ])('accepts the schedule %s', (schedule) => {
    expect(parseConfig({ schedule }).schedule).toBe(schedule);
  });

  it.each<[string, unknown, RegExp]>([
    ['maxConcurrency', 1, /"maxConcurrency" must be a whole number from 2 to 1000.*got 1$/],
    ['maxConcurrency', 1001, /"maxConcurrency".*got 1001/],
    ['maxConcurrency', '5x', /"maxConcurrency".*got "5x"/],
    ['probeBatchSize', 11, /"probeBatchSize" must be a whole number from 1 to 10/],
    ['proberTimeoutSeconds', 901, /"proberTimeoutSeconds".*900/],
    ['maxRangePrefix', 4, /"maxRangePrefix" must be a whole number from 8 to 32/],
    ['schedule', 'every 6 hours', /"schedule" must be a schedule expression "rate\(N unit\)".*got "every 6 hours"/],
    ['schedule', 'rate(1 hours)', /"schedule".*got "rate\(1 hours\)"/],
    ['schedule', 'rate(5 minute)', /"schedule".*got "rate\(5 minute\)"/],
    ['schedule', 'cron(0 3 * *)', /"schedule".*got "cron\(0 3 \* \*\)"/],
    ['alertRetrySchedule', 'at(2030-01-01T00:00:00)', /"alertRetrySchedule"/],
    ['alertEmails', ['secops@example.com', 'not-an-email'], /"alertEmails" must be a list of email addresses.*got "not-an-email"/],
    ['alertEmails', 'a@example.com,a@example.com', /"alertEmails" must be a list without repeated addresses/],
    ['opsEmails', 42, /"opsEmails" must be a list/],
    ['ports', '80,70000', /"ports" must be a port set \(catalog, ai, all\) or a port list.*got "80,70000"/],
    ['allowPrivate', 'yes', /"allowPrivate" must be true or false; got "yes"/],
    ['removalPolicy', 'snapshot', /"removalPolicy" must be one of "retain", "destroy"; got "snapshot"/],
    ['logRetentionDays', 31, /"logRetentionDays" must be a CloudWatch Logs retention in days.*got 31/],
    ['slackWebhookSecret', 'https://hooks.slack.com/services/T000/B000/XXXX', /"slackWebhookSecret" must be the name or ARN of an existing Secrets Manager secret/],
    ['webhookSecret', 'arn:aws:s3:::bucket', /"webhookSecret" must be the name or ARN/],
    ['webhookSecretKmsKeyArn', 'alias/my-key', /"webhookSecretKmsKeyArn" must be the ARN of a KMS key/],
    ['scannerContact', 'mail me', /"scannerContact".*got "mail me"/],
  ])('rejects %s = %j, naming the key and the value', (key, value, message) => {
    const problems = problemsOf({ [key]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('reports every bad key at once, in one error', () => {
    expect(() => parseConfig({ maxConcurrency: 0, schedule: 'hourly', alertEmails: 'nobody' })).toThrow(/^Invalid CDK context/);
    const problems = problemsOf({ maxConcurrency: 0, schedule: 'hourly', alertEmails: 'nobody' });
    expect(problems).toHaveLength(3);
    for (const key of ['maxConcurrency', 'schedule', 'alertEmails']) expect(problems.join('\n')).toContain(`"${key}"`);
  });

  it('refuses a KMS key for secrets when there is no secret', () => {
    expect(problemsOf({ webhookSecretKmsKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' })).toEqual([
      'context "webhookSecretKmsKeyArn" is set but no secret is ("slackWebhookSecret", "webhookSecret", "teamsWebhookSecret", "pagerDutySecret" or a route\'s secrets)',
    ]);
  });
});

describe('loadConfig', () => {
  it('reads the app context and fails before any construct is built', () => {
    const app = new App({ context: { maxConcurrency: 1 } });
    expect(() => loadConfig(app)).toThrow(ConfigError);
    expect(() => loadConfig(app)).toThrow(/"maxConcurrency"/);
  });
});

describe('addNagChecks', () => {
  it('fails the synth on an unacknowledged finding', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    new Queue(new Stack(app, 'Offender'), 'PlainQueue');
    addNagChecks(app);
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS4|Validation failed/);
  });
});
