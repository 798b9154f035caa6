import { describe, expect, it } from 'vitest';
import { ENV } from '../../lambdas/shared/env.js';
import { actionsOf, logicalId, roleStatements, synthMonitor } from './infra-app.js';

// The smallest deployment: no email, no Slack or webhook secret, a cron schedule, and
// removalPolicy destroy (a test account).
const { stack, template } = synthMonitor({ schedule: 'cron(0 3 * * ? *)', removalPolicy: 'destroy', alertEmails: [] });
const notifierEnv = template.toJSON().Resources[logicalId(stack.alerting.notifier.fn)].Properties.Environment.Variables as Record<string, unknown>;

describe('ExposureMonitorStack without optional settings', () => {
  it('takes a cron schedule expression as given', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'cron(0 3 * * ? *)' });
  });

  it('gives the notifier no secret variable and no Secrets Manager or KMS-for-secrets permission', () => {
    expect(notifierEnv).not.toHaveProperty(ENV.SLACK_WEBHOOK_SECRET_ARN);
    expect(notifierEnv).not.toHaveProperty(ENV.WEBHOOK_SECRET_ARN);
    const actions = roleStatements(template, stack.alerting.notifier.role).flatMap(actionsOf);
    expect(actions.filter((a) => a.startsWith('secretsmanager:'))).toEqual([]);
  });

  it('creates no email subscription', () => {
    template.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('lets `cdk destroy` delete the tables, their key and the log groups when removalPolicy is destroy', () => {
    for (const type of ['AWS::DynamoDB::Table', 'AWS::KMS::Key', 'AWS::Logs::LogGroup']) {
      for (const resource of Object.values(template.findResources(type))) expect(resource.DeletionPolicy).toBe('Delete');
    }
    for (const table of Object.values(template.findResources('AWS::DynamoDB::Table'))) expect(table.Properties.DeletionProtectionEnabled).toBe(false);
  });

  it('leaves DEFAULT_PORTS unset so the planner uses the catalog ports', () => {
    const plannerEnv = template.toJSON().Resources[logicalId(stack.pipeline.planner.fn)].Properties.Environment.Variables;
    expect(plannerEnv).not.toHaveProperty(ENV.DEFAULT_PORTS);
    expect(plannerEnv[ENV.ALLOW_PRIVATE]).toBe('false');
  });

  it('uses the cdk.json defaults: maxConcurrency 5, batch size 1, a 256 MB 5-minute prober with 30-minute visibility', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { BatchSize: 1, ScalingConfig: { MaximumConcurrency: 5 } });
    template.hasResourceProperties('AWS::Lambda::Function', { MemorySize: 256, Timeout: 300 });
    template.hasResourceProperties('AWS::SQS::Queue', { VisibilityTimeout: 1800 });
    template.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: 30 }, 3);
  });
});
