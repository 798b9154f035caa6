import type { HostResolver } from '../ports.js';
import type { AddressPolicy } from './address-policy.js';
import { parseCidr } from './cidr.js';
import type { MonitoredHost, MonitoredRange } from './range-row.js';
import { lookUpName, MAX_ADDRESSES_PER_NAME, type NameLookup } from './resolve-names.js';

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
 * Resolves the host rows of a cycle (see `lookUpName`: the address policy applies to every
 * address, so a name that resolves to a refused or private address is skipped with a warning
 * naming the name and the address). A name with more than MAX_ADDRESSES_PER_NAME addresses is
 * probed at the first ones, with a warning.
 */
export async function resolveHostRows(
  rows: readonly MonitoredHost[],
  resolver: HostResolver | undefined,
  policy: AddressPolicy,
): Promise<ResolvedHostRows> {
  const ranges: MonitoredRange[] = [];
  const unresolved: UnresolvedHost[] = [];
  const warnings: { row: string; error: string }[] = [];
  const lookups: { row: MonitoredHost; found: NameLookup }[] = [];
  for (let i = 0; i < rows.length; i += RESOLVE_CONCURRENCY) {
    const batch = rows.slice(i, i + RESOLVE_CONCURRENCY);
    lookups.push(
      ...(await Promise.all(
        batch.map(async (row) => ({
          row,
          found: resolver ? await lookUpName(row.host, resolver, policy) : ({ kind: 'failed', error: 'no resolver is configured for host rows' } as const),
        })),
      )),
    );
  }
  for (const { row, found } of lookups) {
    if (found.kind === 'failed') {
      unresolved.push({ row, reason: `resolving ${row.host} failed: ${found.error.slice(0, 200)}` });
      continue;
    }
    if (found.kind === 'empty') {
      unresolved.push({ row, reason: `${row.host} resolves to no address` });
      continue;
    }
    if (found.total > MAX_ADDRESSES_PER_NAME) {
      warnings.push({ row: row.host, error: `${row.host} resolves to ${found.total} addresses; probing the first ${MAX_ADDRESSES_PER_NAME}` });
    }
    for (const r of found.refused) warnings.push({ row: row.host, error: `${row.host} resolves to ${r.address}, which is refused (${r.reason}); skipped` });
    for (const address of found.allowed) {
      const cidr = parseCidr(address);
      const { host, ...fields } = row;
      ranges.push({ ...fields, host, cidr, exclude: [], intervals: [{ family: cidr.family, first: cidr.first, last: cidr.last }] });
    }
  }
  return { ranges, unresolved, warnings };
}
