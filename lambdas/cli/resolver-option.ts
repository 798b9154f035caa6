import { staticResolver, systemResolver } from '../adapters/dns/system-resolver.js';
import type { HostResolver } from '../core/ports.js';
import { formatAddress, InputError, parseAddress } from '../core/targets/address.js';
import { parseHostName } from '../core/targets/host-name.js';
import type { OptionValues } from './cli-options.js';

/**
 * The resolver of a command: the system resolver, with the names of `--resolve
 * NAME=ADDRESS[,NAME=ADDRESS...]` fixed first (like curl's --resolve: to reach a name before its
 * DNS exists, or on a test machine with no DNS at all). A name given twice gets both addresses.
 */
export function resolverOption(values: OptionValues): HostResolver {
  const raw = values.resolve;
  if (raw === undefined) return systemResolver;
  if (typeof raw !== 'string' || raw.trim() === '') throw new InputError('--resolve needs NAME=ADDRESS (comma-separated for several)');
  const entries = new Map<string, string[]>();
  for (const item of raw.split(',')) {
    const [name, address, extra] = item.split('=');
    if (name === undefined || address === undefined || extra !== undefined) throw new InputError(`--resolve: "${item.slice(0, 80)}" is not NAME=ADDRESS`);
    const host = parseHostName(name, '--resolve');
    let canonical: string;
    try {
      canonical = formatAddress(parseAddress(address.trim()));
    } catch (err) {
      throw new InputError(`--resolve ${host}: ${(err as Error).message}`);
    }
    entries.set(host, [...(entries.get(host) ?? []), canonical]);
  }
  return staticResolver(entries, systemResolver);
}
