import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { loadMonitorSettings, loadRoutes } from '../../lambdas/shared/config.js';
import { ENV } from '../../lambdas/shared/env.js';
import { ConfigError, loadConfig, parseConfig } from '../../lib/config.js';
import { actionsOf, logicalId, roleStatements, synthMonitor, problemsOf } from './infra-app.js';

// Routes from context, as cdk.json holds them (a JSON array), with every kind of destination, a
// secret by name and one by complete ARN, and a `default` entry adding to the default route.
const PAYMENTS_TOPIC = 'arn:aws:sns:eu-west-1:111122223333:payments-alerts';
const LAB_TOPIC = 'arn:aws:sns:us-east-1:444455556666:lab-alerts';
const PD_ARN = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:payments/pagerduty-AbC123';
const ROUTES = [
  {
    name: 'payments',
    owners: ['team-payments', 'team-billing'],
    floor: 'high',
    slackWebhookSecrets: ['payments/slack'],
    teamsWebhookSecrets: ['payments/teams'],
    pagerDutySecrets: [PD_ARN],
    emailTopicArns: [PAYMENTS_TOPIC],
  },
  { name: 'lab', owners: ['research'], webhookSecrets: ['lab/webhook'], emailTopicArns: [LAB_TOPIC] },
  { name: 'default', teamsWebhookSecrets: ['ops/teams'] },
];

const { app, stack, template } = synthMonitor({
  slackWebhookSecret: 'ops/slack',
  teamsWebhookSecret: 'ops/teams-main',
  pagerDutySecret: 'ops/pagerduty',
  defaultRouteFloor: 'medium',
  routes: ROUTES,
});
const resources = template.toJSON().Resources as Record<string, { Properties: { Environment: { Variables: Record<string, unknown> } } }>;
const envOf = (fn: Parameters<typeof logicalId>[0]) => resources[logicalId(fn)]?.Properties.Environment.Variables as Record<string, unknown>;
const plannerEnv = envOf(stack.pipeline.planner.fn);
const notifierEnv = envOf(stack.alerting.notifier.fn);
const notifier = roleStatements(template, stack.alerting.notifier.role);

