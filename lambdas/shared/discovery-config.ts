import { AwsInventory, type DiscoveryGroup, parseDiscoveryGroups } from '../adapters/aws/discovery/aws-inventory.js';
import { AwsOwnershipCheck } from '../adapters/aws/discovery/aws-ownership-check.js';
import type { DiscoveryClients } from '../adapters/aws/discovery/clients.js';
import type { HostResolver } from '../core/ports.js';
import { ENV } from './env.js';

export interface DiscoverySettings {
  readonly groups: readonly DiscoveryGroup[];
  readonly regions: readonly string[];
  readonly allowList: readonly string[];
  readonly roleName?: string;
}

const ACCOUNT = /^\d{12}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

/**
 * Discovery settings from the environment the stack sets (or undefined when discovery is off).
 * A bad value throws at cold start, naming the variable and the value.
 */
export function loadDiscoverySettings(env: NodeJS.ProcessEnv): DiscoverySettings | undefined {
  const sources = env[ENV.DISCOVER_SOURCES]?.trim();
  if (!sources) return undefined;
  const list = (name: string): string[] => (env[name] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const groups = parseDiscoveryGroups(sources, ENV.DISCOVER_SOURCES);
  const allowList = list(ENV.DISCOVER_ACCOUNTS);
  for (const a of allowList) if (!ACCOUNT.test(a)) throw new Error(`${ENV.DISCOVER_ACCOUNTS}: "${a}" is not a 12-digit AWS account id`);
  const roleName = env[ENV.DISCOVER_ROLE_NAME]?.trim() || undefined;
  if (roleName && !ROLE_NAME.test(roleName)) throw new Error(`${ENV.DISCOVER_ROLE_NAME}: "${roleName}" is not an IAM role name`);
  if (allowList.length > 0 && !roleName) throw new Error(`${ENV.DISCOVER_ACCOUNTS} is set but ${ENV.DISCOVER_ROLE_NAME} is not: name the role to assume in those accounts`);
  const regions = list(ENV.DISCOVER_REGIONS);
  for (const r of regions) if (!REGION.test(r)) throw new Error(`${ENV.DISCOVER_REGIONS}: "${r}" is not an AWS region name`);
  const own = env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  const effective = regions.length > 0 ? regions : own ? [own] : [];
  if (effective.length === 0) throw new Error(`${ENV.DISCOVER_REGIONS} is not set and neither is AWS_REGION: name the regions to discover in`);
  return { groups, regions: effective, allowList, ...(roleName ? { roleName } : {}) };
}

/** The inventory source and the ownership check for one set of discovery settings. */
export function awsDiscovery(settings: DiscoverySettings, resolver: HostResolver, clients?: DiscoveryClients): { inventory: AwsInventory; ownership: AwsOwnershipCheck } {
  const common = { allowList: settings.allowList, ...(settings.roleName ? { roleName: settings.roleName } : {}), ...(clients ? { clients } : {}) };
  return {
    inventory: new AwsInventory({ groups: settings.groups, regions: settings.regions, ...common }),
    ownership: new AwsOwnershipCheck({ resolver, ...common }),
  };
}
