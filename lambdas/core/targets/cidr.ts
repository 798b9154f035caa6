import { type Address, type Family, familyBits, formatAddress, InputError, parseAddress } from './address.js';

/** A contiguous address interval [first, last], both inclusive, of one family. */
export interface AddressInterval {
  readonly family: Family;
  readonly first: bigint;
  readonly last: bigint;
}

/** A parsed CIDR: its network address and prefix length. */
export interface Cidr extends AddressInterval {
  readonly prefix: number;
  /** Canonical text, e.g. `203.0.113.0/24`. */
  readonly text: string;
}

/** The largest IPv6 range a row may name: /120, i.e. 256 addresses, because v6 sweeps are sparse. */
export const MIN_IPV6_PREFIX = 120;

/**
 * Parses `a.b.c.d/n`, `a.b.c.d` (a /32), or an IPv6 equivalent. Host bits must be zero, so a typo
 * such as `10.0.0.5/8` is refused rather than silently widened to the whole /8.
 */
export function parseCidr(text: string): Cidr {
  const trimmed = text.trim();
  if (trimmed === '') throw new InputError('empty range: expected a CIDR such as 198.51.100.0/24');
  const slash = trimmed.indexOf('/');
  const addressText = slash === -1 ? trimmed : trimmed.slice(0, slash);
  const prefixText = slash === -1 ? undefined : trimmed.slice(slash + 1);
  let address: Address;
  try {
    address = parseAddress(addressText);
  } catch {
    throw new InputError(`"${text}" is not a valid CIDR: "${addressText}" is not an IPv4 or IPv6 address`);
  }
  const bits = familyBits(address.family);
  let prefix = bits;
  if (prefixText !== undefined) {
    if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) {
      throw new InputError(`"${text}" is not a valid CIDR: prefix length must be 0..${bits} for IPv${address.family}`);
    }
    prefix = Number(prefixText);
  }
  const hostBits = BigInt(bits - prefix);
  const mask = (1n << hostBits) - 1n;
  if ((address.value & mask) !== 0n) {
    const network = formatAddress({ family: address.family, value: address.value & ~mask });
    throw new InputError(`"${text}" has host bits set: did you mean ${network}/${prefix}?`);
  }
  return {
    family: address.family,
    first: address.value,
    last: address.value | mask,
    prefix,
    text: `${formatAddress(address)}/${prefix}`,
  };
}

export function intervalSize(interval: AddressInterval): bigint {
  return interval.last - interval.first + 1n;
}

export function overlaps(a: AddressInterval, b: AddressInterval): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

export function contains(outer: AddressInterval, inner: AddressInterval): boolean {
  return outer.family === inner.family && outer.first <= inner.first && inner.last <= outer.last;
}

export function containsAddress(interval: AddressInterval, address: Address): boolean {
  return interval.family === address.family && interval.first <= address.value && address.value <= interval.last;
}

/** Merges overlapping and adjacent intervals; output is sorted by family then start. */
export function mergeIntervals(intervals: readonly AddressInterval[]): AddressInterval[] {
  const sorted = [...intervals].sort((a, b) =>
    a.family !== b.family ? a.family - b.family : a.first < b.first ? -1 : a.first > b.first ? 1 : 0,
  );
  const out: AddressInterval[] = [];
  for (const next of sorted) {
    const prev = out[out.length - 1];
    if (prev && prev.family === next.family && next.first <= prev.last + 1n) {
      if (next.last > prev.last) out[out.length - 1] = { ...prev, last: next.last };
    } else {
      out.push({ family: next.family, first: next.first, last: next.last });
    }
  }
  return out;
}

/** Removes every excluded interval from `intervals`; the result is merged and sorted. */
export function subtractIntervals(
  intervals: readonly AddressInterval[],
  excluded: readonly AddressInterval[],
): AddressInterval[] {
  let remaining = mergeIntervals(intervals);
  for (const cut of mergeIntervals(excluded)) {
    const next: AddressInterval[] = [];
    for (const piece of remaining) {
      if (!overlaps(piece, cut)) {
        next.push(piece);
        continue;
      }
      if (piece.first < cut.first) next.push({ family: piece.family, first: piece.first, last: cut.first - 1n });
      if (piece.last > cut.last) next.push({ family: piece.family, first: cut.last + 1n, last: piece.last });
    }
    remaining = next;
  }
  return remaining;
}

export function formatInterval(interval: AddressInterval): string {
  const first = formatAddress({ family: interval.family, value: interval.first });
  if (interval.first === interval.last) return first;
  return `${first}-${formatAddress({ family: interval.family, value: interval.last })}`;
}
