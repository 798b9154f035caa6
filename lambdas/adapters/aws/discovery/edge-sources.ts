import { GetDomainNamesCommand, type ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import { type GlobalAcceleratorClient, ListAcceleratorsCommand } from '@aws-sdk/client-global-accelerator';
import type { DiscoveredTarget } from '../../../core/discovery/discovered-target.js';
import type { Scope } from './ec2-sources.js';

/**
 * Global Accelerator (a global service, read in us-west-2): the static addresses of enabled
 * accelerators. Their DNS names resolve to the same addresses, so only the addresses are rows.
 */
export async function discoverAccelerators(ga: GlobalAcceleratorClient, account: string, emit: (t: DiscoveredTarget) => void): Promise<void> {
  let token: string | undefined;
  do {
    const out = await ga.send(new ListAcceleratorsCommand({ MaxResults: 100, ...(token ? { NextToken: token } : {}) }));
    for (const a of out.Accelerators ?? []) {
      if (a.Enabled === false) continue;
      for (const set of a.IpSets ?? []) {
        for (const ip of set.IpAddresses ?? []) emit({ target: ip, source: 'aws:globalaccelerator', resourceId: a.AcceleratorArn ?? a.Name ?? ip, account });
      }
    }
    token = out.NextToken;
  } while (token);
}

/**
 * API Gateway custom domain names (REST and HTTP APIs both show in the v2 listing), except
 * private ones and wildcards (not enumerable). The name is the row: it is what clients use.
 */
export async function discoverApiDomains(apigw: ApiGatewayV2Client, scope: Scope, emit: (t: DiscoveredTarget) => void): Promise<void> {
  let token: string | undefined;
  do {
    const out = await apigw.send(new GetDomainNamesCommand({ MaxResults: '500', ...(token ? { NextToken: token } : {}) }));
    for (const d of out.Items ?? []) {
      if (!d.DomainName || d.DomainName.startsWith('*')) continue;
      if ((d.DomainNameConfigurations ?? []).some((c) => (c.EndpointType as string | undefined) === 'PRIVATE')) continue;
      emit({ target: d.DomainName, source: 'aws:apigateway', resourceId: d.DomainName, account: scope.account, region: scope.region });
    }
    token = out.NextToken;
  } while (token);
}
