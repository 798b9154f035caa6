import { DescribeAddressesCommand, DescribeInstancesCommand, DescribeNatGatewaysCommand, DescribeNetworkInterfacesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeLoadBalancersCommand as DescribeClassicCommand, ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';
import { DescribeLoadBalancersCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ApiGatewayV2Client, GetDomainNamesCommand } from '@aws-sdk/client-apigatewayv2';
import { GlobalAcceleratorClient, ListAcceleratorsCommand } from '@aws-sdk/client-global-accelerator';
import { GetInstancesCommand, GetLoadBalancersCommand as GetLightsailLoadBalancersCommand, GetStaticIpsCommand, LightsailClient } from '@aws-sdk/client-lightsail';
import { ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { ListHostedZonesCommand, ListResourceRecordSetsCommand, Route53Client } from '@aws-sdk/client-route-53';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsInventory, parseDiscoveryGroups } from '../../../lambdas/adapters/aws/discovery/aws-inventory.js';
import type { CredentialProvider, DiscoveryClients } from '../../../lambdas/adapters/aws/discovery/clients.js';
import { syncDiscoveredRows } from '../../../lambdas/core/discovery/sync-discovered.js';
import { silentLogger, type RangeRegistry } from '../../../lambdas/core/ports.js';
import type { RangeRow } from '../../../lambdas/core/targets/range-row.js';

// No request leaves the process: every client's send is replaced by aws-sdk-client-mock.
const SELF = '111111111111';
const MEMBER_OK = '222222222222';
const MEMBER_DENIED = '333333333333';
const SUSPENDED = '444444444444';

const ec2 = mockClient(EC2Client);
const elbv2 = mockClient(ElasticLoadBalancingV2Client);
const elb = mockClient(ElasticLoadBalancingClient);
const route53 = mockClient(Route53Client);
const org = mockClient(OrganizationsClient);
const lightsail = mockClient(LightsailClient);
const apigw = mockClient(ApiGatewayV2Client);
const ga = mockClient(GlobalAcceleratorClient);
const sts = mockClient(STSClient);

/** Clients with fixed credentials for our own account, so a fake can tell which account asks. */
function testClients(): DiscoveryClients {
  const own = { accessKeyId: `KEY-${SELF}`, secretAccessKey: 'x' };
  const creds = (c?: CredentialProvider) => c ?? (async () => own);
  return {
    ec2: (region, c) => new EC2Client({ region, credentials: creds(c) }),
    elbv2: (region, c) => new ElasticLoadBalancingV2Client({ region, credentials: creds(c) }),
    elb: (region, c) => new ElasticLoadBalancingClient({ region, credentials: creds(c) }),
    route53: (c) => new Route53Client({ region: 'us-east-1', credentials: creds(c) }),
    lightsail: (region, c) => new LightsailClient({ region, credentials: creds(c) }),
    apigateway: (region, c) => new ApiGatewayV2Client({ region, credentials: creds(c) }),
    globalaccelerator: (c) => new GlobalAcceleratorClient({ region: 'us-west-2', credentials: creds(c) }),
    organizations: () => new OrganizationsClient({ region: 'us-east-1', credentials: own }),
    sts: () => new STSClient({ region: 'us-east-1', credentials: own }),
  };
}

/** The account whose credentials a mocked call was made with. */
async function callerAccount(getClient: () => { config: { credentials: unknown } }): Promise<string> {
  const provider = getClient().config.credentials as () => Promise<{ accessKeyId: string }>;
  return (await provider()).accessKeyId.replace('KEY-', '');
}

function throttled(): Error {
  return Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { attempts: 8 } });
}

