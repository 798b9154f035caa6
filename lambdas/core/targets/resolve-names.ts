import type { HostResolver } from '../ports.js';
import { formatAddress, parseAddress } from './address.js';
import { type AddressPolicy, checkRangeAllowed } from './address-policy.js';
import { parseCidr } from './cidr.js';

/** Most addresses probed per name: a name with thousands of records is a CDN, not one service. */
export const MAX_ADDRESSES_PER_NAME = 16;

/** An address:port to connect to, and the names to fingerprint it under. */
export interface NamedEndpoint {
  readonly host: string;
  readonly port: number;
  readonly names: Set<string>;
}

/**
 * Resolves name targets to the address:ports to probe, keyed `address|port`. Every address must
 * pass the address policy, as an address target must: a name that resolves to a refused or
 * private address is skipped with a warning naming the name and the address, never probed. A
 * name that does not resolve, or whose lookup fails, is skipped with a warning too; the other
 * targets go on.
 */
export async function resolveNameTargets(
  targets: readonly { readonly text: string; readonly name: string; readonly port?: number }[],
  resolver: HostResolver,
  policy: AddressPolicy,
  defaultPorts: readonly number[],
  warn: (message: string) => void,
): Promise<Map<string, NamedEndpoint>> {
  const endpoints = new Map<string, NamedEndpoint>();
  for (const target of targets) {
    let addresses: readonly string[];
    try {
      addresses = await resolver.resolve(target.name);
    } catch (err) {
      warn(`target "${target.text}": resolving ${target.name} failed (${(err as Error).message}); skipped`);
      continue;
    }
    if (addresses.length === 0) {
      warn(`target "${target.text}": ${target.name} does not resolve to any address; skipped`);
      continue;
    }
    if (addresses.length > MAX_ADDRESSES_PER_NAME) {
      warn(`target "${target.text}": ${target.name} resolves to ${addresses.length} addresses; probing the first ${MAX_ADDRESSES_PER_NAME}`);
    }
    for (const raw of addresses.slice(0, MAX_ADDRESSES_PER_NAME)) {
      let address: string;
      try {
        address = formatAddress(parseAddress(raw));
        checkRangeAllowed(parseCidr(address), policy);
      } catch (err) {
        warn(`target "${target.text}": ${target.name} resolves to ${raw}, which is refused (${(err as Error).message}); skipped`);
        continue;
      }
      for (const port of target.port === undefined ? defaultPorts : [target.port]) {
        const key = `${address}|${port}`;
        const endpoint = endpoints.get(key) ?? { host: address, port, names: new Set<string>() };
        endpoint.names.add(target.name);
        endpoints.set(key, endpoint);
      }
    }
  }
  return endpoints;
}
