import { DescribeAddressesCommand, DescribeNetworkInterfacesCommand } from '@aws-sdk/client-ec2';
import { DescribeLoadBalancersCommand as DescribeClassicCommand } from '@aws-sdk/client-elastic-load-balancing';
import { DescribeLoadBalancersCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetDomainNameCommand } from '@aws-sdk/client-apigatewayv2';
import { DescribeAcceleratorCommand } from '@aws-sdk/client-global-accelerator';
import { GetInstancesCommand, GetLoadBalancerCommand, GetStaticIpsCommand } from '@aws-sdk/client-lightsail';
import { ListResourceRecordSetsCommand, type RRType } from '@aws-sdk/client-route-53';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { OwnershipCheck, OwnershipQuery, OwnershipVerdict } from '../../../core/discovery/discovered-target.js';
import type { HostResolver } from '../../../core/ports.js';
import { assumedRole, roleArn } from './accounts.js';
import { type CredentialProvider, type DiscoveryClients, defaultDiscoveryClients } from './clients.js';
import { decodeName } from './route53-source.js';

export interface AwsOwnershipOptions {
  readonly clients?: DiscoveryClients;
  /** Resolves a load balancer's or record's name again (the system resolver on AWS). */
  readonly resolver: HostResolver;
  readonly allowList?: readonly string[];
  readonly roleName?: string;
}

const NOT_FOUND = /LoadBalancerNotFound|AccessPointNotFound|NoSuchHostedZone|AcceleratorNotFound|^NotFoundException$/;

/**
 * Asks AWS whether an address found on a discovered row still belongs to the inventory, just
 * before its alert: EC2 addresses by a filtered DescribeAddresses / DescribeNetworkInterfaces on
 * the public IP; load balancers and Route 53 records by describing them again and resolving their
 * name. Throws when AWS cannot answer (the caller then alerts anyway).
 */
export class AwsOwnershipCheck implements OwnershipCheck {
  private readonly clients: DiscoveryClients;
  private readonly roles = new Map<string, CredentialProvider>();
  private self?: Promise<string | undefined>;

  constructor(private readonly options: AwsOwnershipOptions) {
    this.clients = options.clients ?? defaultDiscoveryClients();
  }

  async stillOwned(q: OwnershipQuery): Promise<OwnershipVerdict> {
    const credentials = await this.credentialsFor(q.account);
    if (credentials === null) return 'unknown';
    switch (q.source) {
      case 'aws:ec2-instance':
      case 'aws:eip':
      case 'aws:eni':
      case 'aws:nat':
        return this.ec2Owns(q, credentials);
      case 'aws:elbv2':
      case 'aws:elb':
        return this.loadBalancerOwns(q, credentials);
      case 'aws:route53':
        return this.recordOwns(q, credentials);
      case 'aws:lightsail':
        return this.lightsailOwns(q, credentials);
      case 'aws:globalaccelerator':
        return this.acceleratorOwns(q, credentials);
      case 'aws:apigateway':
        return this.apiDomainOwns(q, credentials);
      default:
        return 'unknown';
    }
  }

