import { DescribeAddressesCommand, DescribeNetworkInterfacesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeLoadBalancersCommand as DescribeClassicCommand, ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';
import { DescribeLoadBalancersCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ApiGatewayV2Client, GetDomainNameCommand } from '@aws-sdk/client-apigatewayv2';
import { DescribeAcceleratorCommand, GlobalAcceleratorClient } from '@aws-sdk/client-global-accelerator';
import { GetInstancesCommand, GetLoadBalancerCommand, GetStaticIpsCommand, LightsailClient } from '@aws-sdk/client-lightsail';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { ListResourceRecordSetsCommand, Route53Client } from '@aws-sdk/client-route-53';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AwsOwnershipCheck } from '../../../lambdas/adapters/aws/discovery/aws-ownership-check.js';
import type { CredentialProvider, DiscoveryClients } from '../../../lambdas/adapters/aws/discovery/clients.js';
import type { OwnershipQuery } from '../../../lambdas/core/discovery/discovered-target.js';
import type { HostResolver } from '../../../lambdas/core/ports.js';

// Every call is answered by aws-sdk-client-mock; names resolve through a map (no DNS query).
const SELF = '111111111111';
const MEMBER = '222222222222';
const ec2 = mockClient(EC2Client);
const elbv2 = mockClient(ElasticLoadBalancingV2Client);
const elb = mockClient(ElasticLoadBalancingClient);
const route53 = mockClient(Route53Client);
const sts = mockClient(STSClient);
const lightsail = mockClient(LightsailClient);
const apigw = mockClient(ApiGatewayV2Client);
const ga = mockClient(GlobalAcceleratorClient);

const own = { accessKeyId: 'own', secretAccessKey: 'x' };
const clients: DiscoveryClients = {
  ec2: (region, c?: CredentialProvider) => new EC2Client({ region, credentials: c ?? own }),
  elbv2: (region, c) => new ElasticLoadBalancingV2Client({ region, credentials: c ?? own }),
  elb: (region, c) => new ElasticLoadBalancingClient({ region, credentials: c ?? own }),
  route53: (c) => new Route53Client({ region: 'us-east-1', credentials: c ?? own }),
  lightsail: (region, c) => new LightsailClient({ region, credentials: c ?? own }),
  apigateway: (region, c) => new ApiGatewayV2Client({ region, credentials: c ?? own }),
  globalaccelerator: (c) => new GlobalAcceleratorClient({ region: 'us-west-2', credentials: c ?? own }),
  organizations: () => new OrganizationsClient({ region: 'us-east-1', credentials: own }),
  sts: () => new STSClient({ region: 'us-east-1', credentials: own }),
};
let dns: Record<string, string[]>;
const resolver: HostResolver = { resolve: async (name) => dns[name] ?? [] };
const check = () => new AwsOwnershipCheck({ clients, resolver, allowList: [MEMBER], roleName: 'Reader' });
const q = (extra: Partial<OwnershipQuery>): OwnershipQuery => ({ source: 'aws:eip', resourceId: 'eipalloc-1', account: SELF, region: 'eu-west-1', address: '198.51.100.7', ...extra });

beforeEach(() => {
  for (const m of [ec2, elbv2, elb, route53, sts, lightsail, apigw, ga]) m.reset();
  dns = {};
  sts.on(GetCallerIdentityCommand).resolves({ Account: SELF });
  sts.on(AssumeRoleCommand).resolves({ Credentials: { AccessKeyId: 'member', SecretAccessKey: 's', SessionToken: 't', Expiration: new Date(Date.now() + 900_000) } });
  ec2.on(DescribeAddressesCommand).resolves({ Addresses: [] });
  ec2.on(DescribeNetworkInterfacesCommand).resolves({ NetworkInterfaces: [] });
});

