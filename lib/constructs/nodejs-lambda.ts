import path from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** The repository root: `lambdas/`, `package.json` and `package-lock.json` live here. */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface NodejsLambdaProps {
  /** The handler file, relative to the project root (e.g. `lambdas/planner/handler.ts`); it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  /** @default Duration.seconds(60) */
  readonly timeout?: Duration;
  /** @default 256 */
  readonly memorySize?: number;
  /**
   * Environment variables; names come from `ENV` (lambdas/shared/env.ts). Never secret values.
   * @default - none besides NODE_OPTIONS
   */
  readonly environment?: Readonly<Record<string, string>>;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
  /** @default the repository root */
  readonly projectRoot?: string;
  /** Run inside this VPC (fixed egress). @default - no VPC */
  readonly vpc?: ec2.IVpc;
  /** @default - the VPC's private subnets */
  readonly vpcSubnets?: ec2.SubnetSelection;
}

/**
 * The house Lambda function: Node.js 22 on arm64, an esbuild ESM bundle, JSON logs into its own
 * log group, and its own role that can write only to that log group. Everything else the
 * function may do is granted by the caller through `grant*` on the resource.
 */
export class NodejsLambda extends Construct implements iam.IGrantable {
  readonly fn: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: LogGroup;
  readonly grantPrincipal: iam.IPrincipal;

  constructor(scope: Construct, id: string, props: NodejsLambdaProps) {
    super(scope, id);
    const projectRoot = props.projectRoot ?? PROJECT_ROOT;

    this.logGroup = new LogGroup(this, 'LogGroup', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
    });
    // An explicit role instead of AWSLambdaBasicExecutionRole: that managed policy may write to
    // every log group in the account; this role may write only to the function's own.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.entry}`,
    });
    this.logGroup.grantWrite(this.role);
    this.grantPrincipal = this.role;

    this.fn = new NodejsFunction(this, 'Function', {
      entry: path.join(projectRoot, props.entry),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 256,
      timeout: props.timeout ?? Duration.seconds(60),
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      ...(props.vpc ? { vpc: props.vpc, vpcSubnets: props.vpcSubnets ?? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } } : {}),
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        // The AWS SDK is bundled, not taken from the runtime: the versions the tests ran against
        // (package-lock.json) are the versions deployed, and one bundle loads faster than many files.
        bundleAwsSDK: true,
        externalModules: [],
        // undici and other CommonJS dependencies call require('node:...') inside an ESM bundle,
        // which has no `require`; this banner provides one.
        banner: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
    });

    const runtimeReason = 'Node.js 22 is pinned on purpose: it is the runtime the bundle targets (node22) and the handlers are tested for.';
    Validations.of(this.fn).acknowledge(
      { id: 'AwsSolutions-L1', reason: runtimeReason },
      { id: 'Serverless-LambdaLatestVersion', reason: runtimeReason },
      {
        id: 'Serverless-LambdaTracing',
        reason: 'No X-Ray tracer is instrumented (JSON logs and EMF metrics instead); active tracing would add a Resource::* grant for no spans.',
      },
    );
  }

  /** Sets one environment variable (name from `ENV`). */
  addEnvironment(name: string, value: string): void {
    this.fn.addEnvironment(name, value);
  }
}
