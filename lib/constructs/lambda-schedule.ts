import { Aws, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { nagRef } from '../nag.js';
import type { NodejsLambda } from './nodejs-lambda.js';

export interface LambdaScheduleProps {
  readonly target: NodejsLambda;
  /** An EventBridge Scheduler `rate(...)` or `cron(...)` expression (UTC). */
  readonly expression: string;
  readonly description: string;
  /** The event the function receives. */
  readonly input: Readonly<Record<string, unknown>>;
  /**
   * Retries when Scheduler cannot hand the event to Lambda (throttling, service errors).
   * @default 2
   */
  readonly retryAttempts?: number;
}

/** An EventBridge Scheduler schedule that invokes one function, with a role that may invoke only it. */
export class LambdaSchedule extends Construct {
  readonly schedule: Schedule;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: LambdaScheduleProps) {
    super(scope, id);
    // The same confused-deputy conditions CDK's generated role has, on a role of our own so the
    // schedule and its permissions live together.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:SourceAccount': Aws.ACCOUNT_ID,
            'aws:SourceArn': Stack.of(this).formatArn({ service: 'scheduler', resource: 'schedule-group', resourceName: 'default' }),
          },
        },
      }),
    });
    this.schedule = new Schedule(this, 'Schedule', {
      description: props.description,
      schedule: ScheduleExpression.expression(props.expression),
      target: new LambdaInvoke(props.target.fn, {
        role: this.role,
        input: ScheduleTargetInput.fromObject(props.input),
        retryAttempts: props.retryAttempts ?? 2,
        maxEventAge: Duration.hours(1),
      }),
    });
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagRef(props.target.fn)}:*]`,
      reason: 'CDK grantInvoke adds the function\'s version/alias ARNs (`:*`) next to the function ARN; the role invokes this one function only.',
    });
  }
}