describe('AwsOwnershipCheck', () => {
  it('finds an EC2 address by a DescribeAddresses filtered on the public IP', async () => {
    ec2.on(DescribeAddressesCommand, { Filters: [{ Name: 'public-ip', Values: ['198.51.100.7'] }] }).resolves({ Addresses: [{ PublicIp: '198.51.100.7' }] });
    expect(await check().stillOwned(q({}))).toBe('owned');
  });

  it('finds an auto-assigned instance address through the network interface association', async () => {
    ec2.on(DescribeNetworkInterfacesCommand, { Filters: [{ Name: 'association.public-ip', Values: ['198.51.100.7'] }] }).resolves({ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-1' }] });
    expect(await check().stillOwned(q({ source: 'aws:ec2-instance', resourceId: 'i-1' }))).toBe('owned');
  });

  it('says left when neither knows the address any more (it was released and may be someone else’s)', async () => {
    expect(await check().stillOwned(q({ source: 'aws:ec2-instance', resourceId: 'i-1' }))).toBe('left');
  });

  it('asks a member account through its allow-listed role, and never assumes a role outside the allow-list', async () => {
    ec2.on(DescribeAddressesCommand).resolves({ Addresses: [{ PublicIp: '198.51.100.7' }] });
    const c = check();
    expect(await c.stillOwned(q({ account: MEMBER }))).toBe('owned');
    expect(sts.commandCalls(AssumeRoleCommand).map((x) => x.args[0].input.RoleArn)).toEqual([`arn:aws:iam::${MEMBER}:role/Reader`]);
    expect(await c.stillOwned(q({ account: '999999999999' }))).toBe('unknown');
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(1);
  });

  it('throws when EC2 cannot answer (the gate then alerts anyway)', async () => {
    ec2.on(DescribeAddressesCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'RequestLimitExceeded' }));
    await expect(check().stillOwned(q({}))).rejects.toThrow('Rate exceeded');
  });

  it('re-checks a load balancer: deleted is left; existing and still resolving to the address is owned; resolving elsewhere is left', async () => {
    const arn = 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/web/1';
    const lb = q({ source: 'aws:elbv2', resourceId: arn, host: 'web-1.eu-west-1.elb.amazonaws.com' });
    elbv2.on(DescribeLoadBalancersCommand, { LoadBalancerArns: [arn] }).rejectsOnce(Object.assign(new Error('not found'), { name: 'LoadBalancerNotFoundException' })).resolves({ LoadBalancers: [{ Scheme: 'internet-facing' }] });
    expect(await check().stillOwned(lb)).toBe('left');
    dns = { 'web-1.eu-west-1.elb.amazonaws.com': ['198.51.100.7', '198.51.100.8'] };
    expect(await check().stillOwned(lb)).toBe('owned');
    dns = { 'web-1.eu-west-1.elb.amazonaws.com': ['198.51.100.99'] };
    expect(await check().stillOwned(lb)).toBe('left');
    elb.on(DescribeClassicCommand).rejects(Object.assign(new Error('gone'), { name: 'AccessPointNotFoundException' }));
    expect(await check().stillOwned(q({ source: 'aws:elb', resourceId: 'old', host: 'old-1.eu-west-1.elb.amazonaws.com' }))).toBe('left');
  });

  it('re-checks a Route 53 record: removed is left; present and resolving to the address is owned', async () => {
    const rec = q({ source: 'aws:route53', resourceId: 'ZPUB/chat.example.com/A', host: 'chat.example.com', region: undefined });
    dns = { 'chat.example.com': ['198.51.100.7'] };
    route53.on(ListResourceRecordSetsCommand).resolvesOnce({ ResourceRecordSets: [{ Name: 'dhat.example.com.', Type: 'A' }], IsTruncated: false, MaxItems: 1 }).resolves({ ResourceRecordSets: [{ Name: 'chat.example.com.', Type: 'A' }], IsTruncated: false, MaxItems: 1 });
    expect(await check().stillOwned(rec)).toBe('left');
    expect(await check().stillOwned(rec)).toBe('owned');
    expect(route53.commandCalls(ListResourceRecordSetsCommand)[0]?.args[0].input).toEqual({ HostedZoneId: 'ZPUB', StartRecordName: 'chat.example.com', StartRecordType: 'A', MaxItems: 1 });
  });

  it('re-checks Lightsail: a static IP or an instance address is owned; a load balancer that is gone is left', async () => {
    lightsail.on(GetStaticIpsCommand).resolves({ staticIps: [{ name: 's', ipAddress: '198.51.100.22' }] });
    lightsail.on(GetInstancesCommand).resolves({ instances: [{ name: 'box', publicIpAddress: '198.51.100.20' }] });
    const ls = (address: string) => q({ source: 'aws:lightsail', resourceId: 'x', address });
    expect(await check().stillOwned(ls('198.51.100.22'))).toBe('owned');
    expect(await check().stillOwned(ls('198.51.100.20'))).toBe('owned');
    expect(await check().stillOwned(ls('198.51.100.99'))).toBe('left');
    lightsail.on(GetLoadBalancerCommand).rejects(Object.assign(new Error('gone'), { name: 'NotFoundException' }));
    expect(await check().stillOwned(q({ source: 'aws:lightsail', resourceId: 'lb-1', host: 'abc.eu-west-1.elb.amazonaws.com' }))).toBe('left');
  });

  it('re-checks an accelerator (deleted or without the address is left) and an API custom domain (gone is left, still resolving is owned)', async () => {
    const arn = 'arn:aws:globalaccelerator::111111111111:accelerator/a1';
    const acc = q({ source: 'aws:globalaccelerator', resourceId: arn, address: '203.0.113.1', region: undefined });
    ga.on(DescribeAcceleratorCommand).resolvesOnce({ Accelerator: { AcceleratorArn: arn, Enabled: true, IpSets: [{ IpAddresses: ['203.0.113.1'] }] } }).resolvesOnce({ Accelerator: { AcceleratorArn: arn, Enabled: true, IpSets: [{ IpAddresses: ['203.0.113.7'] }] } }).rejects(Object.assign(new Error('no'), { name: 'AcceleratorNotFoundException' }));
    expect(await check().stillOwned(acc)).toBe('owned');
    expect(await check().stillOwned(acc)).toBe('left');
    expect(await check().stillOwned(acc)).toBe('left');
    const api = q({ source: 'aws:apigateway', resourceId: 'api.example.com', host: 'api.example.com', address: '198.51.100.30' });
    dns = { 'api.example.com': ['198.51.100.30'] };
    apigw.on(GetDomainNameCommand).resolvesOnce({ DomainName: 'api.example.com' }).rejects(Object.assign(new Error('gone'), { name: 'NotFoundException' }));
    expect(await check().stillOwned(api)).toBe('owned');
    expect(await check().stillOwned(api)).toBe('left');
  });
});
