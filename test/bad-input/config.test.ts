import { describe, expect, it } from 'vitest';
import { CONTEXT_KEYS, ConfigError as ContextError, type ContextKey, parseConfig } from '../../lib/config.js';
import { ConfigError, loadMonitorSettings, loadProbeOptions, requiredEnv } from '../../lambdas/shared/config.js';
import { ENV, type EnvName } from '../../lambdas/shared/env.js';

/**
 * Bad deployment settings: Lambda environment variables (read at cold start) and CDK context
 * (read at synth). Each bad value must give an error naming the variable or key and the value.
 */

function envError(env: Record<string, string>): string {
  const errors: string[] = [];
  for (const load of [loadMonitorSettings, loadProbeOptions]) {
    try {
      load(env);
    } catch (err) {
      expect(err, `${load.name} threw ${(err as Error).name}: ${(err as Error).message}`).toBeInstanceOf(ConfigError);
      errors.push((err as Error).message);
    }
  }
  expect(errors, `no loader refused ${JSON.stringify(env)}`).toHaveLength(1);
  return errors[0] as string;
}

describe('environment variables: ConfigError naming the variable and the value', () => {
  it.each<[EnvName, string, string]>([
    [ENV.BLOCK_SIZE, '0', 'BLOCK_SIZE="0"'],
    [ENV.BLOCK_SIZE, '4097', 'BLOCK_SIZE="4097"'],
    [ENV.BLOCK_SIZE, 'abc', 'BLOCK_SIZE="abc"'],
    [ENV.BLOCK_SIZE, '1.5', 'BLOCK_SIZE="1.5"'],
    [ENV.BLOCK_SIZE, '-1', 'BLOCK_SIZE="-1"'],
    [ENV.BLOCK_SIZE, 'Infinity', 'BLOCK_SIZE="Infinity"'],
    [ENV.MAX_RANGE_PREFIX, '7', 'MAX_RANGE_PREFIX="7"'],
    [ENV.MAX_RANGE_PREFIX, '33', 'MAX_RANGE_PREFIX="33"'],
    [ENV.MAX_RANGE_PREFIX, 'sixteen', 'MAX_RANGE_PREFIX="sixteen"'],
    [ENV.ALLOW_PRIVATE, 'yes', 'ALLOW_PRIVATE="yes"'],
    [ENV.ALLOW_PRIVATE, 'TRUE', 'ALLOW_PRIVATE="TRUE"'],
    [ENV.ALLOW_PRIVATE, '1', 'ALLOW_PRIVATE="1"'],
    [ENV.GONE_AFTER_MISSES, '0', 'GONE_AFTER_MISSES="0"'],
    [ENV.GONE_AFTER_MISSES, '101', 'GONE_AFTER_MISSES="101"'],
    [ENV.DEFAULT_PORTS, '70000', '70000 is out of range'],
    [ENV.DEFAULT_PORTS, '80,http', '"http" is not a port number'],
    [ENV.DEFAULT_PORTS, '1-65535', '"1-65535" spans more than 64 ports'],
    [ENV.DEFAULT_PORTS, ',', 'no port given'],
    [ENV.PROBE_CONCURRENCY, '0', 'PROBE_CONCURRENCY="0"'],
    [ENV.PROBE_CONCURRENCY, '901', 'PROBE_CONCURRENCY="901"'],
    [ENV.PROBE_CONCURRENCY, 'many', 'PROBE_CONCURRENCY="many"'],
    [ENV.PROBE_CONNECT_TIMEOUT_MS, '49', 'PROBE_CONNECT_TIMEOUT_MS="49"'],
    [ENV.PROBE_CONNECT_TIMEOUT_MS, '30001', 'PROBE_CONNECT_TIMEOUT_MS="30001"'],
    [ENV.PROBE_HTTP_TIMEOUT_MS, '99', 'PROBE_HTTP_TIMEOUT_MS="99"'],
    [ENV.PROBE_HTTP_TIMEOUT_MS, '2s', 'PROBE_HTTP_TIMEOUT_MS="2s"'],
    [ENV.CHECK_DEFAULT_CREDENTIALS, 'on', 'CHECK_DEFAULT_CREDENTIALS="on"'],
    [ENV.ROUTES_JSON, '[{"name":', 'ROUTES_JSON="[{"name":" is not JSON'],
    [ENV.ROUTES_JSON, '{"name":"a"}', 'routes: a JSON list of routes'],
    [ENV.ROUTES_JSON, '[{"name":"A"}]', 'routes[0].name: a route name is'],
    [ENV.ROUTES_JSON, '[{"name":"a","floor":"loud"}]', 'routes[0].floor: one of info, low, medium, high, critical; got "loud"'],
    [ENV.ROUTES_JSON, '[{"name":"a"},{"name":"a"}]', 'routes[1].name: route "a" is already defined by routes[0]'],
    [ENV.ROUTES_JSON, '[{"name":"a","owners":["o"]},{"name":"b","owners":["o"]}]', 'routes[1].owners[0]: owner "o" is already served by route "a"'],
    [ENV.ROUTES_JSON, '[{"name":"a","emailTopicArns":["arn:aws:sqs:eu-west-1:111122223333:q"]}]', 'routes[0].emailTopicArns[0]: an SNS topic ARN'],
    [ENV.ROUTES_JSON, '[{"name":"a","slackWebhookSecrets":["https://hooks.slack.com/x"]}]', 'routes[0].slackWebhookSecrets[0]: the name or ARN'],
    [ENV.ROUTES_JSON, '[{"name":"a","url":"x"}]', 'routes[0].url: unknown key'],
  ])('%s=%j', (name, value, shown) => {
    const message = envError({ [name]: value });
    expect(message).toContain(`environment variable ${name}`);
    expect(message).toContain(shown);
  });

  it('reports the bad variable even when the others are good', () => {
    const message = envError({ [ENV.BLOCK_SIZE]: '128', [ENV.ALLOW_PRIVATE]: 'true', [ENV.GONE_AFTER_MISSES]: 'two', [ENV.DEFAULT_PORTS]: '80,443' });
    expect(message).toContain('GONE_AFTER_MISSES="two"');
  });

  it.each([[undefined], [''], ['   ']])('a required variable set to %j is named as not set', (value) => {
    expect(() => requiredEnv(value === undefined ? {} : { [ENV.RANGE_TABLE_NAME]: value }, ENV.RANGE_TABLE_NAME)).toThrowError(
      new ConfigError('environment variable RANGE_TABLE_NAME is not set'),
    );
  });

  it('a scanner contact with control characters cannot inject a header line into the User-Agent', () => {
    const options = loadProbeOptions({ [ENV.SCANNER_CONTACT]: 'ops@example.com\r\nX-Injected: 1\u0000 é' });
    expect(options.userAgent).toBe('ai-exposure-monitor/0.1 (+ops@example.comX-Injected:1)');
  });
});

