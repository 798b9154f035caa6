import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { DISCOVERY_READ_ACTIONS } from '../../lib/constructs/discovery-access.js';
import { ENV } from '../../lambdas/shared/env.js';
import { actionsOf, grants, problemsOf, roleStatements, synthMonitor } from './infra-app.js';

const MEMBERS = ['222222222222', '333333333333'];
const READ_ONLY = /^(ec2:Describe|elasticloadbalancing:Describe|route53:List|organizations:List|lightsail:Get)/;

/** Every statement either function's role carries that no other part of the stack does: the discovery ones. */
function discoveryStatements(template: ReturnType<typeof synthMonitor>['template'], role: Parameters<typeof roleStatements>[1]) {
  return roleStatements(template, role).filter((s) => actionsOf(s).some((a) => /^(ec2|elasticloadbalancing|route53|organizations|sts|lightsail|globalaccelerator|apigateway):/.test(a)));
}

describe('discovery off (the default)', () => {
  const { stack, template } = synthMonitor({});
  it('grants no discovery action, no range-table write and sets no discovery environment', () => {
    expect(grants(roleStatements(template, stack.pipeline.planner.role), 'dynamodb:PutItem', stack.tables.rangeTable)).toEqual([]);
    expect(discoveryStatements(template, stack.pipeline.planner.role)).toEqual([]);
    expect(discoveryStatements(template, stack.pipeline.prober.role)).toEqual([]);
    expect(JSON.stringify(template.toJSON())).not.toContain(ENV.DISCOVER_SOURCES);
    expect(Object.keys(template.findResources('AWS::CloudWatch::Alarm')).some((id) => id.includes('DiscoveryProblems'))).toBe(false);
    const dashboard = JSON.stringify(template.findResources('AWS::CloudWatch::Dashboard'));
    expect(dashboard).toContain('\\"RangeRowsRejected\\"');
    expect(dashboard).not.toContain('DiscoveredTargets');
  });
});

