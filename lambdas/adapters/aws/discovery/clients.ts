import { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import { GlobalAcceleratorClient } from '@aws-sdk/client-global-accelerator';
import { LightsailClient } from '@aws-sdk/client-lightsail';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { Route53Client } from '@aws-sdk/client-route-53';
import { STSClient } from '@aws-sdk/client-sts';

/** Temporary credentials of an assumed role; undefined means the default credential chain. */
export interface RoleCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiration?: Date;
}
export type CredentialProvider = () => Promise<RoleCredentials>;

/**
 * Every describe/list call retries with the SDK's adaptive mode (client-side rate limiting that
 * backs off on throttling); a call still throttled after these attempts fails its source only.
 */
export const DISCOVERY_RETRY = { retryMode: 'adaptive', maxAttempts: 8 } as const;

/** Builds the SDK clients discovery uses, one per account (credentials) and region, reused. */
export interface DiscoveryClients {
  ec2(region: string, credentials?: CredentialProvider): EC2Client;
  elbv2(region: string, credentials?: CredentialProvider): ElasticLoadBalancingV2Client;
  elb(region: string, credentials?: CredentialProvider): ElasticLoadBalancingClient;
  route53(credentials?: CredentialProvider): Route53Client;
  lightsail(region: string, credentials?: CredentialProvider): LightsailClient;
  apigateway(region: string, credentials?: CredentialProvider): ApiGatewayV2Client;
  /** Global Accelerator's API is served from us-west-2 only. */
  globalaccelerator(credentials?: CredentialProvider): GlobalAcceleratorClient;
  organizations(): OrganizationsClient;
  sts(region?: string): STSClient;
}

export function defaultDiscoveryClients(): DiscoveryClients {
  const cache = new Map<unknown, Map<string, unknown>>();
  const ids = new WeakMap<CredentialProvider, number>();
  let next = 1;
  const memo = <T>(kind: string, region: string, credentials: CredentialProvider | undefined, make: () => T): T => {
    let id = 0;
    if (credentials) {
      id = ids.get(credentials) ?? next++;
      ids.set(credentials, id);
    }
    const key = `${kind}|${region}|${id}`;
    let byKey = cache.get(kind);
    if (!byKey) cache.set(kind, (byKey = new Map()));
    if (!byKey.has(key)) byKey.set(key, make());
    return byKey.get(key) as T;
  };
  const cfg = (region: string, credentials?: CredentialProvider) => ({ region, ...DISCOVERY_RETRY, ...(credentials ? { credentials } : {}) });
  return {
    ec2: (region, credentials) => memo('ec2', region, credentials, () => new EC2Client(cfg(region, credentials))),
    elbv2: (region, credentials) => memo('elbv2', region, credentials, () => new ElasticLoadBalancingV2Client(cfg(region, credentials))),
    elb: (region, credentials) => memo('elb', region, credentials, () => new ElasticLoadBalancingClient(cfg(region, credentials))),
    lightsail: (region, credentials) => memo('lightsail', region, credentials, () => new LightsailClient(cfg(region, credentials))),
    apigateway: (region, credentials) => memo('apigateway', region, credentials, () => new ApiGatewayV2Client(cfg(region, credentials))),
    globalaccelerator: (credentials) => memo('globalaccelerator', 'us-west-2', credentials, () => new GlobalAcceleratorClient(cfg('us-west-2', credentials))),
    // Route 53 and Organizations are global services, served from us-east-1.
    route53: (credentials) => memo('route53', 'us-east-1', credentials, () => new Route53Client(cfg('us-east-1', credentials))),
    organizations: () => memo('organizations', 'us-east-1', undefined, () => new OrganizationsClient(cfg('us-east-1'))),
    sts: (region) => memo('sts', region ?? '', undefined, () => new STSClient({ ...DISCOVERY_RETRY, ...(region ? { region } : {}) })),
  };
}

/** "throttled" errors of the describe/list APIs, named so a problem says what happened. */
export function describeAwsError(err: unknown): string {
  const e = err as { name?: string; message?: string; $metadata?: { attempts?: number } };
  const name = e?.name ?? 'Error';
  const attempts = e?.$metadata?.attempts;
  if (/Throttl|RequestLimitExceeded|TooManyRequests|PriorRequestNotComplete|SlowDown/i.test(name)) {
    return `throttled (${name}) after ${attempts ?? 'several'} attempt${attempts === 1 ? '' : 's'} with adaptive retry; the other sources go on`;
  }
  return `${name}: ${(e?.message ?? String(err)).slice(0, 300)}`;
}
