import type { DiscoveredTarget, DiscoveryProblem, DiscoveryResult, InventorySource, TargetSource } from '../../../core/discovery/discovered-target.js';
import type { DiscoveryGroup } from '../../../core/discovery/discovery-groups.js';
import { type AccountOptions, type AccountScope, accountScopes } from './accounts.js';
import { type CredentialProvider, type DiscoveryClients, defaultDiscoveryClients, describeAwsError } from './clients.js';
import { discoverElasticIps, discoverInstances, discoverInterfaces, discoverNatGateways, type Scope } from './ec2-sources.js';
import { discoverClassicLoadBalancers, discoverLoadBalancersV2 } from './elb-sources.js';
import { discoverLightsail } from './lightsail-source.js';
import { discoverAccelerators, discoverApiDomains } from './edge-sources.js';
import { DEFAULT_ROUTE53_RECORD_CAP, discoverRoute53, type RecordBudget } from './route53-source.js';

export { DISCOVERY_GROUPS, type DiscoveryGroup, parseDiscoveryGroups } from '../../../core/discovery/discovery-groups.js';

export interface AwsInventoryOptions extends Partial<AccountOptions> {
  readonly groups: readonly DiscoveryGroup[];
  /** Regions to read (EC2 and load balancers are regional); Route 53 is global. */
  readonly regions: readonly string[];
  readonly clients?: DiscoveryClients;
  /** Route 53 records read per cycle over all zones and accounts. */
  readonly route53RecordCap?: number;
}

type Lister = (scope: Scope, emit: (t: DiscoveredTarget) => void, scopeCreds: AccountScope) => Promise<void>;

/**
 * Cloud inventory from AWS: each source of each account and region is read on its own, so a
 * throttled or forbidden source is one problem (named by source, account and region) and every
 * other source still counts.
 */
export class AwsInventory implements InventorySource {
  private readonly clients: DiscoveryClients;
  private readonly roles = new Map<string, CredentialProvider>();

  constructor(private readonly options: AwsInventoryOptions) {
    this.clients = options.clients ?? defaultDiscoveryClients();
  }

  async discover(): Promise<DiscoveryResult> {
    const targets: DiscoveredTarget[] = [];
    const problems: DiscoveryProblem[] = [];
    const report = (p: DiscoveryProblem): void => {
      problems.push(p);
    };
    let scopes: AccountScope[];
    try {
      scopes = await accountScopes(this.clients, { allowList: this.options.allowList ?? [], ...(this.options.roleName ? { roleName: this.options.roleName } : {}), ...(this.options.partition ? { partition: this.options.partition } : {}), roles: this.roles }, report);
    } catch (err) {
      // Not even our own identity: nothing can be read, and nothing discovered before is dropped.
      return { targets: [], problems: [...problems, { source: 'aws:sts', error: `GetCallerIdentity failed: ${describeAwsError(err)}` }] };
    }
    const groups = new Set(this.options.groups);
    const regional: [TargetSource, DiscoveryGroup, Lister][] = [
      ['aws:ec2-instance', 'ec2', (s, e, a) => discoverInstances(this.clients.ec2(s.region, a.credentials), s, e)],
      ['aws:eip', 'ec2', (s, e, a) => discoverElasticIps(this.clients.ec2(s.region, a.credentials), s, e)],
      ['aws:eni', 'ec2', (s, e, a) => discoverInterfaces(this.clients.ec2(s.region, a.credentials), s, e)],
      ['aws:nat', 'ec2', (s, e, a) => discoverNatGateways(this.clients.ec2(s.region, a.credentials), s, e)],
      ['aws:elbv2', 'elbv2', (s, e, a) => discoverLoadBalancersV2(this.clients.elbv2(s.region, a.credentials), s, e)],
      ['aws:elb', 'elb', (s, e, a) => discoverClassicLoadBalancers(this.clients.elb(s.region, a.credentials), s, e)],
      ['aws:lightsail', 'lightsail', (s, e, a) => discoverLightsail(this.clients.lightsail(s.region, a.credentials), s, e)],
      ['aws:apigateway', 'apigateway', (s, e, a) => discoverApiDomains(this.clients.apigateway(s.region, a.credentials), s, e)],
    ];
    const budget: RecordBudget = { cap: this.options.route53RecordCap ?? DEFAULT_ROUTE53_RECORD_CAP, remaining: this.options.route53RecordCap ?? DEFAULT_ROUTE53_RECORD_CAP };
    for (const scope of scopes) {
      const jobs: Promise<void>[] = [];
      for (const region of this.options.regions) {
        for (const [source, group, list] of regional) {
          if (!groups.has(group)) continue;
          // Each source's targets count only when the whole listing succeeded: a half-read source
          // is a problem, and its earlier rows are kept rather than some of them deleted.
          const found: DiscoveredTarget[] = [];
          jobs.push(
            list({ account: scope.account, region }, (t) => found.push(t), scope).then(
              () => void targets.push(...found),
              (err: unknown) => report({ source, account: scope.account, error: `${region}: ${describeAwsError(err)}` }),
            ),
          );
        }
      }
      if (groups.has('globalaccelerator')) {
        const found: DiscoveredTarget[] = [];
        jobs.push(
          discoverAccelerators(this.clients.globalaccelerator(scope.credentials), scope.account, (t) => found.push(t)).then(
            () => void targets.push(...found),
            (err: unknown) => report({ source: 'aws:globalaccelerator', account: scope.account, error: describeAwsError(err) }),
          ),
        );
      }
      if (groups.has('route53')) {
        const found: DiscoveredTarget[] = [];
        jobs.push(
          discoverRoute53(this.clients.route53(scope.credentials), scope.account, (t) => found.push(t), budget, report).then(
            () => void targets.push(...found),
            (err: unknown) => {
              // Names read before the failure still count; the problem keeps the rest of the zone's rows.
              targets.push(...found);
              report({ source: 'aws:route53', account: scope.account, error: describeAwsError(err) });
            },
          ),
        );
      }
      await Promise.all(jobs);
    }
    return { targets, problems };
  }
}
