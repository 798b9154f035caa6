import { DescribeLoadBalancersCommand as DescribeClassicCommand, type ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';
import { DescribeLoadBalancersCommand, type ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { DiscoveredTarget } from '../../../core/discovery/discovered-target.js';
import type { Scope } from './ec2-sources.js';

/** Internet-facing application and network load balancers: their DNS names. Paginated (Marker). */
export async function discoverLoadBalancersV2(elbv2: ElasticLoadBalancingV2Client, scope: Scope, emit: (t: DiscoveredTarget) => void): Promise<void> {
  let marker: string | undefined;
  do {
    const out = await elbv2.send(new DescribeLoadBalancersCommand({ PageSize: 400, ...(marker ? { Marker: marker } : {}) }));
    for (const lb of out.LoadBalancers ?? []) {
      if (lb.Scheme === 'internet-facing' && lb.DNSName) {
        emit({ target: lb.DNSName, source: 'aws:elbv2', resourceId: lb.LoadBalancerArn ?? lb.LoadBalancerName ?? lb.DNSName, account: scope.account, region: scope.region });
      }
    }
    marker = out.NextMarker;
  } while (marker);
}

/** Internet-facing classic load balancers: their DNS names. Paginated (Marker). */
export async function discoverClassicLoadBalancers(elb: ElasticLoadBalancingClient, scope: Scope, emit: (t: DiscoveredTarget) => void): Promise<void> {
  let marker: string | undefined;
  do {
    const out = await elb.send(new DescribeClassicCommand({ PageSize: 400, ...(marker ? { Marker: marker } : {}) }));
    for (const lb of out.LoadBalancerDescriptions ?? []) {
      if (lb.Scheme === 'internet-facing' && lb.DNSName) {
        emit({ target: lb.DNSName, source: 'aws:elb', resourceId: lb.LoadBalancerName ?? lb.DNSName, account: scope.account, region: scope.region });
      }
    }
    marker = out.NextMarker;
  } while (marker);
}