/** A policy resource as an ARN string, with CloudFormation's pseudo parameters written as names. */
function arnText(resource: unknown): string {
  if (typeof resource === 'string') return resource;
  const join = (resource as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (join) return join[1].map((part) => (typeof part === 'string' ? part : `\${${(part as { Ref: string }).Ref}}`)).join(join[0]);
  return JSON.stringify(resource);
}
const byName = (name: string) => `arn:\${AWS::Partition}:secretsmanager:\${AWS::Region}:\${AWS::AccountId}:secret:${name}-??????`;

describe('routes on AWS: the stack', () => {
  it('gives the planner the route table only: names, owners and floors', () => {
    expect(JSON.parse(plannerEnv[ENV.ROUTES_JSON] as string)).toEqual([
      { name: 'payments', owners: ['team-payments', 'team-billing'], floor: 'high' },
      { name: 'lab', owners: ['research'], floor: 'info' },
      { name: 'default', floor: 'medium' },
    ]);
  });

  it('gives the notifier floors and destinations as secret names/ARNs and topic ARNs, never a secret value', () => {
    expect(JSON.parse(notifierEnv[ENV.ROUTES_JSON] as string)).toEqual([
      { name: 'payments', floor: 'high', slackWebhookSecrets: ['payments/slack'], teamsWebhookSecrets: ['payments/teams'], pagerDutySecrets: [PD_ARN], emailTopicArns: [PAYMENTS_TOPIC] },
      { name: 'lab', floor: 'info', webhookSecrets: ['lab/webhook'], emailTopicArns: [LAB_TOPIC] },
      { name: 'default', floor: 'medium', teamsWebhookSecrets: ['ops/teams'] },
    ]);
    expect(Object.keys(notifierEnv)).toEqual(expect.arrayContaining([ENV.TEAMS_WEBHOOK_SECRET_ARN, ENV.PAGERDUTY_SECRET_ARN, ENV.SLACK_WEBHOOK_SECRET_ARN]));
    expect(arnText(notifierEnv[ENV.PAGERDUTY_SECRET_ARN])).toContain(':secret:ops/pagerduty');
    for (const fn of Object.values(template.findResources('AWS::Lambda::Function'))) {
      expect(JSON.stringify(fn.Properties.Environment)).not.toMatch(/https?:\/\/|SecretString|resolve:secretsmanager|routingKey/);
    }
    // The prober has nothing to do with routes.
    expect(envOf(stack.pipeline.prober.fn)).not.toHaveProperty(ENV.ROUTES_JSON);
  });

  it('is read back by the functions\' own loaders (the cold-start validation accepts what the synth wrote)', () => {
    expect(loadMonitorSettings({ [ENV.ROUTES_JSON]: plannerEnv[ENV.ROUTES_JSON] as string }).routes).toEqual({
      routes: [
        { name: 'payments', owners: ['team-payments', 'team-billing'], floor: 'high' },
        { name: 'lab', owners: ['research'], floor: 'info' },
        { name: 'default', owners: [], floor: 'medium' },
      ],
    });
    expect(loadRoutes({ [ENV.ROUTES_JSON]: notifierEnv[ENV.ROUTES_JSON] as string })?.map((r) => [r.name, r.floor, r.emailTopicArns])).toEqual([
      ['payments', 'high', [PAYMENTS_TOPIC]],
      ['lab', 'info', [LAB_TOPIC]],
      ['default', 'medium', []],
    ]);
  });

  it('lets the notifier read exactly the named secrets: a name as NAME-??????, an ARN as given', () => {
    const reads = notifier.filter((s) => actionsOf(s).includes('secretsmanager:GetSecretValue'));
    expect(reads).toHaveLength(1);
    expect(actionsOf(reads[0] as (typeof reads)[number]).sort()).toEqual(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']);
    const granted = ([] as unknown[]).concat(reads[0]?.Resource).map(arnText).sort();
    expect(granted).toEqual(
      [PD_ARN, ...['ops/slack', 'ops/teams-main', 'ops/pagerduty', 'ops/teams', 'payments/slack', 'payments/teams', 'lab/webhook'].map(byName)].sort(),
    );
    // No other statement mentions Secrets Manager, and no wildcard beyond the six-character suffix.
    expect(notifier.filter((s) => actionsOf(s).some((a) => a.startsWith('secretsmanager:')))).toEqual(reads);
    expect(granted.join(' ')).not.toContain('*');
  });

  it('lets the notifier publish to exactly the alert topic and the routes\' topics, with no key grant for foreign topics', () => {
    const publishes = notifier.filter((s) => actionsOf(s).includes('sns:Publish'));
    const topics = publishes.flatMap((s) => ([] as unknown[]).concat(s.Resource));
    expect(topics).toHaveLength(3);
    expect(topics).toEqual(expect.arrayContaining([PAYMENTS_TOPIC, LAB_TOPIC, { Ref: logicalId(stack.alerting.topic) }]));
    for (const s of publishes) expect(actionsOf(s)).toEqual(['sns:Publish']);
    const kms = notifier.filter((s) => actionsOf(s).some((a) => a.startsWith('kms:')));
    expect(kms.flatMap((s) => ([] as unknown[]).concat(s.Resource))).toEqual([{ 'Fn::GetAtt': [logicalId(stack.tables.key), 'Arn'] }]);
  });

  it('gives the planner and prober no sink secret and no topic (the prober reads proxy header secrets only)', () => {
    for (const fn of [stack.pipeline.planner, stack.pipeline.prober]) {
      const statements = roleStatements(template, fn.role);
      expect(statements.flatMap(actionsOf).filter((a) => a.startsWith('sns:'))).toEqual([]);
      const secretResources = statements.filter((st) => actionsOf(st).some((a) => a.startsWith('secretsmanager:'))).map((st) => JSON.stringify(st.Resource));
      expect(secretResources.every((r) => r.includes(':secret:ai-exposure-monitor/headers/*'))).toBe(true);
      expect(secretResources).toHaveLength(fn === stack.pipeline.prober ? 1 : 0);
    }
  });

  it('passes cdk-nag (AwsSolutions and Serverless) with no new acknowledgement', () => {
    for (const pack of [new AwsSolutionsChecks(), new ServerlessChecks()]) {
      expect(pack.validateScope(app).violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath).join(',')}`)).toEqual([]);
    }
    const report = JSON.parse(readFileSync(path.join(app.synth().directory, 'validation-report.json'), 'utf8')) as { pluginReports: { conclusion: string }[] };
    expect(report.pluginReports.filter((r) => r.conclusion !== 'success')).toEqual([]);
  });

  it('takes the string form `-c routes=\'[...]\'` gives, with the same result', () => {
    const fromString = synthMonitor({ routes: JSON.stringify([{ name: 'lab', owners: ['research'], webhookSecrets: ['lab/webhook'] }]) });
    const env = fromString.template.toJSON().Resources[logicalId(fromString.stack.pipeline.planner.fn)].Properties.Environment.Variables;
    expect(JSON.parse(env[ENV.ROUTES_JSON])).toEqual([{ name: 'lab', owners: ['research'], floor: 'info' }, { name: 'default', floor: 'info' }]);
  });

  it('sets no ROUTES_JSON and no route grant without routes', () => {
    const plain = synthMonitor({});
    for (const fn of [plain.stack.pipeline.planner, plain.stack.alerting.notifier]) {
      expect(plain.template.toJSON().Resources[logicalId(fn.fn)].Properties.Environment.Variables).not.toHaveProperty(ENV.ROUTES_JSON);
    }
    const publishes = roleStatements(plain.template, plain.stack.alerting.notifier.role).filter((s) => actionsOf(s).includes('sns:Publish'));
    expect(publishes.flatMap((s) => ([] as unknown[]).concat(s.Resource))).toEqual([{ Ref: logicalId(plain.stack.alerting.topic) }]);
  });

  it('passes a default floor alone to both functions as a default-only route list', () => {
    const floorOnly = synthMonitor({ defaultRouteFloor: 'high' });
    const env = floorOnly.template.toJSON().Resources[logicalId(floorOnly.stack.alerting.notifier.fn)].Properties.Environment.Variables;
    expect(JSON.parse(env[ENV.ROUTES_JSON])).toEqual([{ name: 'default', floor: 'high' }]);
  });
});


const ok = { name: 'ok', webhookSecrets: ['ok/webhook'] };

describe('routes on AWS: bad context fails the synth, naming the key', () => {
  it.each<[string, unknown, string]>([
    ['a bad floor', [ok, { ...ok, name: 'b', floor: 'urgent' }], 'context "routes": routes[1].floor: one of info, low, medium, high, critical; got "urgent"'],
    ['a bad name', [{ ...ok, name: 'Payments' }], 'context "routes": routes[0].name: a route name is 1-40 lower-case letters, digits or "-", starting with a letter or digit; got "Payments"'],
    ['a missing name', [{ webhookSecrets: ['x'] }], 'context "routes": routes[0].name: a route name is'],
    ['a duplicate name', [ok, ok], 'context "routes": routes[1].name: route "ok" is already defined by routes[0]'],
    ['an owner on two routes', [{ ...ok, owners: ['team-a'] }, { ...ok, name: 'b', owners: ['team-a'] }], 'context "routes": routes[1].owners[0]: owner "team-a" is already served by route "ok"'],
    ['an empty owner', [{ ...ok, owners: [''] }], 'context "routes": routes[0].owners[0]: 1-200 characters of text; got ""'],
    ['a bad topic ARN', [{ ...ok, emailTopicArns: ['arn:aws:sqs:eu-west-1:111122223333:q'] }], 'context "routes": routes[0].emailTopicArns[0]: an SNS topic ARN'],
    ['a FIFO topic', [{ ...ok, emailTopicArns: ['arn:aws:sns:eu-west-1:111122223333:t.fifo'] }], 'context "routes": routes[0].emailTopicArns[0]: a standard SNS topic'],
    ['a webhook URL instead of a secret', [{ ...ok, slackWebhookSecrets: ['https://hooks.slack.com/services/T/B/X'] }], 'context "routes": routes[0].slackWebhookSecrets[0]: the name or ARN of an existing Secrets Manager secret'],
    ['a bad secret ARN', [{ ...ok, pagerDutySecrets: ['arn:aws:secretsmanager:eu-west-1:123:secret:pd'] }], 'context "routes": routes[0].pagerDutySecrets[0]: the name or ARN'],
    ['a secret listed twice', [{ ...ok, teamsWebhookSecrets: ['t', 't'] }], 'context "routes": routes[0].teamsWebhookSecrets[1]: "t" is listed twice'],
    ['a list given as a string', [{ ...ok, webhookSecrets: 'ok/webhook' }], 'context "routes": routes[0].webhookSecrets: a list of secrets; got "ok/webhook"'],
    ['an unknown key', [{ ...ok, slack: ['x'] }], 'context "routes": routes[0].slack: unknown key (known: name, owners, floor, slackWebhookSecrets'],
    ['a route without destination', [{ name: 'quiet', owners: ['x'] }], 'context "routes": routes[0]: route "quiet" has no destination'],
    ['not a list', { name: 'ok' }, 'context "routes": a JSON list of routes'],
    ['not JSON', "[{name: 'ok'}]", 'context "routes" must be a JSON list of routes'],
  ])('%s', (_what, routes, message) => {
    const problems = problemsOf({ routes });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it('reports every problem of every route at once', () => {
    const problems = problemsOf({ routes: [{ name: 'A', floor: 'x', webhookSecrets: ['ok'] }, 7, { ...ok, emailTopicArns: ['nope'] }] });
    expect(problems.map((p) => /^context "routes": (routes[^:]*):/.exec(p)?.[1]).sort()).toEqual(['routes[0].floor', 'routes[0].name', 'routes[1]', 'routes[2].emailTopicArns[0]'].sort());
  });

  it('refuses two different floors for the default route', () => {
    expect(problemsOf({ defaultRouteFloor: 'low', routes: [{ name: 'default', floor: 'high' }] })).toEqual([
      'context "routes": routes[0].floor: "high" differs from context "defaultRouteFloor" ("low"): set the default route\'s floor in one place',
    ]);
    expect(parseConfig({ defaultRouteFloor: 'low', routes: [{ name: 'default', floor: 'low' }] }).defaultRouteFloor).toBe('low');
    expect(parseConfig({ routes: [{ name: 'default', floor: 'high' }] }).defaultRouteFloor).toBe('high');
  });

  it.each<[string, unknown, RegExp]>([
    ['defaultRouteFloor', 'urgent', /^context "defaultRouteFloor" must be one of "info", "low", "medium", "high", "critical"; got "urgent"$/],
    ['teamsWebhookSecret', 'https://example.webhook.office.com/x', /^context "teamsWebhookSecret" must be the name or ARN of an existing Secrets Manager secret/],
    ['pagerDutySecret', 'R0123456789 key', /^context "pagerDutySecret" must be the name or ARN/],
  ])('refuses %s = %j', (key, value, message) => {
    expect(problemsOf({ [key]: value })).toEqual([expect.stringMatching(message)]);
  });

  it('refuses routes that would not fit in a function\'s 4 KB environment', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ name: `route-${i}`, webhookSecrets: [`arn:aws:secretsmanager:eu-west-1:111122223333:secret:teams/route-${i}/webhook-AbC123`] }));
    expect(problemsOf({ routes: many })).toEqual([expect.stringMatching(/^context "routes": the routes take \d+ bytes of the notifier's environment \(ROUTES_JSON\), more than the 3000/)]);
  });

  it('takes a KMS key for secrets given only on routes', () => {
    const key = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    expect(parseConfig({ webhookSecretKmsKeyArn: key, routes: [ok] }).webhookSecretKmsKeyArn).toBe(key);
    expect(problemsOf({ webhookSecretKmsKeyArn: key, routes: [{ name: 'mail', emailTopicArns: [PAYMENTS_TOPIC] }] })).toEqual([
      expect.stringContaining('context "webhookSecretKmsKeyArn" is set but no secret is'),
    ]);
  });

  it('fails loadConfig before any construct is built', () => {
    const app = new App({ context: { routes: '[{"name":"a","floor":"loud","webhookSecrets":["w"]}]' } });
    expect(() => loadConfig(app)).toThrow(ConfigError);
    expect(() => loadConfig(app)).toThrow(/context "routes": routes\[0\]\.floor: one of info/);
  });
});