describe('discovery on, with an Organizations allow-list', () => {
  const { app, stack, template } = synthMonitor({ discover: ['ec2', 'elbv2', 'elb', 'route53'], discoverAccounts: MEMBERS, discoverRoleName: 'ExposureMonitorRead' });
  const planner = discoveryStatements(template, stack.pipeline.planner.role);
  const prober = discoveryStatements(template, stack.pipeline.prober.role);

  it('gives the planner and the prober only read actions, besides AssumeRole', () => {
    for (const s of [...planner, ...prober]) {
      expect(s.Effect).toBe('Allow');
      for (const a of actionsOf(s)) if (a !== 'sts:AssumeRole') expect(a).toMatch(READ_ONLY);
    }
    expect(planner.flatMap(actionsOf).sort()).toEqual(
      [...DISCOVERY_READ_ACTIONS.ec2, ...DISCOVERY_READ_ACTIONS.elb, ...DISCOVERY_READ_ACTIONS.route53Zones, ...DISCOVERY_READ_ACTIONS.route53Records, ...DISCOVERY_READ_ACTIONS.organizations, 'sts:AssumeRole'].sort(),
    );
    // The prober only re-checks: no listing of instances, zones or accounts.
    expect(prober.flatMap(actionsOf).sort()).toEqual(['ec2:DescribeAddresses', 'ec2:DescribeNetworkInterfaces', 'elasticloadbalancing:DescribeLoadBalancers', 'route53:ListResourceRecordSets', 'sts:AssumeRole'].sort());
  });

  it('scopes AssumeRole to exactly the allow-listed accounts’ role', () => {
    for (const statements of [planner, prober]) {
      const assume = statements.filter((s) => actionsOf(s).includes('sts:AssumeRole'));
      expect(assume).toHaveLength(1);
      expect(actionsOf(assume[0] as (typeof assume)[number])).toEqual(['sts:AssumeRole']);
      const resources = (assume[0]?.Resource as unknown[]).map((r) => JSON.stringify(r));
      expect(resources).toEqual(MEMBERS.map((a) => JSON.stringify({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::${a}:role/ExposureMonitorRead`]] })));
    }
  });

  it('scopes record listing to hosted zones, and uses * only for actions without resource-level permissions', () => {
    for (const s of [...planner, ...prober]) {
      if (s.Resource === '*') for (const a of actionsOf(s)) expect(a).toMatch(/^(ec2:Describe|elasticloadbalancing:DescribeLoadBalancers|route53:ListHostedZones|organizations:ListAccounts)/);
    }
    const records = planner.find((s) => actionsOf(s).includes('route53:ListResourceRecordSets'));
    expect(JSON.stringify(records?.Resource)).toContain(':route53:::hostedzone/*');
  });

  it('lets the planner put and delete range rows (the discovered ones), and nothing more on that table', () => {
    const onRangeTable = grants(roleStatements(template, stack.pipeline.planner.role), 'dynamodb:PutItem', stack.tables.rangeTable);
    expect(onRangeTable).toHaveLength(1);
    expect(actionsOf(onRangeTable[0] as (typeof onRangeTable)[number]).sort()).toEqual(['dynamodb:DeleteItem', 'dynamodb:PutItem']);
    expect(grants(roleStatements(template, stack.pipeline.prober.role), 'dynamodb:PutItem', stack.tables.rangeTable)).toEqual([]);
  });

  it('charts what the inventory listed and what failed, next to the rows refused', () => {
    const dashboard = JSON.stringify(template.findResources('AWS::CloudWatch::Dashboard'));
    for (const metric of ['RangeRowsRejected', 'DiscoveryProblems', 'DiscoveredTargets']) expect(dashboard).toContain(`\\"AiExposureMonitor\\",\\"${metric}\\"`);
  });

  it('raises an alarm on discovery problems, sent to the ops topic', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'DiscoveryProblems',
      Namespace: 'AiExposureMonitor',
      Dimensions: [{ Name: 'service', Value: 'planner' }],
      Threshold: 0,
      AlarmActions: [{ Ref: Match.stringLikeRegexp('OpsTopic') }],
    });
  });

  it('tells both functions what to discover, and gives the planner time for it', () => {
    for (const fn of [stack.pipeline.planner.fn, stack.pipeline.prober.fn]) {
      const props = template.toJSON().Resources[stack.getLogicalId(fn.node.defaultChild as never)].Properties;
      expect(props.Environment.Variables).toMatchObject({ [ENV.DISCOVER_SOURCES]: 'ec2,elbv2,elb,route53', [ENV.DISCOVER_ACCOUNTS]: MEMBERS.join(','), [ENV.DISCOVER_ROLE_NAME]: 'ExposureMonitorRead' });
    }
    expect(template.toJSON().Resources[stack.getLogicalId(stack.pipeline.planner.fn.node.defaultChild as never)].Properties.Timeout).toBe(300);
  });

  it('passes cdk-nag with every wildcard acknowledged', () => {
    for (const pack of [new AwsSolutionsChecks(), new ServerlessChecks()]) {
      expect(pack.validateScope(app).violations.map((v) => v.ruleName)).toEqual([]);
    }
  });
});

describe('discovery of one account, EC2 only', () => {
  const { stack, template } = synthMonitor({ discover: 'ec2' });
  it('grants EC2 reads only, and no AssumeRole or Organizations', () => {
    const actions = discoveryStatements(template, stack.pipeline.planner.role).flatMap(actionsOf);
    expect(actions.sort()).toEqual([...DISCOVERY_READ_ACTIONS.ec2].sort());
  });
});

describe('discovery of Lightsail', () => {
  const { stack, template } = synthMonitor({ discover: ['lightsail'] });
  it('grants the Lightsail listings to the planner, and the re-check reads to the prober', () => {
    expect(discoveryStatements(template, stack.pipeline.planner.role).flatMap(actionsOf).filter((a) => a.startsWith('lightsail:')).sort()).toEqual([...DISCOVERY_READ_ACTIONS.lightsail].sort());
    expect(discoveryStatements(template, stack.pipeline.prober.role).flatMap(actionsOf).sort()).toEqual(['lightsail:GetInstances', 'lightsail:GetLoadBalancer', 'lightsail:GetStaticIps']);
  });
});

describe('discovery of Global Accelerator and API Gateway domains', () => {
  const { app, stack, template } = synthMonitor({ discover: ['globalaccelerator', 'apigateway'], discoverRegions: ['eu-west-1', 'us-east-1'] });
  it('reads custom domain names only, in the listed regions, and accelerators of this account', () => {
    const planner = discoveryStatements(template, stack.pipeline.planner.role);
    const api = planner.find((s) => actionsOf(s).includes('apigateway:GET'));
    expect(JSON.stringify(api?.Resource)).toMatch(/apigateway:eu-west-1::\/domainnames".*apigateway:us-east-1::\/domainnames"/);
    const prober = discoveryStatements(template, stack.pipeline.prober.role);
    expect(JSON.stringify(prober.find((s) => actionsOf(s).includes('apigateway:GET'))?.Resource)).toContain('::/domainnames/*');
    expect(JSON.stringify(prober.find((s) => actionsOf(s).includes('globalaccelerator:DescribeAccelerator'))?.Resource)).toContain(':accelerator/*');
    for (const pack of [new AwsSolutionsChecks(), new ServerlessChecks()]) expect(pack.validateScope(app).violations.map((v) => v.ruleName)).toEqual([]);
  });
});

describe('discovery context', () => {
  it('refuses unknown sources, bad account ids, an allow-list without a role name, and settings without sources', () => {
    expect(problemsOf({ discover: ['ec2', 'gce'] })).toEqual(['context "discover" must be a list of discovery sources from ec2, elbv2, elb, route53, lightsail, globalaccelerator, apigateway; got "gce"']);
    expect(problemsOf({ discover: 'ec2', discoverAccounts: '12345', discoverRoleName: 'R' })).toEqual(['context "discoverAccounts" must be a list of 12-digit AWS account ids; got "12345"']);
    expect(problemsOf({ discover: 'ec2', discoverAccounts: MEMBERS })[0]).toContain('"discoverRoleName" is not');
    expect(problemsOf({ discoverRoleName: 'R' })[0]).toContain('"discover" is not');
  });
});