  private async ec2Owns(q: OwnershipQuery, credentials: CredentialProvider | undefined): Promise<OwnershipVerdict> {
    if (!q.region) return 'unknown';
    const ec2 = this.clients.ec2(q.region, credentials);
    const v6 = q.address.includes(':');
    if (!v6) {
      const eips = await ec2.send(new DescribeAddressesCommand({ Filters: [{ Name: 'public-ip', Values: [q.address] }] }));
      if ((eips.Addresses ?? []).length > 0) return 'owned';
    }
    const enis = await ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: v6 ? 'ipv6-addresses.ipv6-address' : 'association.public-ip', Values: [q.address] }] }));
    return (enis.NetworkInterfaces ?? []).length > 0 ? 'owned' : 'left';
  }

  private async loadBalancerOwns(q: OwnershipQuery, credentials: CredentialProvider | undefined): Promise<OwnershipVerdict> {
    if (!q.region || !q.host) return 'unknown';
    try {
      if (q.source === 'aws:elbv2') {
        const out = await this.clients.elbv2(q.region, credentials).send(new DescribeLoadBalancersCommand(q.resourceId.startsWith('arn:') ? { LoadBalancerArns: [q.resourceId] } : { Names: [q.resourceId] }));
        if (!(out.LoadBalancers ?? []).some((lb) => lb.Scheme === 'internet-facing')) return 'left';
      } else {
        const out = await this.clients.elb(q.region, credentials).send(new DescribeClassicCommand({ LoadBalancerNames: [q.resourceId] }));
        if (!(out.LoadBalancerDescriptions ?? []).some((lb) => lb.Scheme === 'internet-facing')) return 'left';
      }
    } catch (err) {
      if (NOT_FOUND.test((err as Error).name ?? '')) return 'left';
      throw err;
    }
    return this.resolvesTo(q.host, q.address);
  }

  private async recordOwns(q: OwnershipQuery, credentials: CredentialProvider | undefined): Promise<OwnershipVerdict> {
    if (!q.host) return 'unknown';
    const [zoneId, name, type] = q.resourceId.split('/');
    if (!zoneId || !name || !type) return 'unknown';
    try {
      const out = await this.clients.route53(credentials).send(new ListResourceRecordSetsCommand({ HostedZoneId: zoneId, StartRecordName: name, StartRecordType: type as RRType, MaxItems: 1 }));
      const record = out.ResourceRecordSets?.[0];
      if (!record?.Name || decodeName(record.Name) !== name || record.Type !== type) return 'left';
    } catch (err) {
      if (NOT_FOUND.test((err as Error).name ?? '')) return 'left';
      throw err;
    }
    return this.resolvesTo(q.host, q.address);
  }

  /** An accelerator still enabled and still holding the address. */
  private async acceleratorOwns(q: OwnershipQuery, credentials: CredentialProvider | undefined): Promise<OwnershipVerdict> {
    try {
      const out = await this.clients.globalaccelerator(credentials).send(new DescribeAcceleratorCommand({ AcceleratorArn: q.resourceId }));
      const a = out.Accelerator;
      return a && a.Enabled !== false && (a.IpSets ?? []).some((s) => (s.IpAddresses ?? []).includes(q.address)) ? 'owned' : 'left';
    } catch (err) {
      if (NOT_FOUND.test((err as Error).name ?? '')) return 'left';
      throw err;
    }
  }

  /** A custom domain name still configured, and still resolving to the address. */
  private async apiDomainOwns(q: OwnershipQuery, credentials: CredentialProvider | undefined): Promise<OwnershipVerdict> {
    if (!q.region || !q.host) return 'unknown';
    try {
      await this.clients.apigateway(q.region, credentials).send(new GetDomainNameCommand({ DomainName: q.resourceId }));
    } catch (err) {
      if (NOT_FOUND.test((err as Error).name ?? '')) return 'left';
      throw err;
    }
    return this.resolvesTo(q.host, q.address);
  }

  /** A Lightsail load balancer by its name (then its DNS name is resolved again); an address among the static IPs or instances. */
  private async lightsailOwns(q: OwnershipQuery, credentials: CredentialProvider | undefined): Promise<OwnershipVerdict> {
    if (!q.region) return 'unknown';
    const lightsail = this.clients.lightsail(q.region, credentials);
    if (q.host) {
      try {
        await lightsail.send(new GetLoadBalancerCommand({ loadBalancerName: q.resourceId }));
      } catch (err) {
        if (NOT_FOUND.test((err as Error).name ?? '')) return 'left';
        throw err;
      }
      return this.resolvesTo(q.host, q.address);
    }
    let token: string | undefined;
    do {
      const out = await lightsail.send(new GetStaticIpsCommand(token ? { pageToken: token } : {}));
      if ((out.staticIps ?? []).some((ip) => ip.ipAddress === q.address)) return 'owned';
      token = out.nextPageToken;
    } while (token);
    do {
      const out = await lightsail.send(new GetInstancesCommand(token ? { pageToken: token } : {}));
      if ((out.instances ?? []).some((i) => i.publicIpAddress === q.address || (i.ipv6Addresses ?? []).includes(q.address))) return 'owned';
      token = out.nextPageToken;
    } while (token);
    return 'left';
  }

  /** The name still leads to the address: owned. It leads elsewhere now: the address left. */
  private async resolvesTo(host: string, address: string): Promise<OwnershipVerdict> {
    const addresses = await this.options.resolver.resolve(host);
    return addresses.includes(address) ? 'owned' : 'left';
  }

  /** Undefined: own credentials. Null: an account outside the allow-list (never assumed). */
  private async credentialsFor(account: string | undefined): Promise<CredentialProvider | undefined | null> {
    if (!account) return undefined;
    this.self ??= this.clients
      .sts()
      .send(new GetCallerIdentityCommand({}))
      .then((o) => o.Account);
    if ((await this.self) === account) return undefined;
    if (!this.options.roleName || !(this.options.allowList ?? []).includes(account)) return null;
    let role = this.roles.get(account);
    if (!role) this.roles.set(account, (role = assumedRole(this.clients, roleArn(account, this.options.roleName))));
    // Assumed now (cached until shortly before expiry), so a role that fails names itself here.
    await role();
    return role;
  }
}
