import { lookup } from 'node:dns/promises';
import type { HostResolver } from '../../core/ports.js';

/** Set to 1 (the test suite does) to forbid system DNS lookups in this process and its children. */
export const NO_SYSTEM_DNS = 'EXPOSURE_MONITOR_NO_SYSTEM_DNS';

/** How long one name may take to resolve; past it the name is reported unresolved this time. */
export const RESOLVE_TIMEOUT_MS = 5_000;

/**
 * The system resolver (`getaddrinfo`: `/etc/hosts`, then the configured DNS), with a bounded
 * wait: a resolver that never answers must not hold a cycle. A name that does not exist resolves
 * to no address; any other failure is an error naming its code.
 */
export const systemResolver: HostResolver = {
  async resolve(name: string): Promise<readonly string[]> {
    // The test suite sets this: a name a test forgot to fix must fail there, not reach a DNS server.
    if (process.env[NO_SYSTEM_DNS] === '1') throw new Error(`the system resolver is off here (${NO_SYSTEM_DNS}=1); fix ${name} with --resolve`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from the resolver in ${RESOLVE_TIMEOUT_MS} ms`)), RESOLVE_TIMEOUT_MS);
    });
    try {
      const found = await Promise.race([lookup(name, { all: true, verbatim: true }), timeout]);
      return [...new Set(found.map((a) => a.address))];
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOTFOUND' || code === 'ENODATA') return [];
      throw new Error(code ? `${code} (${(err as Error).message.slice(0, 120)})` : (err as Error).message);
    } finally {
      clearTimeout(timer);
    }
  },
};

/** A fixed map of names to addresses (`--resolve NAME=ADDRESS`, tests); other names go to `fallback`. */
export function staticResolver(entries: ReadonlyMap<string, readonly string[]>, fallback?: HostResolver): HostResolver {
  return {
    async resolve(name: string): Promise<readonly string[]> {
      const fixed = entries.get(name);
      if (fixed) return fixed;
      return fallback ? fallback.resolve(name) : [];
    },
  };
}
