import { InputError } from './address.js';
import { type AddressInterval, type Cidr, contains, intervalSize, MIN_IPV6_PREFIX, overlaps, parseCidr } from './cidr.js';

/**
 * Which addresses the monitor may probe (design section 6). The lists follow the IANA IPv4 and
 * IPv6 special-purpose address registries (RFC 6890 and its updates).
 */
export interface AddressPolicy {
  /** Permit RFC 1918, shared (100.64.0.0/10), link-local and IPv6 unique-local ranges. */
  readonly allowPrivate: boolean;
  /** The shortest prefix a single range may have (default 16: a /16 is the largest row). */
  readonly maxRangePrefixV4: number;
}

export const DEFAULT_POLICY: AddressPolicy = { allowPrivate: false, maxRangePrefixV4: 16 };

interface SpecialRange {
  readonly cidr: Cidr;
  readonly name: string;
}

const special = (text: string, name: string): SpecialRange => ({ cidr: parseCidr(text), name });

/** Loopback: always allowed, it is where tests and the demo run. */
const LOOPBACK: readonly SpecialRange[] = [special('127.0.0.0/8', 'loopback'), special('::1/128', 'loopback')];

/** Allowed only with `allowPrivate`: internal address space that an operator may legitimately own. */
const PRIVATE: readonly SpecialRange[] = [
  special('10.0.0.0/8', 'private (RFC 1918)'),
  special('172.16.0.0/12', 'private (RFC 1918)'),
  special('192.168.0.0/16', 'private (RFC 1918)'),
  special('100.64.0.0/10', 'shared address space (RFC 6598)'),
  special('169.254.0.0/16', 'link-local'),
  special('fc00::/7', 'unique-local (RFC 4193)'),
  special('fe80::/10', 'link-local'),
];

/** Never scanned: nobody owns these on the internet, or probing them reaches someone else. */
const REFUSED: readonly SpecialRange[] = [
  special('0.0.0.0/8', '"this network" (RFC 791)'),
  special('192.0.0.0/24', 'IETF protocol assignments'),
  special('192.0.2.0/24', 'documentation (TEST-NET-1)'),
  special('192.88.99.0/24', '6to4 relay anycast'),
  special('198.18.0.0/15', 'benchmarking (RFC 2544)'),
  special('198.51.100.0/24', 'documentation (TEST-NET-2)'),
  special('203.0.113.0/24', 'documentation (TEST-NET-3)'),
  special('224.0.0.0/4', 'multicast'),
  special('240.0.0.0/4', 'reserved (class E) and broadcast'),
  special('::/128', 'unspecified'),
  special('::ffff:0:0/96', 'IPv4-mapped (register the IPv4 address instead)'),
  special('64:ff9b::/96', 'NAT64 translation'),
  special('100::/64', 'discard-only'),
  special('2001::/23', 'IETF protocol assignments'),
  special('2001:db8::/32', 'documentation'),
  special('2002::/16', '6to4'),
  special('ff00::/8', 'multicast'),
];

function isLoopback(interval: AddressInterval): boolean {
  return LOOPBACK.some((r) => contains(r.cidr, interval));
}

/**
 * Checks that every address of `cidr` may be probed under `policy`, and that the range is not
 * larger than allowed. Throws an `InputError` naming the value and the rule otherwise.
 */
export function checkRangeAllowed(cidr: Cidr, policy: AddressPolicy): void {
  if (cidr.family === 6 && cidr.prefix < MIN_IPV6_PREFIX) {
    throw new InputError(
      `${cidr.text} is too large for an IPv6 range: IPv6 is accepted only as single addresses or /${MIN_IPV6_PREFIX} and smaller, because a wider IPv6 range cannot be swept address by address`,
    );
  }
  for (const r of REFUSED) {
    if (overlaps(r.cidr, cidr)) {
      throw new InputError(`${cidr.text} is refused: it overlaps ${r.cidr.text}, ${r.name}, which is never scanned`);
    }
  }
  const loopback = isLoopback(cidr);
  if (!loopback && LOOPBACK.some((r) => overlaps(r.cidr, cidr))) {
    throw new InputError(`${cidr.text} is refused: it mixes loopback with other addresses`);
  }
  const privateHit = loopback ? undefined : PRIVATE.find((r) => overlaps(r.cidr, cidr));
  const needsPrivate = privateHit !== undefined && !policy.allowPrivate;
  const privateRule = `pass --allow-private to scan internal ranges (context allowPrivate on AWS)`;
  // Loopback too: a 127.0.0.0/8 row would make every run larger than a run can track.
  if (cidr.family === 4 && cidr.prefix < policy.maxRangePrefixV4) {
    // Both problems in one message: fixing the size alone would only lead to the private refusal.
    const alsoPrivate = needsPrivate ? `; it is also ${privateHit.name} (${privateHit.cidr.text}): ${privateRule}` : '';
    throw new InputError(
      `${cidr.text} is too large: ${intervalSize(cidr)} addresses; a range may be at most /${policy.maxRangePrefixV4} (split it into several rows, or raise the limit: --max-range-prefix locally, context maxRangePrefix on AWS)${alsoPrivate}`,
    );
  }
  if (needsPrivate) {
    throw new InputError(`${cidr.text} is refused: it overlaps ${privateHit.cidr.text}, ${privateHit.name}; ${privateRule}`);
  }
}
