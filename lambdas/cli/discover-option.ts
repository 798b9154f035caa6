import { AwsInventory } from '../adapters/aws/discovery/aws-inventory.js';
import { AwsOwnershipCheck } from '../adapters/aws/discovery/aws-ownership-check.js';
import type { DiscoveryClients } from '../adapters/aws/discovery/clients.js';
import type { InventorySource, OwnershipCheck } from '../core/discovery/discovered-target.js';
import { parseDiscoveryGroups } from '../core/discovery/discovery-groups.js';
import type { HostResolver } from '../core/ports.js';
import { InputError } from '../core/targets/address.js';
import type { OptionValues } from './cli-options.js';

/**
 * `run --discover ec2,elbv2,route53`: the same AWS inventory the deployed planner uses, with the
 * default credential chain (profile, environment, SSO). `--discover-regions` names the regions
 * (else the SDK's region); `--discover-accounts` and `--discover-role` add allow-listed member
 * accounts. Undefined when `--discover` is not given.
 */
export function discoverOption(
  values: OptionValues,
  resolver: HostResolver,
  env: NodeJS.ProcessEnv = process.env,
  clients?: DiscoveryClients,
): { discovery: InventorySource; ownership: OwnershipCheck } | undefined {
  const sources = values.discover;
  if (sources === undefined) {
    for (const extra of ['discover-regions', 'discover-accounts', 'discover-role'] as const) {
      if (values[extra] !== undefined) throw new InputError(`--${extra} needs --discover (e.g. --discover ec2,elbv2,route53)`);
    }
    return undefined;
  }
  let groups;
  try {
    groups = parseDiscoveryGroups(String(sources), '--discover');
  } catch (err) {
    throw new InputError((err as Error).message);
  }
  const list = (name: string): string[] => (typeof values[name] === 'string' ? (values[name] as string).split(',').map((s) => s.trim()).filter(Boolean) : []);
  const regions = list('discover-regions');
  for (const r of regions) if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(r)) throw new InputError(`--discover-regions: "${r}" is not an AWS region name (e.g. eu-west-1)`);
  const own = env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (regions.length === 0 && !own) throw new InputError('--discover: no region: give --discover-regions eu-west-1[,...] or set AWS_REGION');
  const allowList = list('discover-accounts');
  for (const a of allowList) if (!/^\d{12}$/.test(a)) throw new InputError(`--discover-accounts: "${a}" is not a 12-digit AWS account id`);
  const roleName = typeof values['discover-role'] === 'string' ? values['discover-role'].trim() : undefined;
  if (allowList.length > 0 && !roleName) throw new InputError('--discover-accounts needs --discover-role NAME (the read-only role to assume in those accounts)');
  if (roleName !== undefined && !/^[\w+=,.@-]{1,64}$/.test(roleName)) throw new InputError(`--discover-role: "${roleName}" is not an IAM role name`);
  const common = { allowList, ...(roleName ? { roleName } : {}), ...(clients ? { clients } : {}) };
  return {
    discovery: new AwsInventory({ groups, regions: regions.length > 0 ? regions : [own as string], ...common }),
    ownership: new AwsOwnershipCheck({ resolver, ...common }),
  };
}
