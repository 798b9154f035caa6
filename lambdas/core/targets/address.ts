import ipaddr from 'ipaddr.js';

/** Address family. IPv6 is supported only for small ranges (see `cidr.ts`). */
export type Family = 4 | 6;

/** An address as an integer, so ranges are arithmetic rather than lists. */
export interface Address {
  readonly family: Family;
  readonly value: bigint;
}

/** Thrown for any input that is not acceptable; the message names the bad value. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

const BITS: Record<Family, number> = { 4: 32, 6: 128 };

export function familyBits(family: Family): number {
  return BITS[family];
}

/** Parses a bare IPv4 or IPv6 address in its canonical textual forms (no zone ids). */
export function parseAddress(text: string): Address {
  const trimmed = text.trim();
  if (ipaddr.IPv4.isValidFourPartDecimal(trimmed)) {
    const bytes = ipaddr.IPv4.parse(trimmed).toByteArray();
    return { family: 4, value: bytesToBigint(bytes) };
  }
  if (trimmed.includes(':') && !trimmed.includes('%') && ipaddr.IPv6.isValid(trimmed)) {
    const bytes = ipaddr.IPv6.parse(trimmed).toByteArray();
    return { family: 6, value: bytesToBigint(bytes) };
  }
  throw new InputError(`"${text}" is not an IPv4 or IPv6 address`);
}

export function formatAddress(address: Address): string {
  if (address.family === 4) {
    const v = Number(address.value);
    return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
  }
  const bytes: number[] = [];
  let v = address.value;
  for (let i = 0; i < 16; i++) {
    bytes.unshift(Number(v & 255n));
    v >>= 8n;
  }
  return ipaddr.fromByteArray(bytes).toString();
}

export function addOffset(address: Address, offset: number | bigint): Address {
  return { family: address.family, value: address.value + BigInt(offset) };
}

function bytesToBigint(bytes: readonly number[]): bigint {
  let value = 0n;
  for (const b of bytes) value = (value << 8n) | BigInt(b);
  return value;
}