function contextProblems(raw: Partial<Record<ContextKey, unknown>>): readonly string[] {
  try {
    parseConfig(raw);
  } catch (err) {
    expect(err, `parseConfig threw ${(err as Error).name}: ${(err as Error).message}`).toBeInstanceOf(ContextError);
    return (err as ContextError).problems;
  }
  throw new Error(`parseConfig accepted ${JSON.stringify(raw)}`);
}

const BAD_CONTEXT: [ContextKey, unknown][] = [
  ['schedule', 'every 6 hours'],
  ['schedule', 'rate(1 hours)'],
  ['schedule', 'rate(6 hour)'],
  ['schedule', 'rate(0 minutes)'],
  ['schedule', 'cron(0 6 * * ?)'],
  ['schedule', 42],
  ['alertRetrySchedule', 'rate(30 seconds)'],
  ['ports', '70000'],
  ['ports', 'http'],
  ['ports', [80, 'x']],
  ['ports', { http: 80 }],
  ['ports', '1-65535'],
  ['alertEmails', 'not-an-email'],
  ['alertEmails', ['a@example.com', 'a@example.com']],
  ['alertEmails', 'a@example.com;b@example.com'],
  ['alertEmails', 5],
  ['alertEmails', [{ email: 'a@example.com' }]],
  ['opsEmails', 'ops'],
  ['slackWebhookSecret', 'https://hooks.slack.com/services/T0/B0/XXXX'],
  ['slackWebhookSecret', 'arn:aws:secretsmanager:us-east-1:123:secret:slack'],
  ['webhookSecret', 'has space'],
  ['webhookSecret', 42],
  ['webhookSecretKmsKeyArn', 'alias/my-key'],
  ['teamsWebhookSecret', 'https://example.webhook.office.com/webhookb2/x'],
  ['pagerDutySecret', 'has space'],
  ['defaultRouteFloor', 'urgent'],
  ['defaultRouteFloor', 3],
  ['probeConcurrency', 0],
  ['probeConcurrency', 901],
  ['probeConcurrency', 'abc'],
  ['probeConcurrency', 1.5],
  ['probeConcurrency', '1e3'],
  ['probeConnectTimeoutMs', 49],
  ['probeHttpTimeoutMs', 60_001],
  ['maxConcurrency', 1],
  ['probeBatchSize', 11],
  ['proberTimeoutSeconds', 901],
  ['proberMemoryMb', 64],
  ['blockSize', 0],
  ['blockSize', 4097],
  ['maxRangePrefix', 7],
  ['maxRangePrefix', 33],
  ['allowPrivate', 'yes'],
  ['allowPrivate', 1],
  ['goneAfterMisses', 0],
  ['scannerContact', 'ops at example.com'],
  ['scannerContact', 'x'.repeat(121)],
  ['logRetentionDays', 2],
  ['logRetentionDays', 'forever'],
  ['removalPolicy', 'delete'],
  ['removalPolicy', 'RETAIN'],
  ['queueAgeAlarmMinutes', 4],
];

describe('CDK context: one problem per bad key, naming the key and the value', () => {
  it.each(BAD_CONTEXT)('%s = %j', (key, value) => {
    const problems = contextProblems({ [key]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`context "${key}"`);
    expect(problems[0]).toContain(JSON.stringify(value));
  });

  it('every bad key at once: each is reported (all problems in one error, not only the first)', () => {
    const raw: Partial<Record<ContextKey, unknown>> = {};
    for (const [key, value] of BAD_CONTEXT) raw[key] ??= value;
    const problems = contextProblems(raw);
    const keys = Object.keys(raw);
    expect(problems).toHaveLength(keys.length);
    for (const key of keys) expect(problems.some((p) => p.includes(`context "${key}"`)), `no problem names ${key}`).toBe(true);
    expect(keys.every((k) => (CONTEXT_KEYS as readonly string[]).includes(k))).toBe(true);
  });

  it('a KMS key for the webhook secrets without any webhook secret is refused, naming both keys', () => {
    const problems = contextProblems({ webhookSecretKmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' });
    expect(problems).toEqual(['context "webhookSecretKmsKeyArn" is set but no secret is ("slackWebhookSecret", "webhookSecret", "teamsWebhookSecret", "pagerDutySecret" or a route\'s secrets)']);
  });
});
