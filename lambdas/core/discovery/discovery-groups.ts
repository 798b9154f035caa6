/**
 * The discovery source groups a deployment (context `discover`) or `run --discover` may name:
 * `ec2` covers instance public IPs, Elastic IPs, ENI associations and NAT gateways; `lightsail` its
 * instances' public addresses, static IPs and load balancer names; `globalaccelerator` static
 * addresses; `apigateway` custom domain names.
 */
export const DISCOVERY_GROUPS = ['ec2', 'elbv2', 'elb', 'route53', 'lightsail', 'globalaccelerator', 'apigateway'] as const;
export type DiscoveryGroup = (typeof DISCOVERY_GROUPS)[number];

/** Refuses an unknown group by name (`ec2,elbv2,route53`): a typo must not silently discover nothing. */
export function parseDiscoveryGroups(value: string | readonly string[], where: string): DiscoveryGroup[] {
  const list = (typeof value === 'string' ? value.split(',') : [...value]).map((s) => String(s).trim().toLowerCase()).filter(Boolean);
  if (list.length === 0) throw new Error(`${where}: name at least one of ${DISCOVERY_GROUPS.join(', ')}`);
  for (const g of list) {
    if (!(DISCOVERY_GROUPS as readonly string[]).includes(g)) throw new Error(`${where}: unknown discovery source "${g}" (known: ${DISCOVERY_GROUPS.join(', ')})`);
  }
  return [...new Set(list)] as DiscoveryGroup[];
}
