import { DescribeAddressesCommand, DescribeInstancesCommand, DescribeNatGatewaysCommand, DescribeNetworkInterfacesCommand, type EC2Client } from '@aws-sdk/client-ec2';
import type { DiscoveredTarget } from '../../../core/discovery/discovered-target.js';

export interface Scope {
  readonly account: string;
  readonly region: string;
}

/** Public IPv4 addresses of running instances, and their IPv6 addresses (globally routable). Paginated. */
export async function discoverInstances(ec2: EC2Client, scope: Scope, emit: (t: DiscoveredTarget) => void): Promise<void> {
  let token: string | undefined;
  do {
    const out = await ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'instance-state-name', Values: ['pending', 'running', 'stopping'] }], MaxResults: 1000, ...(token ? { NextToken: token } : {}) }));
    for (const reservation of out.Reservations ?? []) {
      for (const instance of reservation.Instances ?? []) {
        const id = instance.InstanceId ?? 'unknown-instance';
        const add = (target: string | undefined): void => {
          if (target) emit({ target, source: 'aws:ec2-instance', resourceId: id, account: scope.account, region: scope.region });
        };
        add(instance.PublicIpAddress);
        add(instance.Ipv6Address);
        for (const eni of instance.NetworkInterfaces ?? []) for (const v6 of eni.Ipv6Addresses ?? []) add(v6.Ipv6Address);
      }
    }
    token = out.NextToken;
  } while (token);
}

/** Elastic IPs (allocated, associated or not: an unassociated one can be attached at any time). Not paginated by the API. */
export async function discoverElasticIps(ec2: EC2Client, scope: Scope, emit: (t: DiscoveredTarget) => void): Promise<void> {
  const out = await ec2.send(new DescribeAddressesCommand({}));
  for (const a of out.Addresses ?? []) {
    if (a.PublicIp) emit({ target: a.PublicIp, source: 'aws:eip', resourceId: a.AllocationId ?? a.PublicIp, account: scope.account, region: scope.region });
  }
}

/** Public addresses associated with network interfaces (Lambda in a VPC, ECS tasks, endpoints of managed services). Paginated. */
export async function discoverInterfaces(ec2: EC2Client, scope: Scope, emit: (t: DiscoveredTarget) => void): Promise<void> {
  let token: string | undefined;
  do {
    const out = await ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'association.public-ip', Values: ['*'] }], MaxResults: 1000, ...(token ? { NextToken: token } : {}) }));
    for (const eni of out.NetworkInterfaces ?? []) {
      const id = eni.NetworkInterfaceId ?? 'unknown-eni';
      if (eni.Association?.PublicIp) emit({ target: eni.Association.PublicIp, source: 'aws:eni', resourceId: id, account: scope.account, region: scope.region });
      for (const v6 of eni.Ipv6Addresses ?? []) {
        if (v6.Ipv6Address) emit({ target: v6.Ipv6Address, source: 'aws:eni', resourceId: id, account: scope.account, region: scope.region });
      }
    }
    token = out.NextToken;
  } while (token);
}

/** Public addresses of available NAT gateways. Paginated. */
export async function discoverNatGateways(ec2: EC2Client, scope: Scope, emit: (t: DiscoveredTarget) => void): Promise<void> {
  let token: string | undefined;
  do {
    const out = await ec2.send(new DescribeNatGatewaysCommand({ Filter: [{ Name: 'state', Values: ['available'] }], MaxResults: 1000, ...(token ? { NextToken: token } : {}) }));
    for (const nat of out.NatGateways ?? []) {
      for (const a of nat.NatGatewayAddresses ?? []) {
        if (a.PublicIp) emit({ target: a.PublicIp, source: 'aws:nat', resourceId: nat.NatGatewayId ?? 'unknown-nat', account: scope.account, region: scope.region });
      }
    }
    token = out.NextToken;
  } while (token);
}
