import type { HostResolver } from '../ports.js';
import { formatAddress, parseAddress } from './address.js';
import { type AddressPolicy, checkRangeAllowed } from './address-policy.js';
import { parseCidr } from './cidr.js';
import { MAX_ADDRESSES_PER_HOST_ROW, type MonitoredHost, type MonitoredRange } from './range-row.js';

/** A host row whose name gave no address to probe this cycle, and why. */
export interface UnresolvedHost {
  readonly row: MonitoredHost;
  readonly reason: string;
}

export interface ResolvedHostRows {
  /** One range per address a name resolved to, carrying the name (`MonitoredRange.host`). */
  readonly ranges: MonitoredRange[];
  /** Names that did not resolve, or whose lookup failed: their endpoints keep their state. */
  readonly unresolved: UnresolvedHost[];
  /** Addresses skipped (refused by the address policy, or past the per-name cap), each naming name and address. */
  readonly warnings: { readonly row: string; readonly error: string }[];
}

/** Names looked up at once: a registry of many names must not wait for them one by one. */
const RESOLVE_CONCURRENCY = 16;

/**
 * Resolves the host rows of a cycle. Every address must pass the address policy as a CIDR row's
 * must: a name that resolves to a refused or private address is skipped with a warning naming the
 * name and the address (DNS is never a way around the policy). A name with more addresses than
 * MAX_ADDRESSES_PER_HOST_ROW is probed at the first ones, with a warning.
 */
export async function resolveHostRows(
  rows: readonly MonitoredHost[],
  resolver: HostResolver | undefined,
  policy: AddressPolicy,
): Promise<ResolvedHostRows> {
  const ranges: MonitoredRange[] = [];
  const unresolved: UnresolvedHost[] = [];
  const warnings: { row: string; error: string }[] = [];
  const lookups: { row: MonitoredHost; result: readonly string[] | Error }[] = [];
  for (let i = 0; i < rows.length; i += RESOLVE_CONCURRENCY) {
    const batch = rows.slice(i, i + RESOLVE_CONCURRENCY);
    lookups.push(
      ...(await Promise.all(
        batch.map(async (row) => {
          if (!resolver) return { row, result: new Error('no resolver is configured for host rows') };
          try {
            return { row, result: await resolver.resolve(row.host) };
          } catch (err) {
            return { row, result: err instanceof Error ? err : new Error(String(err)) };
          }
        }),
      )),
    );
  }
  for (const { row, result } of lookups) {
    if (result instanceof Error) {
      unresolved.push({ row, reason: `resolving ${row.host} failed: ${result.message.slice(0, 200)}` });
      continue;
    }
    if (result.length === 0) {
      unresolved.push({ row, reason: `${row.host} resolves to no address` });
      continue;
    }
    const addresses = [...new Set(result)];
    if (addresses.length > MAX_ADDRESSES_PER_HOST_ROW) {
      warnings.push({ row: row.host, error: `${row.host} resolves to ${addresses.length} addresses; probing the first ${MAX_ADDRESSES_PER_HOST_ROW}` });
    }
    for (const raw of addresses.slice(0, MAX_ADDRESSES_PER_HOST_ROW)) {
      let cidr;
      try {
        cidr = parseCidr(formatAddress(parseAddress(raw)));
        checkRangeAllowed(cidr, policy);
      } catch (err) {
        warnings.push({ row: row.host, error: `${row.host} resolves to ${String(raw).slice(0, 60)}, which is refused (${(err as Error).message}); skipped` });
        continue;
      }
      const { host, ...fields } = row;
      ranges.push({ ...fields, host, cidr, exclude: [], intervals: [{ family: cidr.family, first: cidr.first, last: cidr.last }] });
    }
  }
  return { ranges, unresolved, warnings };
}
