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

/** What one name gave: the addresses that may be probed, and why the others may not. */
export type NameLookup =
  | { readonly kind: 'failed'; readonly error: string }
  | { readonly kind: 'empty' }
  | {
      readonly kind: 'resolved';
      /** Canonical addresses that pass the address policy, at most MAX_ADDRESSES_PER_NAME. */
      readonly allowed: readonly string[];
      /** Addresses the policy refuses (or that are not addresses at all), with the reason. */
      readonly refused: readonly { readonly address: string; readonly reason: string }[];
      /** How many distinct addresses the name gave, before the cap. */
      readonly total: number;
    };

/**
 * Resolves one name and applies the address policy to each address, as it applies to a range:
 * DNS must never be a way around it. Used by `scan` targets and by host rows alike; each words its
 * own warnings.
 */
export async function lookUpName(name: string, resolver: HostResolver, policy: AddressPolicy): Promise<NameLookup> {
  let answer: readonly string[];
  try {
    answer = await resolver.resolve(name);
  } catch (err) {
    return { kind: 'failed', error: err instanceof Error ? err.message : String(err) };
  }
  const distinct = [...new Set(answer)];
  if (distinct.length === 0) return { kind: 'empty' };
  const allowed: string[] = [];
  const refused: { address: string; reason: string }[] = [];
  for (const raw of distinct.slice(0, MAX_ADDRESSES_PER_NAME)) {
    try {
      const address = formatAddress(parseAddress(raw));
      checkRangeAllowed(parseCidr(address), policy);
      if (!allowed.includes(address)) allowed.push(address);
    } catch (err) {
      refused.push({ address: String(raw).slice(0, 60), reason: (err as Error).message });
    }
  }
  return { kind: 'resolved', allowed, refused, total: distinct.length };
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
    const found = await lookUpName(target.name, resolver, policy);
    if (found.kind === 'failed') {
      warn(`target "${target.text}": resolving ${target.name} failed (${found.error}); skipped`);
      continue;
    }
    if (found.kind === 'empty') {
      warn(`target "${target.text}": ${target.name} does not resolve to any address; skipped`);
      continue;
    }
    if (found.total > MAX_ADDRESSES_PER_NAME) {
      warn(`target "${target.text}": ${target.name} resolves to ${found.total} addresses; probing the first ${MAX_ADDRESSES_PER_NAME}`);
    }
    for (const r of found.refused) warn(`target "${target.text}": ${target.name} resolves to ${r.address}, which is refused (${r.reason}); skipped`);
    for (const address of found.allowed) {
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