beforeEach(() => {
  for (const m of [ec2, elbv2, elb, route53, org, sts, lightsail, apigw, ga]) m.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: SELF, Arn: `arn:aws:sts::${SELF}:assumed-role/planner/x` });
  ec2.on(DescribeInstancesCommand).resolves({});
  ec2.on(DescribeAddressesCommand).resolves({});
  ec2.on(DescribeNetworkInterfacesCommand).resolves({});
  ec2.on(DescribeNatGatewaysCommand).resolves({});
  elbv2.on(DescribeLoadBalancersCommand).resolves({});
  elb.on(DescribeClassicCommand).resolves({});
  route53.on(ListHostedZonesCommand).resolves({ HostedZones: [], IsTruncated: false, Marker: '', MaxItems: 100 });
});
afterEach(() => undefined);

const inventory = (extra: Partial<ConstructorParameters<typeof AwsInventory>[0]> = {}) =>
  new AwsInventory({ groups: ['ec2', 'elbv2', 'elb', 'route53'], regions: ['eu-west-1'], clients: testClients(), ...extra });

describe('AwsInventory: EC2', () => {
  it('follows DescribeInstances pages and reads instance, Elastic IP, ENI and NAT addresses', async () => {
    ec2
      .on(DescribeInstancesCommand)
      .callsFake((input: { NextToken?: string }) =>
        input.NextToken === 'page2'
          ? { Reservations: [{ Instances: [{ InstanceId: 'i-2', PublicIpAddress: '198.51.100.2', Ipv6Address: '2001:db8::2' }] }] }
          : { Reservations: [{ Instances: [{ InstanceId: 'i-1', PublicIpAddress: '198.51.100.1' }, { InstanceId: 'i-private' }] }], NextToken: 'page2' },
      );
    ec2.on(DescribeAddressesCommand).resolves({ Addresses: [{ PublicIp: '198.51.100.9', AllocationId: 'eipalloc-9' }] });
    ec2.on(DescribeNetworkInterfacesCommand).resolves({ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-3', Association: { PublicIp: '198.51.100.3' } }] });
    ec2.on(DescribeNatGatewaysCommand).resolves({ NatGateways: [{ NatGatewayId: 'nat-4', NatGatewayAddresses: [{ PublicIp: '198.51.100.4' }] }] });
    const result = await inventory({ groups: ['ec2'] }).discover();
    expect(result.problems).toEqual([]);
    expect(result.targets.map((t) => `${t.source} ${t.resourceId} ${t.target} ${t.account} ${t.region}`).sort()).toEqual([
      `aws:ec2-instance i-1 198.51.100.1 ${SELF} eu-west-1`,
      `aws:ec2-instance i-2 198.51.100.2 ${SELF} eu-west-1`,
      `aws:ec2-instance i-2 2001:db8::2 ${SELF} eu-west-1`,
      `aws:eip eipalloc-9 198.51.100.9 ${SELF} eu-west-1`,
      `aws:eni eni-3 198.51.100.3 ${SELF} eu-west-1`,
      `aws:nat nat-4 198.51.100.4 ${SELF} eu-west-1`,
    ]);
    expect(ec2.commandCalls(DescribeInstancesCommand)).toHaveLength(2);
  });

  it('reports a source still throttled after adaptive retry as a problem, and the other sources go on', async () => {
    ec2.on(DescribeInstancesCommand).rejects(throttled());
    ec2.on(DescribeAddressesCommand).resolves({ Addresses: [{ PublicIp: '198.51.100.9', AllocationId: 'eipalloc-9' }] });
    const result = await inventory({ groups: ['ec2'] }).discover();
    expect(result.targets.map((t) => t.target)).toEqual(['198.51.100.9']);
    expect(result.problems).toEqual([{ source: 'aws:ec2-instance', account: SELF, error: 'eu-west-1: throttled (ThrottlingException) after 8 attempts with adaptive retry; the other sources go on' }]);
  });

  it('keeps nothing of a source whose later page failed (its earlier rows are kept instead)', async () => {
    ec2.on(DescribeInstancesCommand).callsFake((input: { NextToken?: string }) => {
      if (input.NextToken) throw throttled();
      return { Reservations: [{ Instances: [{ InstanceId: 'i-1', PublicIpAddress: '198.51.100.1' }] }], NextToken: 'p2' };
    });
    const result = await inventory({ groups: ['ec2'] }).discover();
    expect(result.targets).toEqual([]);
    expect(result.problems.map((p) => p.source)).toEqual(['aws:ec2-instance']);
  });
});

describe('AwsInventory: load balancers', () => {
  it('lists internet-facing ALB/NLB and classic load balancers across pages, not internal ones', async () => {
    elbv2.on(DescribeLoadBalancersCommand).callsFake((input: { Marker?: string }) =>
      input.Marker === 'm2'
        ? { LoadBalancers: [{ LoadBalancerArn: 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/net/n/2', DNSName: 'n-2.elb.eu-west-1.amazonaws.com', Scheme: 'internet-facing' }] }
        : {
            LoadBalancers: [
              { LoadBalancerArn: 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/web/1', DNSName: 'web-1.eu-west-1.elb.amazonaws.com', Scheme: 'internet-facing' },
              { LoadBalancerArn: 'arn:internal', DNSName: 'internal-x.eu-west-1.elb.amazonaws.com', Scheme: 'internal' },
            ],
            NextMarker: 'm2',
          },
    );
    elb.on(DescribeClassicCommand).resolves({ LoadBalancerDescriptions: [{ LoadBalancerName: 'old', DNSName: 'old-1.eu-west-1.elb.amazonaws.com', Scheme: 'internet-facing' }] });
    const result = await inventory({ groups: ['elbv2', 'elb'] }).discover();
    expect(result.targets.map((t) => `${t.source} ${t.target}`).sort()).toEqual([
      'aws:elb old-1.eu-west-1.elb.amazonaws.com',
      'aws:elbv2 n-2.elb.eu-west-1.amazonaws.com',
      'aws:elbv2 web-1.eu-west-1.elb.amazonaws.com',
    ]);
  });
});

describe('AwsInventory: Lightsail', () => {
  it('lists instance addresses across pages, static IPs and load balancer names', async () => {
    lightsail.on(GetInstancesCommand).callsFake((input: { pageToken?: string }) =>
      input.pageToken === 'p2' ? { instances: [{ name: 'webui', publicIpAddress: '198.51.100.21', ipv6Addresses: ['2001:db8::21'] }] } : { instances: [{ name: 'ollama-box', publicIpAddress: '198.51.100.20' }], nextPageToken: 'p2' },
    );
    lightsail.on(GetStaticIpsCommand).resolves({ staticIps: [{ name: 'StaticIp-1', ipAddress: '198.51.100.22' }] });
    lightsail.on(GetLightsailLoadBalancersCommand).resolves({ loadBalancers: [{ name: 'lb-1', dnsName: 'abc.eu-west-1.elb.amazonaws.com' }] });
    const result = await inventory({ groups: ['lightsail'] }).discover();
    expect(result.problems).toEqual([]);
    expect(result.targets.map((t) => `${t.source} ${t.resourceId} ${t.target}`)).toEqual([
      'aws:lightsail ollama-box 198.51.100.20',
      'aws:lightsail webui 198.51.100.21',
      'aws:lightsail webui 2001:db8::21',
      'aws:lightsail StaticIp-1 198.51.100.22',
      'aws:lightsail lb-1 abc.eu-west-1.elb.amazonaws.com',
    ]);
  });
});

describe('AwsInventory: Global Accelerator and API Gateway', () => {
  it('lists enabled accelerators\' static addresses and public custom domain names, across pages', async () => {
    ga.on(ListAcceleratorsCommand).callsFake((input: { NextToken?: string }) =>
      input.NextToken
        ? { Accelerators: [{ AcceleratorArn: 'arn:aws:globalaccelerator::111111111111:accelerator/off', Enabled: false, IpSets: [{ IpAddresses: ['203.0.113.99'] }] }] }
        : { Accelerators: [{ AcceleratorArn: 'arn:aws:globalaccelerator::111111111111:accelerator/a1', Enabled: true, IpSets: [{ IpAddresses: ['203.0.113.1', '203.0.113.2'] }] }], NextToken: 'n2' },
    );
    apigw.on(GetDomainNamesCommand).resolves({
      Items: [
        { DomainName: 'api.example.com', DomainNameConfigurations: [{ EndpointType: 'REGIONAL' }] },
        { DomainName: '*.apps.example.com', DomainNameConfigurations: [{ EndpointType: 'REGIONAL' }] },
      ],
    });
    const result = await inventory({ groups: ['globalaccelerator', 'apigateway'] }).discover();
    expect(result.problems).toEqual([]);
    expect(result.targets.map((t) => `${t.source} ${t.target} ${t.region ?? '-'}`).sort()).toEqual(['aws:apigateway api.example.com eu-west-1', 'aws:globalaccelerator 203.0.113.1 -', 'aws:globalaccelerator 203.0.113.2 -']);
  });
});

describe('AwsInventory: Route 53', () => {
  it('reads public zones only, page by page, keeping A/AAAA/ALIAS/CNAME names and skipping wildcards', async () => {
    route53.on(ListHostedZonesCommand).callsFake((input: { Marker?: string }) =>
      input.Marker === 'z2'
        ? { HostedZones: [{ Id: '/hostedzone/ZPRIV', Name: 'corp.internal.', CallerReference: 'r', Config: { PrivateZone: true } }], IsTruncated: false, Marker: 'z2', MaxItems: 100 }
        : { HostedZones: [{ Id: '/hostedzone/ZPUB', Name: 'example.com.', CallerReference: 'r', Config: { PrivateZone: false } }], IsTruncated: true, NextMarker: 'z2', Marker: '', MaxItems: 100 },
    );
    route53.on(ListResourceRecordSetsCommand).callsFake((input: { HostedZoneId: string; StartRecordName?: string }) => {
      expect(input.HostedZoneId).toBe('ZPUB');
      return input.StartRecordName === 'www.example.com.'
        ? { ResourceRecordSets: [{ Name: 'www.example.com.', Type: 'CNAME' }, { Name: 'chat.example.com.', Type: 'AAAA', AliasTarget: { DNSName: 'lb.', HostedZoneId: 'Z', EvaluateTargetHealth: false } }], IsTruncated: false, MaxItems: 300 }
        : {
            ResourceRecordSets: [
              { Name: 'example.com.', Type: 'NS' },
              { Name: 'example.com.', Type: 'MX' },
              { Name: '\\052.example.com.', Type: 'A' },
              { Name: 'api.example.com.', Type: 'A' },
              { Name: 'api.example.com.', Type: 'AAAA' },
            ],
            IsTruncated: true,
            NextRecordName: 'www.example.com.',
            NextRecordType: 'CNAME',
            MaxItems: 300,
          };
    });
    const result = await inventory({ groups: ['route53'] }).discover();
    expect(result.problems).toEqual([]);
    expect(result.targets.map((t) => `${t.target} ${t.resourceId}`)).toEqual(['api.example.com ZPUB/api.example.com/A', 'www.example.com ZPUB/www.example.com/CNAME', 'chat.example.com ZPUB/chat.example.com/AAAA']);
    expect(result.targets.every((t) => t.source === 'aws:route53' && t.account === SELF && t.region === undefined)).toBe(true);
  });

  it('reads a hosted zone of 100,000 records only up to the per-cycle cap, with a problem naming the zone', async () => {
    const TOTAL = 100_000;
    const name = (i: number) => `host${String(i).padStart(6, '0')}.big.example.`;
    route53.on(ListHostedZonesCommand).resolves({ HostedZones: [{ Id: '/hostedzone/ZBIG', Name: 'big.example.', CallerReference: 'r', ResourceRecordSetCount: TOTAL }, { Id: '/hostedzone/ZNEXT', Name: 'next.example.', CallerReference: 'r' }], IsTruncated: false, Marker: '', MaxItems: 100 });
    // Pages are made on demand from the start name: the zone is never built in memory.
    route53.on(ListResourceRecordSetsCommand).callsFake((input: { StartRecordName?: string; MaxItems?: number }) => {
      const from = input.StartRecordName ? Number(/host(\d+)/.exec(input.StartRecordName)?.[1]) : 0;
      const size = Math.min(Number(input.MaxItems ?? 300), 300, TOTAL - from);
      const records = Array.from({ length: size }, (_, k) => ({ Name: name(from + k), Type: 'A' as const }));
      const next = from + size;
      return { ResourceRecordSets: records, IsTruncated: next < TOTAL, ...(next < TOTAL ? { NextRecordName: name(next), NextRecordType: 'A' } : {}), MaxItems: 300 };
    });
    const result = await inventory({ groups: ['route53'], route53RecordCap: 5_000 }).discover();
    expect(result.targets).toHaveLength(5_000);
    const calls = route53.commandCalls(ListResourceRecordSetsCommand);
    expect(calls.length).toBeLessThanOrEqual(Math.ceil(5_000 / 300));
    expect(calls.every((c) => c.args[0].input.HostedZoneId === 'ZBIG')).toBe(true);
    expect(result.problems.map((p) => p.error)).toEqual([
      'hosted zone big.example (ZBIG): stopped after 5000 of its 100000 records, the per-cycle cap of 5000 Route 53 records; the rest of the zone is not discovered this cycle and rows found before are kept',
      '1 more hosted zone not read this cycle for the same cap (next.example)',
    ]);
  });
});

describe('AwsInventory: Organizations', () => {
  beforeEach(() => {
    org.on(ListAccountsCommand).callsFake((input: { NextToken?: string }) =>
      input.NextToken
        ? { Accounts: [{ Id: MEMBER_DENIED, State: 'ACTIVE' }, { Id: SUSPENDED, State: 'SUSPENDED' }] }
        : { Accounts: [{ Id: SELF, State: 'ACTIVE' }, { Id: MEMBER_OK, State: 'ACTIVE' }, { Id: '999999999999', State: 'ACTIVE' }], NextToken: 't2' },
    );
    sts.on(AssumeRoleCommand, { RoleArn: `arn:aws:iam::${MEMBER_OK}:role/ExposureMonitorRead` }).resolves({
      Credentials: { AccessKeyId: `KEY-${MEMBER_OK}`, SecretAccessKey: 's', SessionToken: 't', Expiration: new Date(Date.now() + 900_000) },
    });
    sts.on(AssumeRoleCommand, { RoleArn: `arn:aws:iam::${MEMBER_DENIED}:role/ExposureMonitorRead` }).rejects(Object.assign(new Error('not authorized to perform sts:AssumeRole'), { name: 'AccessDenied' }));
    ec2.on(DescribeAddressesCommand).callsFake(async (_input: unknown, getClient: () => { config: { credentials: unknown } }) => {
      const account = await callerAccount(getClient);
      return { Addresses: [{ PublicIp: account === SELF ? '198.51.100.1' : '203.0.113.2', AllocationId: `eipalloc-${account}` }] };
    });
  });

  it('reads allow-listed active member accounts through the role; a role that fails is a problem for that account only', async () => {
    const result = await inventory({ groups: ['ec2'], allowList: [MEMBER_OK, MEMBER_DENIED, SUSPENDED], roleName: 'ExposureMonitorRead' }).discover();
    expect(result.targets.map((t) => `${t.account} ${t.target} ${t.resourceId}`).sort()).toEqual([`${SELF} 198.51.100.1 eipalloc-${SELF}`, `${MEMBER_OK} 203.0.113.2 eipalloc-${MEMBER_OK}`]);
    expect(result.problems).toEqual([
      { source: 'aws:organizations', account: SUSPENDED, error: `account ${SUSPENDED} is on the discovery allow-list but is not an active account of the organization; skipped`, keepRows: false },
      { source: 'aws:sts', account: MEMBER_DENIED, error: `cannot assume arn:aws:iam::${MEMBER_DENIED}:role/ExposureMonitorRead: AccessDenied: not authorized to perform sts:AssumeRole; this account is skipped this cycle, the others go on` },
    ]);
    // Only allow-listed roles are ever asked for: never the organisation's other accounts.
    expect(sts.commandCalls(AssumeRoleCommand).map((c) => c.args[0].input.RoleArn).sort()).toEqual([`arn:aws:iam::${MEMBER_OK}:role/ExposureMonitorRead`, `arn:aws:iam::${MEMBER_DENIED}:role/ExposureMonitorRead`]);
  });

  it('uses the allow-list as given when ListAccounts is not permitted, and says so', async () => {
    org.on(ListAccountsCommand).rejects(Object.assign(new Error('You don’t have permissions'), { name: 'AccessDeniedException' }));
    const result = await inventory({ groups: ['ec2'], allowList: [MEMBER_OK], roleName: 'ExposureMonitorRead' }).discover();
    expect(result.targets.map((t) => t.account).sort()).toEqual([SELF, MEMBER_OK]);
    expect(result.problems).toEqual([expect.objectContaining({ source: 'aws:organizations', keepRows: false, error: expect.stringContaining('ListAccounts failed (AccessDeniedException') })]);
  });

  it('reads only its own account without a role name', async () => {
    const result = await inventory({ groups: ['ec2'], allowList: [MEMBER_OK] }).discover();
    expect(result.targets.map((t) => t.account)).toEqual([SELF]);
    expect(sts.commandCalls(AssumeRoleCommand)).toEqual([]);
  });
});

describe('discovery over AWS into the range table', () => {
  class MemoryRegistry implements RangeRegistry {
    rows = new Map<string, RangeRow>();
    async listRangeRows(): Promise<unknown[]> {
      return [...this.rows.values()];
    }
    async putRangeRow(row: RangeRow): Promise<void> {
      this.rows.set(row.cidr, row);
    }
    async deleteRangeRow(cidr: string): Promise<boolean> {
      return this.rows.delete(cidr);
    }
  }

  it('drops the row of a resource that disappears, and keeps rows of a source that is throttled', async () => {
    const registry = new MemoryRegistry();
    await registry.putRangeRow({ cidr: '192.0.2.0/24', label: 'manual' });
    ec2.on(DescribeInstancesCommand).resolves({ Reservations: [{ Instances: [{ InstanceId: 'i-1', PublicIpAddress: '198.51.100.1' }, { InstanceId: 'i-2', PublicIpAddress: '198.51.100.2' }] }] });
    ec2.on(DescribeAddressesCommand).resolves({ Addresses: [{ PublicIp: '198.51.100.9', AllocationId: 'eipalloc-9' }] });
    await syncDiscoveredRows(inventory({ groups: ['ec2'] }), registry, silentLogger);
    expect([...registry.rows.keys()].sort()).toEqual(['192.0.2.0/24', '198.51.100.1/32', '198.51.100.2/32', '198.51.100.9/32']);

    // i-2 is terminated; the Elastic IP listing is throttled this time.
    ec2.on(DescribeInstancesCommand).resolves({ Reservations: [{ Instances: [{ InstanceId: 'i-1', PublicIpAddress: '198.51.100.1' }] }] });
    ec2.on(DescribeAddressesCommand).rejects(throttled());
    const sync = await syncDiscoveredRows(inventory({ groups: ['ec2'] }), registry, silentLogger);
    expect([...registry.rows.keys()].sort()).toEqual(['192.0.2.0/24', '198.51.100.1/32', '198.51.100.9/32']);
    expect(sync.problems.map((p) => p.source)).toEqual(['aws:eip']);
    expect(sync.removed).toBe(1);
  });
});

describe('parseDiscoveryGroups', () => {
  it('refuses an unknown source by name', () => {
    expect(parseDiscoveryGroups('ec2, Route53', '--discover')).toEqual(['ec2', 'route53']);
    expect(() => parseDiscoveryGroups('ec2,lightsail2', '--discover')).toThrow('--discover: unknown discovery source "lightsail2" (known: ec2, elbv2, elb, route53, lightsail, globalaccelerator, apigateway)');
  });
});
