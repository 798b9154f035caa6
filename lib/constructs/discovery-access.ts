import { Aws, Duration, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { DiscoveryGroup } from '../../lambdas/core/discovery/discovery-groups.js';
import { ENV } from '../../lambdas/shared/env.js';
import type { NodejsLambda } from './nodejs-lambda.js';

export interface DiscoveryAccessProps {
  /** Lists the inventory each cycle. */
  readonly planner: NodejsLambda;
  /** Re-checks ownership of a discovered address before it alerts. */
  readonly prober: NodejsLambda;
  /** The range table: the planner writes and deletes the discovered rows in it (never other tables). */
  readonly rangeTable: ITable;
  readonly groups: readonly DiscoveryGroup[];
  /** Member accounts (the allow-list) whose `roleName` may be assumed; nothing else ever is. */
  readonly accounts?: readonly string[];
  readonly roleName?: string;
  /** @default - the stack's region */
  readonly regions?: readonly string[];
}

/** Every action discovery may use: all are reads (Describe / List), asserted by the infrastructure tests. */
export const DISCOVERY_READ_ACTIONS = {
  ec2: ['ec2:DescribeInstances', 'ec2:DescribeAddresses', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeNatGateways'],
  elb: ['elasticloadbalancing:DescribeLoadBalancers'],
  route53Zones: ['route53:ListHostedZones'],
  route53Records: ['route53:ListResourceRecordSets'],
  organizations: ['organizations:ListAccounts'],
  lightsail: ['lightsail:GetInstances', 'lightsail:GetStaticIps', 'lightsail:GetLoadBalancers'],
  globalaccelerator: ['globalaccelerator:ListAccelerators'],
  apigateway: ['apigateway:GET'],
} as const;

/**
 * Opt-in cloud discovery (context `discover`): read-only IAM for the planner (list the inventory)
 * and the prober (re-check ownership before an alert), narrowest possible, and the environment
 * the handlers read. `sts:AssumeRole` is granted on the allow-listed accounts' role ARNs only.
 */
export class DiscoveryAccess extends Construct {
  readonly roleArns: readonly string[];

  constructor(scope: Construct, id: string, props: DiscoveryAccessProps) {
    super(scope, id);
    const groups = new Set(props.groups);
    const accounts = props.roleName ? [...new Set(props.accounts ?? [])] : [];
    this.roleArns = accounts.map((a) => `arn:${Aws.PARTITION}:iam::${a}:role/${props.roleName}`);
    const zoneArn = `arn:${Aws.PARTITION}:route53:::hostedzone/*`;

    const plannerStatements: iam.PolicyStatement[] = [];
    const proberStatements: iam.PolicyStatement[] = [];
    const star = (sid: string, actions: readonly string[]) => new iam.PolicyStatement({ sid, actions: [...actions], resources: ['*'] });
    if (groups.has('ec2')) {
      plannerStatements.push(star('DiscoverEc2', DISCOVERY_READ_ACTIONS.ec2));
      proberStatements.push(star('RecheckEc2', ['ec2:DescribeAddresses', 'ec2:DescribeNetworkInterfaces']));
    }
    if (groups.has('elbv2') || groups.has('elb')) {
      plannerStatements.push(star('DiscoverLoadBalancers', DISCOVERY_READ_ACTIONS.elb));
      proberStatements.push(star('RecheckLoadBalancers', DISCOVERY_READ_ACTIONS.elb));
    }
    if (groups.has('lightsail')) {
      plannerStatements.push(star('DiscoverLightsail', DISCOVERY_READ_ACTIONS.lightsail));
      proberStatements.push(star('RecheckLightsail', ['lightsail:GetInstances', 'lightsail:GetStaticIps', 'lightsail:GetLoadBalancer']));
    }
    if (groups.has('globalaccelerator')) {
      plannerStatements.push(star('DiscoverAccelerators', DISCOVERY_READ_ACTIONS.globalaccelerator));
      proberStatements.push(new iam.PolicyStatement({ sid: 'RecheckAccelerators', actions: ['globalaccelerator:DescribeAccelerator'], resources: [`arn:${Aws.PARTITION}:globalaccelerator::${Aws.ACCOUNT_ID}:accelerator/*`] }));
      Validations.of(props.prober.role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:globalaccelerator::<AWS::AccountId>:accelerator/*]',
        reason: 'Describe of one accelerator of this account by ARN (found by discovery, unknown at deploy time).',
      });
    }
    if (groups.has('apigateway')) {
      // Management reads of custom domain names only, in the discovered regions.
      const regions = props.regions && props.regions.length > 0 ? props.regions : [Aws.REGION];
      const domains = (suffix: string) => regions.map((r) => `arn:${Aws.PARTITION}:apigateway:${r}::/domainnames${suffix}`);
      plannerStatements.push(new iam.PolicyStatement({ sid: 'DiscoverApiDomains', actions: [...DISCOVERY_READ_ACTIONS.apigateway], resources: domains('') }));
      proberStatements.push(new iam.PolicyStatement({ sid: 'RecheckApiDomains', actions: [...DISCOVERY_READ_ACTIONS.apigateway], resources: domains('/*') }));
      for (const fn of [props.planner, props.prober]) {
        Validations.of(fn.role).acknowledge(
          ...regions.map((r) => ({
            id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:apigateway:${r === Aws.REGION ? '<AWS::Region>' : r}::/domainnames/*]`,
            reason: 'GET of one custom domain name by name (the names are what discovery finds, so they cannot be named at deploy time).',
          })),
        );
      }
    }
    if (groups.has('route53')) {
      plannerStatements.push(star('DiscoverHostedZones', DISCOVERY_READ_ACTIONS.route53Zones));
      const records = (sid: string) => new iam.PolicyStatement({ sid, actions: [...DISCOVERY_READ_ACTIONS.route53Records], resources: [zoneArn] });
      plannerStatements.push(records('DiscoverRecords'));
      proberStatements.push(records('RecheckRecords'));
    }
    if (this.roleArns.length > 0) {
      plannerStatements.push(star('ListOrganizationAccounts', DISCOVERY_READ_ACTIONS.organizations));
      const assume = (sid: string) => new iam.PolicyStatement({ sid, actions: ['sts:AssumeRole'], resources: [...this.roleArns] });
      plannerStatements.push(assume('AssumeAllowListedDiscoveryRoles'));
      proberStatements.push(assume('AssumeAllowListedDiscoveryRoles'));
    }
    for (const s of plannerStatements) props.planner.role.addToPrincipalPolicy(s);
    // The planner writes discovered rows (put and delete, by key) into the range table it already reads;
    // the tables' key is already granted to it through the state table.
    props.rangeTable.grant(props.planner, 'dynamodb:PutItem', 'dynamodb:DeleteItem');
    for (const s of proberStatements) props.prober.role.addToPrincipalPolicy(s);

    for (const fn of [props.planner, props.prober]) {
      fn.fn.addEnvironment(ENV.DISCOVER_SOURCES, [...groups].join(','));
      if (accounts.length > 0) fn.fn.addEnvironment(ENV.DISCOVER_ACCOUNTS, accounts.join(','));
      if (props.roleName && accounts.length > 0) fn.fn.addEnvironment(ENV.DISCOVER_ROLE_NAME, props.roleName);
      if (props.regions && props.regions.length > 0) fn.fn.addEnvironment(ENV.DISCOVER_REGIONS, props.regions.join(','));
      Validations.of(fn.role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'Discovery reads only: EC2 Describe*, ELB DescribeLoadBalancers, Lightsail Get* listings, Global Accelerator ListAccelerators, Route 53 ListHostedZones and Organizations ListAccounts have no resource-level permissions.',
      });
    }
    if (groups.has('route53')) {
      for (const fn of [props.planner, props.prober]) {
        Validations.of(fn.role).acknowledge({
          id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:route53:::hostedzone/*]',
          reason: 'Record listing of any hosted zone of the account: the zones are what discovery finds, so they cannot be named at deploy time.',
        });
      }
    }
    // Discovery runs before planning: more than the planner's plain two minutes when many accounts or zones are read.
    const cfn = props.planner.fn.node.defaultChild as CfnFunction;
    cfn.timeout = Math.max(Number(cfn.timeout ?? 0), Duration.minutes(5).toSeconds());
  }
}
