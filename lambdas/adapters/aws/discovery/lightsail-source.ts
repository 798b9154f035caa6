import { GetInstancesCommand, GetLoadBalancersCommand, GetStaticIpsCommand, type LightsailClient } from '@aws-sdk/client-lightsail';
import type { DiscoveredTarget } from '../../../core/discovery/discovered-target.js';
import type { Scope } from './ec2-sources.js';

/**
 * Lightsail: instances' public IPv4 and IPv6 addresses, static IPs (attached or not) and load
 * balancer DNS names (Lightsail load balancers are always public). Each listing is paginated.
 */
export async function discoverLightsail(lightsail: LightsailClient, scope: Scope, emit: (t: DiscoveredTarget) => void): Promise<void> {
  const add = (target: string | undefined, resourceId: string | undefined): void => {
    if (target) emit({ target, source: 'aws:lightsail', resourceId: resourceId ?? target, account: scope.account, region: scope.region });
  };
  let token: string | undefined;
  do {
    const out = await lightsail.send(new GetInstancesCommand(token ? { pageToken: token } : {}));
    for (const i of out.instances ?? []) {
      add(i.publicIpAddress, i.name);
      for (const v6 of i.ipv6Addresses ?? []) add(v6, i.name);
    }
    token = out.nextPageToken;
  } while (token);
  do {
    const out = await lightsail.send(new GetStaticIpsCommand(token ? { pageToken: token } : {}));
    for (const ip of out.staticIps ?? []) add(ip.ipAddress, ip.name);
    token = out.nextPageToken;
  } while (token);
  do {
    const out = await lightsail.send(new GetLoadBalancersCommand(token ? { pageToken: token } : {}));
    for (const lb of out.loadBalancers ?? []) add(lb.dnsName, lb.name);
    token = out.nextPageToken;
  } while (token);
}
